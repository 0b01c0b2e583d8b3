package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad input is normal input: any text parses to a stream (never an exception) that prints back
 * exactly, whose problems are located inside the text; any edit on it either works or throws
 * {@link EditException}.
 */
class YamlRobustnessProperties {

    private static final String ALPHABET = "ab:- \n\n  #&*!|>'\"%@`[]{},?.~0\t\r\u0000\u0007\u0085\u2028\\\uFEFF\uD83D\uDE00";

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> random = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(60);
        Arbitrary<String> mutated = Arbitraries.longs().map(seed -> mutate(GeneratedYaml.generate(seed).text(), seed));
        return Arbitraries.oneOf(random, mutated);
    }

    /** A generated document with a few characters deleted, duplicated or replaced. */
    private static String mutate(String text, long seed) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        StringBuilder b = new StringBuilder(text);
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length() - 2)));
                default -> b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length() - 2)));
            }
        }
        return b.toString();
    }

    @Property(tries = 1000)
    void anyTextParsesWithoutExceptionAndPrintsBack(@ForAll("texts") String text) {
        YamlStream s = YamlStream.parse("fuzz.yaml", text, ParseLimits.DEFAULTS);
        assertTrue(s.text().equals(text));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        YamlStream fromBytes = YamlStream.parse("fuzz.yaml", bytes, ParseLimits.DEFAULTS);
        assertArrayEquals(bytes, fromBytes.toBytes());
        for (Problem p : s.problems()) {
            assertTrue(p.origin().offset() <= text.length() && p.origin().line() >= 1, p::toString);
        }
        if (!s.hasSyntaxErrors()) {
            SpanChecks.check(s);
        }
    }

    @Property(tries = 1000)
    void editsEitherWorkOrThrowEditException(@ForAll("texts") String text, @ForAll long seed) {
        YamlStream s = YamlStream.parse("fuzz.yaml", text, ParseLimits.DEFAULTS);
        Random r = new Random(seed);
        for (int d = 0; d < s.documents().size(); d++) {
            List<YamlPath> paths = paths(s.documents().get(d));
            YamlPath p = paths.get(r.nextInt(paths.size()));
            try {
                switch (r.nextInt(4)) {
                    case 0 -> s.setScalar(d, p, r.nextBoolean() ? YamlValue.of("yes") : YamlValue.of(r.nextInt(100)));
                    case 1 -> s.addKey(d, p, "k" + r.nextInt(100), YamlValue.of("v: w"));
                    case 2 -> s.addItem(d, p, YamlValue.sequence(List.of(YamlValue.of(1))));
                    default -> s.remove(d, p);
                }
            } catch (EditException expected) {
                // refused with a reason: fine
            }
        }
    }

    private static List<YamlPath> paths(YamlDocument d) {
        List<YamlPath> out = new ArrayList<>();
        record Item(YamlNode node, YamlPath path) {}
        Deque<Item> work = new ArrayDeque<>();
        work.push(new Item(d.root(), YamlPath.root()));
        while (!work.isEmpty()) {
            Item it = work.pop();
            out.add(it.path());
            if (it.node() instanceof YamlMapping m) {
                for (YamlMapping.Entry e : m.entries()) {
                    e.keyText().ifPresent(k -> work.push(new Item(e.value(), it.path().key(k))));
                }
            } else if (it.node() instanceof YamlSequence q) {
                for (int i = 0; i < q.items().size(); i++) {
                    work.push(new Item(q.items().get(i), it.path().index(i)));
                }
            }
        }
        return out;
    }
}
