package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.yaml.internal.ScalarResolver;
import dev.criconf.io.yaml.internal.ValueDecoder;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser decodes the YAML 1.1 value and checks duplicate keys while it reads the events, and
 * decodes the YAML 1.2 value on first use. Both must agree with the tree-walking reference
 * ({@link ValueDecoder}) and with a duplicate-key check over the finished tree, on texts full of
 * anchors, aliases, merge keys, keys that collide under YAML 1.1 and multi-line scalars.
 */
class YamlDecodeOracleProperties {

    private static final List<String> FRAGMENTS = List.of(
            "a: 1\n", "a: &x {b: 2, c: [1, 2]}\n", "<<: *x\n", "c: *x\n", "? *x\n: v\n", "yes: 1\n", "on: 2\n",
            "true: 3\n", "y: 4\n", "b:\n  - 1\n  - &y 2\n", "  d: *y\n", "<<: [*x, *x]\n", "<<: 5\n", "<<: *y\n",
            "!!merge <<: {z: 1}\n", "'<<': {q: 1}\n", "e: !!str 010\n", "e: !!int 0x1F\n", "---\n", "...\n",
            "f: |\n  text\n\n", "g: 'multi\n  line'\n", "g: \"two\r\n  lines\"\r\n", "h: 0755\n", "h: 493\n",
            "i: [a, b,\n  c]\n", "*y : 1\n", "*x : 1\n", "~: 1\n", "null: 2\n", "'a': 3\n", "\"1\": 1\n", "1: 1\n",
            "0x1: 2\n", "x: &z\n  <<: *x\n  b: 0x1F\n", "k: 1_000\n", "k: 10.96.0.10\n", "m: &m\n  n: 1\n  n: 2\n",
            "- a\n", "- &s [1, *s]\n", "plain\n  continued: no\n", "# comment\n", "z: 1 # c\n", "\r\n",
            "o: .inf\n", "O: -.Inf\n", "p: 1e3\n", "p: +12\n", "r: 0b101\n", "s: 2001-12-14\n", "t: ''\n");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("", l));
    }

    @Property(tries = 2000)
    void eagerAndLazyValuesAndProblemsMatchTheTreeWalk(@ForAll("texts") String text) {
        YamlStream s = YamlStream.parse("oracle.yaml", text, ParseLimits.DEFAULTS);
        boolean excessive = s.problems().stream().anyMatch(p -> p.message().contains("excessive aliasing"));
        List<Problem> mergeIssues = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (YamlDocument d : s.documents()) {
            if (excessive) {
                continue;
            }
            ValueDecoder.Result kubelet = ValueDecoder.decode(d.root(), d::resolve, YamlSchema.YAML_1_1_KUBELET);
            assertEquals(kubelet.value(), d.value(YamlSchema.YAML_1_1_KUBELET), text);
            YamlValue core = ValueDecoder.decode(d.root(), d::resolve, YamlSchema.YAML_1_2_CORE).value();
            assertEquals(core, d.value(YamlSchema.YAML_1_2_CORE), text);
            assertSame(d.value(YamlSchema.YAML_1_2_CORE), d.value(YamlSchema.YAML_1_2_CORE), "memoized");
            for (ValueDecoder.Issue i : kubelet.issues()) {
                mergeIssues.add(Problem.syntax(i.at().origin(), i.message()));
            }
            duplicates.addAll(duplicateKeys(d));
        }
        if (!excessive && s.problems().stream().allMatch(p -> p.kind() == Problem.Kind.DUPLICATE_KEY
                || p.message().startsWith("map merge requires"))) {
            List<String> actualDuplicates = s.problems().stream().filter(p -> p.kind() == Problem.Kind.DUPLICATE_KEY)
                    .map(p -> p.origin().offset() + " " + p.message()).sorted().toList();
            assertEquals(duplicates.stream().sorted().toList(), actualDuplicates, text);
            List<Problem> actualMerges = s.problems().stream().filter(p -> p.kind() == Problem.Kind.SYNTAX).toList();
            assertEquals(mergeIssues.stream().sorted(java.util.Comparator.comparingInt(p -> p.origin().offset())).toList(),
                    actualMerges, text);
        }
        assertSame(s.ambiguousScalars(), s.ambiguousScalars(), "memoized");
    }

    /** The duplicate-key rule over a finished tree: scalar keys (or aliases of scalars) by YAML 1.1 value. */
    private static List<String> duplicateKeys(YamlDocument d) {
        List<String> out = new ArrayList<>();
        Deque<YamlNode> work = new ArrayDeque<>();
        work.push(d.root());
        while (!work.isEmpty()) {
            YamlNode n = work.pop();
            if (n instanceof YamlSequence q) {
                q.items().forEach(work::push);
            } else if (n instanceof YamlMapping m) {
                Map<YamlValue, YamlNode> seen = new HashMap<>();
                for (YamlMapping.Entry e : m.entries()) {
                    work.push(e.key());
                    work.push(e.value());
                    YamlNode key = e.key();
                    if (key instanceof YamlAlias a) {
                        Optional<YamlNode> t = d.resolve(a);
                        if (t.isEmpty() || !(t.get() instanceof YamlScalar)) {
                            continue;
                        }
                        key = t.get();
                    }
                    if (!(key instanceof YamlScalar sc) || ValueDecoder.isMergeKey(sc)) {
                        continue;
                    }
                    YamlValue k = ScalarResolver.resolve(YamlSchema.YAML_1_1_KUBELET, sc.value(), sc.style(), sc.tag());
                    YamlNode first = seen.putIfAbsent(k, e.key());
                    if (first != null) {
                        Origin f = first.origin();
                        out.add(e.key().origin().offset() + " duplicate key `" + sc.value() + "`, first defined at "
                                + f.line() + ":" + f.column());
                    }
                }
            }
        }
        return out;
    }
}
