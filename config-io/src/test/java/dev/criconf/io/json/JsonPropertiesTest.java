package dev.criconf.io.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.criconf.io.json.JsonValue.JsonArray;
import dev.criconf.io.json.JsonValue.JsonMember;
import dev.criconf.io.json.JsonValue.JsonObject;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonPropertiesTest {

    private static final JsonFactory JACKSON = new JsonFactory();

    @Provide
    Arbitrary<RandomJson.Sample> documents() {
        return Arbitraries.randomValue(r -> new RandomJson(r).any(4));
    }

    @Provide
    Arbitrary<RandomJson.Sample> objects() {
        return Arbitraries.randomValue(r -> new RandomJson(r).object(3));
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 1000)
    void printsBackByteForByteAndMeansWhatWasGenerated(@ForAll("documents") RandomJson.Sample s) {
        JsonDocument doc = JsonDocument.parse("gen.json", s.text());
        assertFalse(doc.hasErrors(), () -> doc.problems() + " in " + s.text());
        assertEquals(s.text(), doc.text());
        assertEquals(Optional.of(s.data()), doc.data());
        byte[] bytes = s.text().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(bytes, JsonDocument.parse("gen.json", bytes).toBytes());
    }

    @Property(tries = 1000)
    void agreesWithJacksonCoreOnGeneratedDocuments(@ForAll("documents") RandomJson.Sample s) throws IOException {
        assertEquals(jackson(s.text()), JsonDocument.parse("gen.json", s.text()).data());
    }

    /** Damaged documents: both parsers accept the same texts, and read the same data from them. */
    @Property(tries = 1000)
    void acceptsAndRejectsWhatJacksonCoreDoes(@ForAll("documents") RandomJson.Sample s, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        String alphabet = "{}[],:\"\\ \t\n0123456789-+.eEtrufalsn/u'x#";
        StringBuilder t = new StringBuilder(s.text());
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = t.length() == 0 ? 0 : r.nextInt(t.length());
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            switch (r.nextInt(3)) {
                case 0 -> t.insert(at, c);
                case 1 -> { if (t.length() > 0) { t.deleteCharAt(at); } }
                default -> { if (t.length() > 0) { t.setCharAt(at, c); } }
            }
        }
        String text = t.toString();
        JsonDocument ours = JsonDocument.parse("mutated.json", text);
        Optional<JsonData> theirs;
        boolean jacksonAccepts;
        try {
            theirs = jackson(text);
            jacksonAccepts = true;
        } catch (IOException | RuntimeException e) {
            theirs = Optional.empty();
            jacksonAccepts = false;
        }
        if (jacksonAccepts && ours.hasErrors() && jacksonHexQuirk(text, ours)) {
            return;
        }
        assertEquals(jacksonAccepts, !ours.hasErrors(), () -> "text: " + text + "\nours: " + ours.problems());
        if (jacksonAccepts) {
            assertEquals(theirs, ours.data());
        }
        assertEquals(text, ours.text());
    }

    /** Replacing, adding and removing a member only touches the text of that member. */
    @Property(tries = 1000)
    void editsKeepEveryOtherByte(@ForAll("objects") RandomJson.Sample s, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        JsonDocument doc = JsonDocument.parse("gen.json", s.text());
        JsonObject root = (JsonObject) doc.root().orElseThrow();
        List<JsonMember> members = root.members();
        JsonData value = new RandomJson(r).any(2).data();
        int op = members.isEmpty() ? 1 : r.nextInt(4);
        String before = doc.text();
        JsonDocument edited;
        final int allowedStart;
        final int allowedEnd;
        Map<String, JsonData> expected = new LinkedHashMap<>(((JsonData.Obj) doc.data().orElseThrow()).members());
        if (op == 0) { // replace a value
            JsonMember m = members.get(r.nextInt(members.size()));
            JsonMember effective = root.member(m.key()).orElseThrow();
            edited = doc.set(m.key(), value);
            allowedStart = effective.value().origin().offset();
            allowedEnd = effective.value().origin().endOffset();
            expected.put(m.key(), value);
        } else if (op == 1) { // add a member, possibly with new objects around the value
            String key = "new-" + r.nextInt(1000);
            while (expected.containsKey(key)) {
                key = key + "x";
            }
            JsonPath path = r.nextBoolean() ? JsonPath.of(key) : JsonPath.of(key, "inner");
            edited = doc.set(path, value);
            if (members.isEmpty()) {
                allowedStart = root.origin().offset();
                allowedEnd = root.origin().endOffset();
            } else {
                allowedStart = members.get(members.size() - 1).value().origin().endOffset();
                allowedEnd = allowedStart;
            }
            expected.put(key, path.size() == 1 ? value : JsonData.object(Map.of("inner", value)));
        } else if (op == 2) { // remove a member
            JsonMember m = members.get(r.nextInt(members.size()));
            edited = doc.remove(JsonPath.of(m.key()));
            expected.remove(m.key());
            boolean single = members.stream().filter(x -> x.key().equals(m.key())).count() == 1;
            int i = members.indexOf(m);
            allowedStart = single && i > 0 ? members.get(i - 1).value().origin().endOffset() : root.origin().offset() + 1;
            allowedEnd = single && i < members.size() - 1 ? members.get(i + 1).keyOrigin().offset() : root.origin().endOffset() - 1;
        } else { // append to an array, or create one
            Optional<JsonMember> arr = members.stream().filter(m -> root.member(m.key()).orElseThrow() == m)
                    .filter(m -> m.value() instanceof JsonArray).findFirst();
            String key = arr.map(JsonMember::key).orElse("fresh-array");
            edited = doc.append(key, value);
            List<JsonData> items = new ArrayList<>();
            if (arr.isPresent()) {
                items.addAll(((JsonData.Arr) arr.get().value().data()).items());
                allowedStart = arr.get().value().origin().offset();
                allowedEnd = arr.get().value().origin().endOffset();
            } else {
                allowedStart = members.get(members.size() - 1).value().origin().endOffset();
                allowedEnd = allowedStart;
            }
            items.add(value);
            expected.put(key, JsonData.array(items));
        }
        assertEquals(Optional.of(JsonData.object(expected)), edited.data());
        String after = edited.text();
        // everything outside [allowedStart, allowedEnd) of the original is still there, unchanged
        String head = before.substring(0, allowedStart);
        String tail = before.substring(allowedEnd);
        assertTrue(after.length() >= head.length() + tail.length() && after.startsWith(head) && after.endsWith(tail),
                () -> "bytes outside [" + allowedStart + "," + allowedEnd + ") changed\nbefore: " + before + "\nafter: " + after);
    }

    /**
     * jackson-core 2.x reads the hex digits of a {@code \\u} escape through a table indexed by the
     * character's low 8 bits ({@code CharTypes.charToHex}), so it accepts e.g. {@code \\u003} followed
     * by U+D834 (low byte 0x34, '4'). RFC 8259 allows ASCII hex digits only; we reject those.
     */
    private static boolean jacksonHexQuirk(String text, JsonDocument ours) {
        // the first syntax problem: a duplicate key reported earlier is not what jackson-core disagrees on
        Optional<Problem> syntax = ours.problems().stream().filter(x -> x.kind() == Problem.Kind.SYNTAX).findFirst();
        if (syntax.isEmpty() || !syntax.get().message().contains("four hex digits")) {
            return false;
        }
        Problem p = syntax.get();
        int at = p.origin().offset();
        String escape = text.substring(at, Math.min(text.length(), at + 6));
        return escape.chars().anyMatch(c -> c > 0x7f);
    }

    /** What jackson-core's streaming parser reads (strict defaults); one root value only. */
    static Optional<JsonData> jackson(String text) throws IOException {
        try (JsonParser p = JACKSON.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Optional.empty();
            }
            JsonData d = read(p, t);
            if (p.nextToken() != null) {
                throw new IOException("more than one root value");
            }
            return Optional.of(d);
        }
    }

    private static JsonData read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonData> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return new JsonData.Obj(m);
            }
            case START_ARRAY: {
                List<JsonData> l = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    l.add(read(p, n));
                }
                return new JsonData.Arr(l);
            }
            case VALUE_STRING:
                return new JsonData.Str(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonData.Num(p.getDecimalValue());
            case VALUE_TRUE:
                return new JsonData.Bool(true);
            case VALUE_FALSE:
                return new JsonData.Bool(false);
            case VALUE_NULL:
                return new JsonData.Null();
            default:
                throw new IOException("unexpected token " + t);
        }
    }
}
