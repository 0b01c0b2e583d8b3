package dev.criconf.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.json.JsonValue.JsonArray;
import dev.criconf.io.json.JsonValue.JsonMember;
import dev.criconf.io.json.JsonValue.JsonNumber;
import dev.criconf.io.json.JsonValue.JsonObject;
import dev.criconf.model.Problem;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

    @Test
    void buildsASpanTree() {
        String text = "{\n  \"a\": [1, -2.5e3, true, false, null],\n  \"b\": {\"c\": \"d\"}\n}\n";
        JsonDocument doc = JsonDocument.parse("/etc/docker/daemon.json", text);
        assertEquals(List.of(), doc.problems());
        assertEquals(text, doc.text());
        JsonObject root = (JsonObject) doc.root().orElseThrow();
        assertEquals(0, root.origin().offset());
        assertEquals(text.length() - 1, root.origin().length());
        JsonMember a = root.members().get(0);
        assertEquals("a", a.key());
        assertEquals("/etc/docker/daemon.json:2:3", a.keyOrigin().toString());
        assertEquals(3, a.keyOrigin().length());
        JsonArray arr = (JsonArray) a.value();
        assertEquals("/etc/docker/daemon.json:2:8", arr.origin().toString());
        assertEquals("[1, -2.5e3, true, false, null]".length(), arr.origin().length());
        JsonNumber n = (JsonNumber) arr.items().get(1);
        assertEquals("-2.5e3", n.raw());
        assertEquals(0, new BigDecimal("-2500").compareTo(n.decimal()));
        assertEquals("/etc/docker/daemon.json:2:12", n.origin().toString());
        assertEquals(List.of("number", "number", "boolean", "boolean", "null"), arr.items().stream().map(JsonValue::kind).toList());
        assertEquals(Optional.of("d"), doc.getString(JsonPath.of("b", "c")));
        assertEquals("/etc/docker/daemon.json:3:14", doc.find("b", "c").orElseThrow().origin().toString());
        assertEquals(Optional.of(Boolean.TRUE), doc.getBoolean(JsonPath.of("a").index(2)));
        assertEquals(Optional.empty(), doc.getString(JsonPath.of("a").index(9)));
        assertEquals(Optional.empty(), doc.getString(JsonPath.of("a", "x")), "a path through an array by key finds nothing");
    }

    @Test
    void resolvesEveryEscapeIncludingSurrogatePairs() {
        String text = "{\"s\": \"q\\\"b\\\\s\\/ \\b\\f\\n\\r\\t \\u00e9 \\uD83D\\uDE00 \\u0041 é😀\"}";
        JsonDocument doc = JsonDocument.parse("f", text);
        assertEquals(List.of(), doc.problems());
        String s = doc.getString(JsonPath.of("s")).orElseThrow();
        assertEquals("q\"b\\s/ \b\f\n\r\t é 😀 A é😀", s);
        assertEquals(0x1F600, s.codePointAt(s.indexOf('\uD83D')));
        assertEquals(text, new String(doc.toBytes(), StandardCharsets.UTF_8));
        JsonDocument lone = JsonDocument.parse("f", "[\"\\uD800\"]");
        assertFalse(lone.hasErrors(), "RFC 8259's grammar allows any \\u escape; Go and jackson accept it too");
        assertEquals("\uD800", ((JsonValue.JsonString) ((JsonArray) lone.root().orElseThrow()).items().get(0)).value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`{\"a\": 1,}`          | f:1:9  | expected a member name",
        "`[1 2]`                | f:1:4  | expected ',' or ']'",
        "`{'a': 1}`             | f:1:2  | expected a member name",
        "`{\"a\": 01}`          | f:1:8  | leading zero",
        "`{\"a\": \"x\ny\"}`    | f:1:9  | must be escaped",
        "`{\"a\": tru}`         | f:1:7  | did you mean true",
        "`{\"a\": 1} x`         | f:1:10 | after the end of the JSON value",
        "`{\"a\": 1`            | f:1:8  | the text ends",
        "`// comment\n{}`       | f:1:1  | JSON has no comments",
        "`{\"a\": \"\\x\"}`     | f:1:8  | invalid escape",
        "`{\"a\": 1.}`          | f:1:9  | after the decimal point",
        "`{\"a\": -}`           | f:1:8  | expected a digit",
        "`\"open`               | f:1:1  | not closed",
        "`{\"a\": NaN}`         | f:1:7  | expected a value",
        "`{\"a\" 1}`            | f:1:6  | expected ':'",
        "`{\n  \"a\": [\n    1,\n  }` | f:4:3 | expected a value",
        "`{\"a\": \"\\u12\"}`   | f:1:8  | four hex digits",
        "`\uFEFF\uFEFF{}`       | f:1:2  | U+FEFF",
        "`[\"\\u00\u0663\u0664\"]`  | f:1:3  | four hex digits",
    })
    void syntaxErrorsAreLocated(String text, String where, String message) {
        JsonDocument doc = JsonDocument.parse("f", text);
        assertTrue(doc.hasErrors());
        assertEquals(1, doc.problems().size(), doc.problems().toString());
        Problem p = doc.problems().get(0);
        assertEquals(Problem.Kind.SYNTAX, p.kind());
        assertEquals(where, p.origin().toString(), p.message());
        assertTrue(p.message().contains(message), p.message());
        assertEquals(Optional.empty(), doc.root());
        assertEquals(text, doc.text(), "the text is kept even when it does not parse");
    }

    @Test
    void duplicateKeysAreReportedButTheLastOneCountsAsInGo() {
        JsonDocument doc = JsonDocument.parse("f", "{\"a\": 1, \"b\": 2, \"a\": 3}");
        assertEquals(1, doc.problems().size());
        Problem p = doc.problems().get(0);
        assertEquals(Problem.Kind.DUPLICATE_KEY, p.kind());
        assertEquals("f:1:18", p.origin().toString());
        assertTrue(p.message().contains("first at 1:2"), p.message());
        assertFalse(doc.hasErrors());
        assertEquals(0, BigDecimal.valueOf(3).compareTo(doc.getNumber(JsonPath.of("a")).orElseThrow()));
        assertEquals(Optional.of(JsonData.object(Map.of("a", JsonData.number(3), "b", JsonData.number(2)))), doc.data());
    }

    @Test
    void emptyAndWhitespaceOnlyFilesAreValidAsDockerdReadsThem() {
        for (String text : List.of("", "  \n\t\r\n", "\uFEFF", "\uFEFF \n")) {
            JsonDocument doc = JsonDocument.parse("f", text);
            assertEquals(List.of(), doc.problems());
            assertEquals(Optional.empty(), doc.root());
            assertEquals(text, doc.text());
        }
        JsonDocument bom = JsonDocument.parse("f", "\uFEFF{\"debug\": true}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(true), bom.getBoolean(JsonPath.of("debug")));
        assertEquals("f:1:2", bom.root().orElseThrow().origin().toString());
    }

    @Test
    void deepNestingIsALimitNotAStackOverflow() {
        JsonDocument open = JsonDocument.parse("f", "[".repeat(100_000));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, open.problems().get(0).kind());
        assertEquals("f:1:257", open.problems().get(0).origin().toString());
        JsonDocument closed = JsonDocument.parse("f", "[".repeat(100_000) + "]".repeat(100_000));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, closed.problems().get(0).kind());
        JsonDocument objects = JsonDocument.parse("f", "{\"a\":".repeat(100_000));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, objects.problems().get(0).kind());
        int max = ParseLimits.DEFAULTS.maxDepth();
        assertFalse(JsonDocument.parse("f", "[".repeat(max) + "]".repeat(max)).hasErrors());
        assertTrue(JsonDocument.parse("f", "[".repeat(max + 1) + "]".repeat(max + 1)).hasErrors());
        assertFalse(JsonDocument.parse("f", "[[[1]]]", ParseLimits.DEFAULTS.withMaxDepth(3)).hasErrors());
        assertTrue(JsonDocument.parse("f", "[[[[1]]]]", ParseLimits.DEFAULTS.withMaxDepth(3)).hasErrors());
    }

    @Test
    void sizeEncodingAndNumberLimitsAreProblems() {
        JsonDocument big = JsonDocument.parse("f", "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), ParseLimits.DEFAULTS.withMaxFileBytes(5));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, big.problems().get(0).kind());
        JsonDocument bad = JsonDocument.parse("f", new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
        assertEquals(Problem.Kind.SYNTAX, bad.problems().get(0).kind());
        assertEquals("f:1:3", bad.problems().get(0).origin().toString());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, JsonDocument.parse("f", "[1e99999999999]").problems().get(0).kind());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, JsonDocument.parse("f", "[" + "1".repeat(1001) + "]").problems().get(0).kind());
        assertFalse(JsonDocument.parse("f", "[" + "1".repeat(1000) + "]").hasErrors());
    }

    @Test
    void typedGettersForDaemonJsonKeys() {
        JsonDocument doc = JsonDocument.parse("daemon.json", "{\"exec-opts\": [\"native.cgroupdriver=systemd\"],"
                + " \"registry-mirrors\": [\"https://mirror.gcr.io\", 5], \"live-restore\": true,"
                + " \"max-concurrent-downloads\": 10, \"log-opts\": {\"max-size\": \"100m\"}}");
        assertEquals(Optional.of(List.of("native.cgroupdriver=systemd")), doc.getStringList(JsonPath.of("exec-opts")));
        assertEquals(Optional.empty(), doc.getStringList(JsonPath.of("registry-mirrors")), "not all strings");
        assertEquals(Optional.empty(), doc.getStringList(JsonPath.of("insecure-registries")));
        assertEquals(Optional.of(true), doc.getBoolean(JsonPath.of("live-restore")));
        assertEquals(Optional.empty(), doc.getString(JsonPath.of("live-restore")), "wrong type is absent");
        assertEquals(0, BigDecimal.TEN.compareTo(doc.getNumber(JsonPath.of("max-concurrent-downloads")).orElseThrow()));
        assertEquals(Optional.of("100m"), doc.getString(JsonPath.of("log-opts", "max-size")));
        assertEquals(1, doc.getObject(JsonPath.of("log-opts")).orElseThrow().members().size());
        assertEquals(2, doc.getArray(JsonPath.of("registry-mirrors")).orElseThrow().items().size());
        assertEquals("/registry-mirrors/1", JsonPath.of("registry-mirrors").index(1).toString());
        assertEquals("/a~1b/c~0d", JsonPath.of("a/b", "c~d").toString());
    }
}
