package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated block YAML round-trips byte for byte and decodes to the value it was generated from;
 * a generated edit keeps every line it does not touch byte-identical and reads back as intended.
 */
class YamlProperties {

    @Provide
    Arbitrary<GeneratedYaml.Doc> docs() {
        return Arbitraries.longs().map(GeneratedYaml::generate);
    }

    @Provide
    Arbitrary<YamlValue> scalars() {
        Arbitrary<YamlValue> tricky = Arbitraries.of(
                YamlValue.of("yes"), YamlValue.of("no"), YamlValue.of("on"), YamlValue.of("y"), YamlValue.of("0755"),
                YamlValue.of("true"), YamlValue.of("null"), YamlValue.of("~"), YamlValue.of(""), YamlValue.of("1_000"),
                YamlValue.of("0x1F"), YamlValue.of("1.5"), YamlValue.of("a: b"), YamlValue.of("#x"), YamlValue.of("x #y"),
                YamlValue.of(" lead"), YamlValue.of("trail "), YamlValue.of("two\nlines\n"), YamlValue.of("it's"),
                YamlValue.of("say \"hi\""), YamlValue.of("- item"), YamlValue.of("[x]"), YamlValue.of("{x}"),
                YamlValue.of("ü \uD83D\uDE00"), YamlValue.of("---"), YamlValue.of("<<"), YamlValue.of("systemd"),
                YamlValue.of("unix:///run/containerd/containerd.sock"), YamlValue.of("tab\there"),
                YamlValue.of(true), YamlValue.of(false), YamlValue.NULL, YamlValue.of(0), YamlValue.of(-17),
                YamlValue.of(493), YamlValue.of(0.5), YamlValue.of(1e-7), YamlValue.of(Double.NaN),
                YamlValue.of(Double.NEGATIVE_INFINITY));
        Arbitrary<YamlValue> strings = Arbitraries.strings().withChars(" abyn01:#-'\"\\\t\n{}[],&*!|>%@`.~ü")
                .ofMaxLength(8).map(YamlValue::of);
        Arbitrary<YamlValue> ints = Arbitraries.longs().map(YamlValue::of);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, tricky), net.jqwik.api.Tuple.of(3, strings), net.jqwik.api.Tuple.of(1, ints));
    }

    @Provide
    Arbitrary<YamlValue> values() {
        Arbitrary<YamlValue> scalars = scalars();
        Arbitrary<YamlValue> maps = Arbitraries.maps(Arbitraries.of("a", "b", "yes", "x y", "0755"), scalars).ofMaxSize(3)
                .map(m -> YamlValue.mapping(new LinkedHashMap<>(m)));
        Arbitrary<YamlValue> seqs = scalars.list().ofMaxSize(3).map(YamlValue::sequence);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalars), net.jqwik.api.Tuple.of(1, maps), net.jqwik.api.Tuple.of(1, seqs));
    }

    private static YamlStream parse(GeneratedYaml.Doc doc) {
        byte[] bytes = doc.text().getBytes(StandardCharsets.UTF_8);
        YamlStream s = YamlStream.parse("gen.yaml", bytes, ParseLimits.DEFAULTS);
        assertTrue(s.problems().isEmpty(), () -> s.problems() + " in " + doc);
        assertArrayEquals(bytes, s.toBytes());
        return s;
    }

    private static void assertValue(YamlValue expected, YamlStream s, String context) {
        for (YamlSchema schema : YamlSchema.values()) {
            assertEquals(expected, s.document(0).orElseThrow().value(schema), () -> schema + " " + context);
        }
    }

    @Property(tries = 1000)
    void generatedDocumentsRoundTripAndDecodeToTheirModel(@ForAll("docs") GeneratedYaml.Doc doc) {
        YamlStream s = parse(doc);
        assertEquals(1, s.documents().size());
        assertValue(doc.value(), s, doc.toString());
        SpanChecks.check(s);
        assertTrue(s.ambiguousScalars().isEmpty(), () -> s.ambiguousScalars().toString());
    }

    @Property(tries = 1000)
    void setScalarTouchesOnlyItsOwnLines(@ForAll("docs") GeneratedYaml.Doc doc, @ForAll("scalars") YamlValue value,
            @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        YamlStream s = parse(doc);
        List<YamlPath> leaves = new ArrayList<>();
        collect(doc.value(), YamlPath.root(), leaves, new ArrayList<>(), new ArrayList<>());
        Assume.that(!leaves.isEmpty());
        YamlPath path = leaves.get(pick % leaves.size());
        YamlScalar old = (YamlScalar) s.find(0, path).orElseThrow();
        YamlStream edited = s.setScalar(0, path, value);
        String context = "set " + path + " to " + value + " in " + doc + "\n=>\n" + edited.text();
        assertValue(replace(doc.value(), path.segments(), 0, value), edited, context);
        String text = s.text();
        int from = lineStart(text, old.origin().offset());
        int to = afterLine(text, Math.max(old.origin().offset(), old.origin().endOffset() - 1));
        assertTrue(edited.text().startsWith(text.substring(0, from)), context);
        assertTrue(edited.text().endsWith(text.substring(to)), context);
    }

    @Property(tries = 1000)
    void addKeyOnlyInsertsLines(@ForAll("docs") GeneratedYaml.Doc doc, @ForAll("values") YamlValue value,
            @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        YamlStream s = parse(doc);
        List<YamlPath> mappings = new ArrayList<>();
        collect(doc.value(), YamlPath.root(), new ArrayList<>(), mappings, new ArrayList<>());
        YamlPath path = mappings.get(pick % mappings.size());
        String key = "new-key";
        YamlStream edited = s.addKey(0, path, key, value);
        String context = "add " + key + " to " + path + " in " + doc + "\n=>\n" + edited.text();
        assertValue(add(doc.value(), path.segments(), 0, YamlValue.of(key), value), edited, context);
        YamlMapping m = (YamlMapping) s.find(0, path).orElseThrow();
        if (!m.flow()) {
            assertTrue(onlyInsertedLines(s.text(), edited.text()), context);
        }
    }

    @Property(tries = 1000)
    void removeDeletesWholeLinesOnly(@ForAll("docs") GeneratedYaml.Doc doc, @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        YamlStream s = parse(doc);
        List<YamlPath> removable = new ArrayList<>();
        collect(doc.value(), YamlPath.root(), new ArrayList<>(), new ArrayList<>(), removable);
        removable.removeIf(p -> {
            YamlNode parent = s.find(0, p.parent()).orElseThrow();
            if (parent instanceof YamlSequence q) {
                return q.flow();
            }
            YamlMapping.Entry e = ((YamlMapping) parent).entry(((YamlPath.Key) p.last().orElseThrow()).name()).orElseThrow();
            int k = e.key().nodeOrigin().offset();
            return !s.text().substring(lineStart(s.text(), k), k).replace("\uFEFF", "").isBlank();
        });
        YamlPath path = removable.get(pick % removable.size());
        YamlStream edited = s.remove(0, path);
        String context = "remove " + path + " from " + doc + "\n=>\n" + edited.text();
        assertValue(remove(doc.value(), path.segments(), 0), edited, context);
        assertTrue(onlyRemovedLines(s.text(), edited.text()), context);
    }

    // ------------------------------------------------------------ model helpers

    /** Scalar leaves, mappings, and removable entries/items (of collections with two or more). */
    private static void collect(YamlValue v, YamlPath at, List<YamlPath> leaves, List<YamlPath> mappings, List<YamlPath> removable) {
        if (v instanceof YamlValue.MappingValue m) {
            mappings.add(at);
            for (Map.Entry<YamlValue, YamlValue> e : m.entries().entrySet()) {
                YamlPath p = at.key(((YamlValue.StringValue) e.getKey()).value());
                if (m.entries().size() >= 2) {
                    removable.add(p);
                }
                collect(e.getValue(), p, leaves, mappings, removable);
            }
        } else if (v instanceof YamlValue.SequenceValue q) {
            for (int i = 0; i < q.items().size(); i++) {
                if (q.items().size() >= 2) {
                    removable.add(at.index(i));
                }
                collect(q.items().get(i), at.index(i), leaves, mappings, removable);
            }
        } else {
            leaves.add(at);
        }
    }

    private static YamlValue replace(YamlValue v, List<YamlPath.Segment> path, int i, YamlValue with) {
        if (i == path.size()) {
            return with;
        }
        return change(v, path.get(i), x -> replace(x, path, i + 1, with), false);
    }

    private static YamlValue add(YamlValue v, List<YamlPath.Segment> path, int i, YamlValue key, YamlValue value) {
        if (i == path.size()) {
            Map<YamlValue, YamlValue> m = new LinkedHashMap<>(((YamlValue.MappingValue) v).entries());
            m.put(key, value);
            return new YamlValue.MappingValue(m);
        }
        return change(v, path.get(i), x -> add(x, path, i + 1, key, value), false);
    }

    private static YamlValue remove(YamlValue v, List<YamlPath.Segment> path, int i) {
        if (i == path.size() - 1) {
            return change(v, path.get(i), x -> x, true);
        }
        return change(v, path.get(i), x -> remove(x, path, i + 1), false);
    }

    private static YamlValue change(YamlValue v, YamlPath.Segment s, java.util.function.UnaryOperator<YamlValue> f, boolean drop) {
        if (v instanceof YamlValue.MappingValue m) {
            Map<YamlValue, YamlValue> out = new LinkedHashMap<>(m.entries());
            YamlValue key = YamlValue.of(((YamlPath.Key) s).name());
            if (drop) {
                out.remove(key);
            } else {
                out.put(key, f.apply(out.get(key)));
            }
            return new YamlValue.MappingValue(out);
        }
        List<YamlValue> items = new ArrayList<>(((YamlValue.SequenceValue) v).items());
        int idx = ((YamlPath.Index) s).index();
        if (drop) {
            items.remove(idx);
        } else {
            items.set(idx, f.apply(items.get(idx)));
        }
        return YamlValue.sequence(items);
    }

    // ------------------------------------------------------------ line checks

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    private static int lineStart(String t, int p) {
        while (p > 0 && !isBreak(t.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    /** The offset after the line break that ends the line holding {@code p} (or the text end). */
    private static int afterLine(String t, int p) {
        while (p < t.length() && !isBreak(t.charAt(p))) {
            p++;
        }
        if (p < t.length() && t.charAt(p) == '\r') {
            p++;
        }
        if (p < t.length() && t.charAt(p) == '\n') {
            p++;
        }
        return p;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    private static int commonSuffix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    /** {@code after} is {@code before} with text that starts with a line break inserted at the end of a line. */
    static boolean onlyInsertedLines(String before, String after) {
        int d = after.length() - before.length();
        if (d <= 0) {
            return false;
        }
        int cp = commonPrefix(before, after);
        int cs = commonSuffix(before, after);
        for (int p = Math.max(0, before.length() - cs); p <= Math.min(cp, before.length()); p++) {
            boolean atLineEnd = p == before.length() || isBreak(before.charAt(p));
            if (atLineEnd && isBreak(after.charAt(p)) && (p == 0 || before.charAt(p - 1) != '\r' || after.charAt(p) != '\n')) {
                return true;
            }
        }
        return false;
    }

    /** {@code after} is {@code before} without some whole lines. */
    static boolean onlyRemovedLines(String before, String after) {
        int d = before.length() - after.length();
        if (d <= 0) {
            return false;
        }
        int cp = commonPrefix(before, after);
        int cs = commonSuffix(before, after);
        for (int p = Math.max(0, after.length() - cs); p <= Math.min(cp, after.length()); p++) {
            int end = p + d;
            boolean wholeLines = (p == 0 || (p == 1 && before.charAt(0) == '\uFEFF') || isBreak(before.charAt(p - 1)) && !(before.charAt(p - 1) == '\r' && before.charAt(p) == '\n'))
                    && (end == before.length() || isBreak(before.charAt(end - 1)) && !(before.charAt(end - 1) == '\r' && before.charAt(end) == '\n'));
            boolean lastLineWithoutBreak = end == before.length() && isBreak(before.charAt(p));
            if (wholeLines || lastLineWithoutBreak) {
                return true;
            }
        }
        return false;
    }
}
