package dev.criconf.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> IDS = List.of("cgroup-driver-mismatch", "duplicate-key", "syntax-error",
            "sandbox-image-mismatch", "deprecated-registry");

    @Test
    void typosFindTheirWord() {
        assertEquals(List.of("syntax-error"), Suggestions.closest("syntax-eror", IDS));
        assertEquals(List.of("syntax-error"), Suggestions.closest("sytnax-error", IDS), "a swap counts once");
        assertEquals(List.of("duplicate-key"), Suggestions.closest("DUPLICATE-KEY", IDS));
        assertEquals(List.of("cgroup-driver-mismatch"), Suggestions.closest("cgroup", IDS), "a part of an id");
        assertEquals(List.of("cgroup-driver-mismatch", "sandbox-image-mismatch"), Suggestions.closest("mismatch", IDS));
        assertEquals(List.of(), Suggestions.closest("zzzz", IDS));
    }

    @Test
    void phrases() {
        assertEquals("did you mean get?", Suggestions.didYouMean("gte", List.of("get", "explain")));
        assertEquals("", Suggestions.didYouMean("qqqqqqqq", List.of("get", "explain")));
        assertEquals("a, b or c", Suggestions.orList(List.of("a", "b", "c")));
        assertEquals("a or b", Suggestions.orList(List.of("a", "b")));
    }

    @Property(tries = 300)
    void distanceIsAMetricOnSmallWords(@ForAll @AlphaChars @StringLength(max = 8) String a,
            @ForAll @AlphaChars @StringLength(max = 8) String b) {
        assertEquals(Suggestions.distance(a, b), Suggestions.distance(b, a));
        assertEquals(0, Suggestions.distance(a, a));
        assertEquals(a.equals(b), Suggestions.distance(a, b) == 0);
        int bound = Math.max(a.length(), b.length());
        assertEquals(true, Suggestions.distance(a, b) <= bound);
    }
}
