package dev.criconf.io.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.internal.PhysicalLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SysctlPropertiesTest {

    /** What a generated line means. */
    record Expected(String key, Optional<String> value, boolean ignoreFailure) {}

    /** A generated file and its entries. */
    record Generated(String text, List<Expected> entries) {}

    private static final String[] ENDINGS = {"\n", "\n", "\n", "\r\n", "\r"};
    private static final String VALUE_CHARS = "abcxyz0123456789 \t=#;-./:%|é";

    static Generated generate(Random r) {
        StringBuilder sb = new StringBuilder();
        List<Expected> entries = new ArrayList<>();
        String ending = ENDINGS[r.nextInt(ENDINGS.length)];
        int lines = r.nextInt(12);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                sb.append(r.nextInt(8) == 0 ? ENDINGS[r.nextInt(ENDINGS.length)] : ending);
            }
            sb.append(blanks(r));
            switch (r.nextInt(6)) {
                case 0:
                    break; // blank line
                case 1:
                    sb.append(r.nextBoolean() ? '#' : ';').append(text(r, VALUE_CHARS, 20));
                    break;
                case 2: { // exclusion
                    String[] k = key(r, keys);
                    sb.append('-').append(blanks(r)).append(k[0]).append(blanks(r));
                    entries.add(new Expected(k[1], Optional.empty(), false));
                    break;
                }
                default: { // assignment
                    boolean dash = r.nextInt(4) == 0;
                    String[] k = key(r, keys);
                    String value = text(r, VALUE_CHARS, 15);
                    sb.append(dash ? "-" : "").append(k[0]).append(blanks(r)).append('=').append(blanks(r)).append(value)
                            .append(blanks(r));
                    entries.add(new Expected(k[1], Optional.of(value.strip()), dash));
                }
            }
            sb.append(blanks(r));
        }
        if (lines > 0 && r.nextBoolean()) {
            sb.append(ending);
        }
        return new Generated(sb.toString(), entries);
    }

    /** A key as written and its normal form; sometimes one used before, in the other spelling. */
    private static String[] key(Random r, List<String> used) {
        if (!used.isEmpty() && r.nextInt(3) == 0) {
            String dotted = used.get(r.nextInt(used.size()));
            String written = r.nextBoolean() ? dotted : dotted.replace('.', '/');
            return new String[] {written, dotted};
        }
        int parts = 1 + r.nextInt(4);
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            ps.add((char) ('a' + r.nextInt(26)) + text(r, "abcdefghijklmnopqrstuvwxyz0123456789_-", 6).strip());
        }
        String dotted = String.join(".", ps);
        used.add(dotted);
        return new String[] {r.nextBoolean() ? dotted : String.join("/", ps), dotted};
    }

    private static String blanks(Random r) {
        return text(r, " \t", r.nextInt(3) == 0 ? 3 : 0);
    }

    private static String text(Random r, String chars, int max) {
        int n = max == 0 ? 0 : r.nextInt(max + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<Generated> files() {
        return Arbitraries.randomValue(SysctlPropertiesTest::generate);
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static List<Expected> meaning(SysctlFile f) {
        return f.entries().stream().map(e -> new Expected(e.key(), e.value(), e.ignoreFailure())).toList();
    }

    @Property(tries = 1000)
    void printsBackByteForByteAndReadsWhatWasWritten(@ForAll("files") Generated g) {
        SysctlFile f = SysctlFile.parse("gen.conf", g.text());
        assertEquals(List.of(), f.problems());
        assertEquals(g.text(), f.text());
        assertEquals(g.entries(), meaning(f));
    }

    @Property(tries = 1000)
    void setChangesOnlyTheValueOrAppendsOneLine(@ForAll("files") Generated g, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        SysctlFile f = SysctlFile.parse("gen.conf", g.text());
        String value = "v" + text(r, VALUE_CHARS, 8).strip();
        List<Expected> assigned = g.entries().stream().filter(e -> e.value().isPresent()).toList();
        if (!assigned.isEmpty() && r.nextInt(4) != 0) {
            String key = assigned.get(r.nextInt(assigned.size())).key();
            SysctlEntry effective = f.get(key).orElseThrow();
            SysctlFile edited = f.set(r.nextBoolean() ? key : key.replace('.', '/'), value);
            if (effective.value().orElseThrow().equals(value)) {
                assertEquals(g.text(), edited.text());
                return;
            }
            int vs = effective.valueOrigin().orElseThrow().offset();
            int ve = effective.valueOrigin().orElseThrow().endOffset();
            String text = g.text();
            String inserted = vs == ve && PhysicalLines.isBlank(text.charAt(effective.keyOrigin().endOffset())) ? " " + value : value;
            assertEquals(text.substring(0, vs) + inserted + text.substring(ve), edited.text());
            assertEquals(Optional.of(value), edited.value(key));
        } else {
            String key = "added.key" + r.nextInt(1000);
            while (f.get(key).isPresent() || hasKey(g, key)) {
                key = key + "x";
            }
            SysctlFile edited = f.set(key, value);
            assertTrue(edited.text().startsWith(g.text()), "only appended");
            List<Expected> expected = new ArrayList<>(g.entries());
            expected.add(new Expected(key, Optional.of(value), false));
            assertEquals(expected, meaning(edited));
        }
    }

    private static boolean hasKey(Generated g, String key) {
        return g.entries().stream().anyMatch(e -> e.key().equals(key));
    }

    @Property(tries = 1000)
    void removeDropsOnlyTheLinesOfTheKey(@ForAll("files") Generated g, @ForAll("seeds") long seed) {
        Random r = new Random(seed);
        SysctlFile f = SysctlFile.parse("gen.conf", g.text());
        if (g.entries().isEmpty()) {
            assertEquals(g.text(), f.remove("any.key").text());
            return;
        }
        String key = g.entries().get(r.nextInt(g.entries().size())).key();
        SysctlFile edited = f.remove(key);
        String text = g.text();
        StringBuilder kept = new StringBuilder();
        for (PhysicalLines.Line l : PhysicalLines.split(text)) {
            SysctlFile one = SysctlFile.parse("line", l.content(text));
            boolean drop = one.entries().stream().anyMatch(e -> e.key().equals(key));
            if (!drop) {
                kept.append(text, l.start(), l.end());
            }
        }
        String expected = kept.toString();
        boolean finalBreak = !text.isEmpty() && (text.endsWith("\n") || text.endsWith("\r"));
        if (!finalBreak && (expected.endsWith("\n") || expected.endsWith("\r"))) {
            expected = expected.substring(0, expected.length() - (expected.endsWith("\r\n") ? 2 : 1));
        }
        assertEquals(expected, edited.text());
        assertEquals(g.entries().stream().filter(e -> !e.key().equals(key)).toList(), meaning(edited));
    }
}
