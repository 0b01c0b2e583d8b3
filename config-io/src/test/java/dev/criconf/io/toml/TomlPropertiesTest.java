package dev.criconf.io.toml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.criconf.model.Origin;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties over generated documents (see {@link TomlGen}): they round-trip byte for byte, we
 * read them as tomlj 2.2.0 reads them, and a generated edit leaves every line it does not touch
 * byte-identical while tomlj reads the result as the intended document.
 */
class TomlPropertiesTest {

    @Provide
    Arbitrary<String> documents() {
        return TomlGen.documents();
    }

    private static TomlDocument parse(String text) {
        TomlDocument doc = TomlDocument.parse("gen.toml", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), doc.problems(), text);
        return doc;
    }

    @Property(tries = 1000)
    void generatedDocumentsRoundTrip(@ForAll("documents") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TomlDocument doc = TomlDocument.parse("gen.toml", bytes);
        assertEquals(List.of(), doc.problems(), text);
        assertArrayEquals(bytes, doc.toBytes());
    }

    @Property(tries = 1000)
    void semanticViewEqualsTomlj(@ForAll("documents") String text) {
        assertEquals(Tomlj.read(text), parse(text).toJava(), text);
    }

    private static final String NOISE = "[]{}=\"'#.,\n\r\t \\0x1e:-+_zT\u0000\u007f\u00e9\ud83d\ude00";

    /** Broken input is normal input: whatever the bytes, parsing and reading never throw. */
    @Property(tries = 1000)
    void mutatedDocumentsNeverMakeTheParserThrow(@ForAll("documents") String text, @ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder(text);
        int mutations = 1 + r.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            char c = NOISE.charAt(r.nextInt(NOISE.length()));
            switch (r.nextInt(3)) {
                case 0:
                    b.insert(at, c);
                    break;
                case 1:
                    if (at < b.length()) {
                        b.deleteCharAt(at);
                    }
                    break;
                default:
                    if (at < b.length()) {
                        b.setCharAt(at, c);
                    }
            }
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        for (TomlVersion version : TomlVersion.values()) {
            TomlDocument doc = TomlDocument.parse("mutated.toml", bytes, TomlOptions.DEFAULTS.withVersion(version));
            doc.root().toJava();
            for (dev.criconf.model.Problem p : doc.problems()) {
                assertTrue(p.origin().offset() <= doc.text().length(), p.toString());
                assertTrue(!p.message().startsWith("internal"), p.toString());
            }
            if (!doc.hasErrors()) {
                assertArrayEquals(bytes, doc.toBytes());
            }
        }
    }

    // ---------------------------------------------------------------- edits

    /** A place an edit can address, found by walking the document's view. */
    private record Target(TomlPath path, TomlValue value, boolean table, Origin inline, int parentSize) {}

    private static void collect(String text, TomlTable table, TomlPath path, Origin inline, List<Target> out) {
        out.add(new Target(path, table, true, inline, -1));
        for (Map.Entry<String, TomlValue> e : table.entries().entrySet()) {
            TomlPath p = path.key(e.getKey());
            collectValue(text, e.getValue(), p, inline, path.isRoot() ? Integer.MAX_VALUE : table.size(), out);
        }
    }

    private static void collectValue(String text, TomlValue v, TomlPath p, Origin inline, int parentSize, List<Target> out) {
        if (v instanceof TomlTable) {
            boolean isInline = text.charAt(v.origin().offset()) == '{';
            Origin here = inline != null ? inline : isInline ? v.origin() : null;
            if (isInline || inline != null) {
                out.add(new Target(p, v, false, inline != null ? inline : v.origin(), parentSize));
            }
            collect(text, (TomlTable) v, p, here, out);
        } else if (v instanceof TomlArray && ((TomlArray) v).arrayOfTables()) {
            out.add(new Target(p, v, false, null, -1));
            List<TomlValue> items = ((TomlArray) v).items();
            for (int i = 0; i < items.size(); i++) {
                collect(text, (TomlTable) items.get(i), p.index(i), null, out);
            }
        } else if (v instanceof TomlArray) {
            out.add(new Target(p, v, false, inline, parentSize));
            Origin container = inline != null ? inline : v.origin();
            List<TomlValue> items = ((TomlArray) v).items();
            for (int i = 0; i < items.size(); i++) {
                collectValue(text, items.get(i), p.index(i), container, Integer.MAX_VALUE, out);
            }
        } else {
            out.add(new Target(p, v, false, inline, parentSize));
        }
    }

    @Property(tries = 1000)
    void editsTouchOnlyTheirLinesAndReadBackAsIntended(@ForAll("documents") String text, @ForAll long seed) {
        Random r = new Random(seed);
        TomlDocument doc = parse(text);
        Map<String, Object> before = Tomlj.read(text);
        List<Target> targets = new ArrayList<>();
        collect(text, doc.root(), TomlPath.root(), null, targets);
        List<Target> values = targets.stream().filter(t -> !t.table() && !isTableArray(t)).toList();
        // a table made by dotted keys inside braces cannot be replaced by a value in one edit
        List<Target> settable = values.stream()
                .filter(t -> !(t.value() instanceof TomlTable) || text.charAt(t.value().origin().offset()) == '{').toList();
        List<Target> tables = targets.stream().filter(Target::table).toList();
        List<Target> arrays = targets.stream().filter(t -> t.value() instanceof TomlArray).toList();

        Map<String, Object> expected = deepCopy(before);
        TomlDocument edited;
        int[] allowed; // old lines [from, to] that may change; from > to for a pure insertion
        int kind = r.nextInt(5);
        if (kind == 0 && !settable.isEmpty()) {
            Target t = settable.get(r.nextInt(settable.size()));
            Object v = randomValue(r, 0);
            edited = doc.set(t.path(), v);
            setIn(expected, t.path(), v);
            Statistics.collect("set a value");
            allowed = lines(text, t.inline() != null ? t.inline() : t.value().origin());
        } else if (kind == 2 && values.stream().anyMatch(TomlPropertiesTest::removable)) {
            List<Target> removable = values.stream().filter(TomlPropertiesTest::removable).toList();
            Target t = removable.get(r.nextInt(removable.size()));
            edited = doc.remove(t.path());
            Statistics.collect("remove a value");
            removeIn(expected, t.path());
            if (t.inline() != null) {
                allowed = lines(text, t.inline());
            } else {
                int[] key = lines(text, t.value().keyOrigin().orElseThrow());
                int[] value = lines(text, t.value().origin());
                allowed = new int[] {key[0], value[1]};
            }
        } else if (kind == 3 && !arrays.isEmpty()) {
            Target t = arrays.get(r.nextInt(arrays.size()));
            boolean ofTables = isTableArray(t);
            Object v = ofTables ? Map.of("added", randomValue(r, 1)) : randomValue(r, 0);
            edited = doc.appendToArray(t.path(), v);
            Statistics.collect("append to an array");
            appendIn(expected, t.path(), v);
            allowed = ofTables ? new int[] {1, 0} : lines(text, t.inline() != null ? t.inline() : t.value().origin());
        } else {
            // add a key to an existing table, or (kind 4) a key in a new table under it
            Target t = tables.get(r.nextInt(tables.size()));
            TomlPath path = kind == 4 ? t.path().key("new table").key("inner").key("leaf") : t.path().key("added key");
            Object v = randomValue(r, 0);
            edited = doc.set(path, v);
            Statistics.collect(kind == 4 ? "add a key in a new table" : "add a key");
            setIn(expected, path, v);
            allowed = t.inline() != null ? lines(text, t.inline()) : new int[] {1, 0};
        }
        String result = edited.text();
        assertUntouchedLinesKept(text, result, allowed);
        assertEquals(expected, Tomlj.read(result), "tomlj reads the edited document as intended:\n" + result);
        assertEquals(expected, edited.toJava());
        assertEquals(result, new String(edited.toBytes(), StandardCharsets.UTF_8));
    }

    private static boolean isTableArray(Target t) {
        return t.value() instanceof TomlArray && ((TomlArray) t.value()).arrayOfTables();
    }

    /** A removal that leaves no table empty (an emptied dotted or implied table vanishes, by design). */
    private static boolean removable(Target t) {
        return t.path().segments().get(t.path().size() - 1) instanceof TomlPath.Index || t.parentSize() >= 2;
    }

    /** 1-based first and last line of an origin's span. */
    private static int[] lines(String text, Origin o) {
        int last = o.line();
        for (int i = o.offset(); i < o.offset() + o.length(); i++) {
            if (text.charAt(i) == '\n' && i < o.offset() + o.length() - 1) {
                last++;
            }
        }
        return new int[] {o.line(), last};
    }

    /**
     * Every old line outside {@code allowed} (1-based, inclusive) is in the new text unchanged: the
     * lines before it as a prefix and the lines after it as a suffix. A line may lose or gain its
     * newline only where it is the last line of the file.
     */
    private static void assertUntouchedLinesKept(String before, String after, int[] allowed) {
        if (before.startsWith("\uFEFF")) {
            assertEquals('\uFEFF', after.charAt(0), "the byte order mark stays");
            before = before.substring(1); // the BOM is not part of the first line's content
            after = after.substring(1);
        }
        List<String> old = TomlGen.lines(before);
        List<String> now = TomlGen.lines(after);
        int prefix = 0;
        while (prefix < old.size() && prefix < now.size()
                && same(old.get(prefix), now.get(prefix), prefix == old.size() - 1, prefix == now.size() - 1)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < old.size() - prefix && suffix < now.size() - prefix
                && same(old.get(old.size() - 1 - suffix), now.get(now.size() - 1 - suffix), suffix == 0, suffix == 0)) {
            suffix++;
        }
        int firstChanged = prefix + 1;
        int lastChanged = old.size() - suffix;
        if (firstChanged > lastChanged) {
            return; // only inserted lines
        }
        if (firstChanged < allowed[0] || lastChanged > allowed[1]) {
            fail("old lines " + firstChanged + ".." + lastChanged + " changed, only " + allowed[0] + ".." + allowed[1]
                    + " may:\n--- before\n" + before + "\n--- after\n" + after);
        }
    }

    private static boolean same(String a, String b, boolean aLast, boolean bLast) {
        String ca = strip(a);
        String cb = strip(b);
        if (!ca.equals(cb)) {
            return false;
        }
        return aLast || bLast || a.equals(b);
    }

    private static String strip(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    // ---------------------------------------------------------------- values and the expected document

    private static final String[] STRINGS = {"pause:3.9", "it's", "quote\"", "multi\nline", "tab\t", "ü😀", "", "back\\slash",
        "''' and \"\"\"", "trailing'"};

    private static Object randomValue(Random r, int depth) {
        switch (r.nextInt(depth > 1 ? 7 : 9)) {
            case 0:
            case 1:
                return STRINGS[r.nextInt(STRINGS.length)];
            case 2:
                return r.nextBoolean() ? r.nextLong() : (long) r.nextInt(1000);
            case 3:
                return r.nextInt(10) == 0 ? Double.NaN : (r.nextDouble() - 0.5) * 1e6;
            case 4:
                return r.nextBoolean();
            case 5:
                return LocalDate.of(1970 + r.nextInt(100), 1 + r.nextInt(12), 1 + r.nextInt(28));
            case 6:
                return r.nextBoolean() ? LocalTime.of(r.nextInt(24), r.nextInt(60), r.nextInt(60))
                        : OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000, ZoneOffset.ofTotalSeconds((r.nextInt(20) - 10) * 1800));
            case 7: {
                List<Object> list = new ArrayList<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(r, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    map.put(i == 1 ? "with space" : "k" + i, randomValue(r, depth + 1));
                }
                return map;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, copy(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map) {
            return deepCopy((Map<String, Object>) v);
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            ((List<Object>) v).forEach(i -> out.add(copy(i)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Object container(Map<String, Object> root, TomlPath path, boolean create) {
        Object cur = root;
        for (TomlPath.Segment s : path.segments()) {
            if (s instanceof TomlPath.Key) {
                Map<String, Object> m = (Map<String, Object>) cur;
                String k = ((TomlPath.Key) s).name();
                if (!m.containsKey(k) && create) {
                    m.put(k, new LinkedHashMap<String, Object>());
                }
                cur = m.get(k);
            } else {
                cur = ((List<Object>) cur).get(((TomlPath.Index) s).index());
            }
        }
        return cur;
    }

    @SuppressWarnings("unchecked")
    private static void setIn(Map<String, Object> root, TomlPath path, Object v) {
        Object parent = container(root, path.parent(), true);
        TomlPath.Segment last = path.segments().get(path.size() - 1);
        Object value = copy(v);
        if (last instanceof TomlPath.Key) {
            ((Map<String, Object>) parent).put(((TomlPath.Key) last).name(), value);
        } else {
            ((List<Object>) parent).set(((TomlPath.Index) last).index(), value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void removeIn(Map<String, Object> root, TomlPath path) {
        Object parent = container(root, path.parent(), false);
        TomlPath.Segment last = path.segments().get(path.size() - 1);
        if (last instanceof TomlPath.Key) {
            ((Map<String, Object>) parent).remove(((TomlPath.Key) last).name());
        } else {
            ((List<Object>) parent).remove(((TomlPath.Index) last).index());
        }
    }

    @SuppressWarnings("unchecked")
    private static void appendIn(Map<String, Object> root, TomlPath path, Object v) {
        ((List<Object>) container(root, path, false)).add(copy(v));
    }
}
