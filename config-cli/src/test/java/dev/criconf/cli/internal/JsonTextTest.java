package dev.criconf.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void scalarsArePlain() {
        assertEquals("systemd", JsonText.show("systemd"));
        assertEquals("a \"quoted\" word", JsonText.show("a \"quoted\" word"));
        assertEquals("true", JsonText.show(true));
        assertEquals("42", JsonText.show(42L));
        assertEquals("123456789012345678901234567890", JsonText.show(new BigInteger("123456789012345678901234567890")));
        assertEquals("1.5", JsonText.show(1.5));
        assertEquals("1.0e10", JsonText.show(1e10));
        assertEquals("inf", JsonText.show(Double.POSITIVE_INFINITY));
        assertEquals("nan", JsonText.show(Double.NaN));
        assertEquals("1.50", JsonText.show(new BigDecimal("1.50")));
        assertEquals("2024-01-02", JsonText.show(LocalDate.of(2024, 1, 2)));
        assertEquals("null", JsonText.show(null));
    }

    @Test
    void collectionsAreIndentedJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of("x", 1L, false));
        m.put("a", Map.of());
        m.put("c\n", List.of());
        m.put("d", Double.NEGATIVE_INFINITY);
        m.put("e", LocalDate.of(2024, 1, 2));
        m.put("f", null);
        assertEquals("{\n  \"b\": [\n    \"x\",\n    1,\n    false\n  ],\n  \"a\": {},\n  \"c\\n\": [],\n"
                + "  \"d\": \"-inf\",\n  \"e\": \"2024-01-02\",\n  \"f\": null\n}", JsonText.show(m));
    }

    @Test
    void quotingEscapesControlCharacters() {
        assertEquals("\"a\\u001bb\\t\\\\\\\"\"", JsonText.quote("a\u001bb\t\\\""));
    }
}
