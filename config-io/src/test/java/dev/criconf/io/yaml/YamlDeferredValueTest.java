package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.SourceText;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Texts without aliases, merge keys and tags are parsed without decoding their YAML 1.1 values
 * (decoded on first use instead), with a duplicate-key check of their own. Such a parse must give
 * exactly what the parse that decodes during the events gives: problems, values under both
 * schemas, ambiguous scalars.
 */
class YamlDeferredValueTest {

    /** Keys that collide under YAML 1.1 or look alike, collection keys, nesting, flow and block forms. */
    private static final List<String> FRAGMENTS = List.of(
            "a: 1\n", "b: 2\n", "'a': 3\n", "\"a\": 4\n", "yes: 1\n", "on: 2\n", "true: 3\n", "y: 4\n", "Y: 5\n",
            "1: 1\n", "\"1\": 1\n", "0x1: 2\n", "01: 3\n", "1.0: 4\n", "~: 1\n", "null: 2\n", "'': 3\n",
            "? [a, b]\n: 1\n", "? [a, b]\n: 2\n", "? {k: v}\n: 3\n", "c: {x: 1, x: 2, yes: 3, on: 4}\n",
            "d:\n  n: 1\n  n: 2\n  m: 3\n", "e: [1, 2, {f: 1, f: 2}]\n", "- a\n", "g: &anc 1\n", "h: 0755\n",
            "i: |\n  text\n\n", "j: 'multi\n  line'\n", "k: 10.96.0.10\n", "---\n", "...\n", "# comment\n",
            "l: 1 # c\n", "\r\n", "m: .inf\n", "n: 2001-12-14\n", "o: ''\n", "p: [a,\n  b]\n");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragments = Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(24)
                .map(l -> String.join("", l));
        Arbitrary<String> generated = Arbitraries.longs().map(seed -> GeneratedYaml.generate(seed).text());
        return Arbitraries.oneOf(fragments, generated);
    }

    @Property(tries = 1500)
    void deferredAndEagerParsesAgree(@ForAll("texts") String text) {
        if (StreamBuilder.canDeferValues(text)) {
            assertAgree("deferred.yaml", text);
        }
    }

    @Test
    void manyKeysAreCheckedForDuplicatesAsWithFewKeys() {
        // more than eight entries take the map-based duplicate check
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append("k").append(i).append(": ").append(i).append('\n');
        }
        b.append("yes: 1\non: 2\nk3: 3\n'k3': 4\n1: a\n0x1: b\n? [x]\n: 1\n? [x]\n: 2\n");
        String text = b.toString();
        assertTrue(StreamBuilder.canDeferValues(text));
        YamlStream s = assertAgree("many.yaml", text);
        assertEquals(List.of(
                "22:1 duplicate key `on`, first defined at 21:1",
                "23:1 duplicate key `k3`, first defined at 4:1",
                "24:1 duplicate key `k3`, first defined at 4:1",
                "26:1 duplicate key `0x1`, first defined at 25:1"),
                s.problems().stream().map(p -> p.origin().line() + ":" + p.origin().column() + " " + p.message()).toList());
    }

    @Test
    void textsWithAliasesMergeKeysOrTagsAreDecodedDuringTheParse() {
        assertFalse(StreamBuilder.canDeferValues("a: &x 1\nb: *x\n"));
        assertFalse(StreamBuilder.canDeferValues("a: {b: 1}\nc:\n  <<: {d: 2}\n"));
        assertFalse(StreamBuilder.canDeferValues("a: !!str 1\n"));
        assertTrue(StreamBuilder.canDeferValues("a: &x 1\nb: [1, 2]\n"));
    }

    /** Every yaml-test-suite input and corpus file the parse would defer agrees with the eager parse. */
    @Test
    void conformanceAndCorpusInputsAgree() throws IOException {
        List<Path> inputs = new ArrayList<>();
        Path data = SharedData.conformance().resolve("yaml-test-suite/data");
        try (Stream<Path> s = Files.walk(data)) {
            inputs.addAll(s.filter(p -> p.getFileName().toString().equals("in.yaml")).sorted().collect(Collectors.toList()));
        }
        inputs.addAll(SharedData.files(SharedData.corpus(), ".yaml", ".yml"));
        int deferred = 0;
        for (Path p : inputs) {
            SourceText.Decoded d = SourceText.decodeUtf8(p.toString(), Files.readAllBytes(p));
            if (d.problem().isEmpty() && StreamBuilder.canDeferValues(d.source().text())) {
                assertAgree(p.toString(), d.source().text());
                deferred++;
            }
        }
        assertTrue(deferred > 100, "inputs compared: " + deferred);
    }

    private static YamlStream assertAgree(String name, String text) {
        YamlStream eager = StreamBuilder.build(SourceText.of(name, text), ParseLimits.DEFAULTS, List.of(), false);
        YamlStream deferred = StreamBuilder.build(SourceText.of(name, text), ParseLimits.DEFAULTS, List.of(), true);
        assertEquals(eager.problems(), deferred.problems(), text);
        assertEquals(eager.documents().size(), deferred.documents().size(), text);
        for (int i = 0; i < eager.documents().size(); i++) {
            YamlDocument e = eager.documents().get(i);
            YamlDocument d = deferred.documents().get(i);
            assertEquals(e.origin(), d.origin(), text);
            assertEquals(e.value(YamlSchema.YAML_1_1_KUBELET), d.value(YamlSchema.YAML_1_1_KUBELET), text);
            assertEquals(e.value(YamlSchema.YAML_1_2_CORE), d.value(YamlSchema.YAML_1_2_CORE), text);
        }
        assertEquals(eager.ambiguousScalars(), deferred.ambiguousScalars(), text);
        return deferred;
    }
}
