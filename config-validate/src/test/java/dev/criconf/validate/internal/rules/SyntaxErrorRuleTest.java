package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.RuleHarness.at;
import static dev.criconf.validate.internal.rules.RuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.Problem.Kind;
import dev.criconf.validate.Finding;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.RuleSetting;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SyntaxErrorRuleTest {

    private static final SyntaxErrorRule RULE = new SyntaxErrorRule();
    private static final List<String> FILES = List.of("etc/containerd/config.toml", "etc/crio/crio.conf",
            "var/lib/kubelet/config.yaml");

    private static NodeConfig node(Problem... problems) {
        return new NodeConfig("nodes/a", FILES, List.of(problems));
    }

    @Test
    void aCleanNodeHasNoFindings() {
        assertEquals(List.of(), run(RULE, node()));
    }

    @Test
    void oneSyntaxErrorIsOneFindingAtItsOrigin() {
        Origin o = at("etc/containerd/config.toml", 2, 1);
        List<Finding> f = run(RULE, node(Problem.syntax(o, "expected ']' to close the table header")));
        assertEquals(1, f.size());
        assertEquals("syntax-error", f.get(0).ruleId());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(o, f.get(0).location());
        assertEquals("expected ']' to close the table header", f.get(0).message());
        assertEquals(List.of(), f.get(0).related());
        assertEquals(List.of(), f.get(0).fixes());
    }

    @Test
    void reportsTheFirstErrorOfEachFileAndCountsTheRest() {
        List<Finding> f = run(RULE, node(
                Problem.syntax(at("etc/crio/crio.conf", 9, 4), "unterminated string"),
                Problem.syntax(at("etc/crio/crio.conf", 3, 7), "expected '='"),
                new Problem(Kind.LIMIT_EXCEEDED, at("etc/crio/crio.conf", 12, 1), "nesting deeper than 100 levels"),
                Problem.syntax(at("var/lib/kubelet/config.yaml", 4, 2), "mapping values are not allowed here")));
        assertEquals(2, f.size());
        Finding crio = f.get(0);
        assertEquals(at("etc/crio/crio.conf", 3, 7), crio.location());
        assertEquals("expected '=' (2 more errors in this file)", crio.message());
        assertEquals(List.of(new RelatedLocation(at("etc/crio/crio.conf", 9, 4), "unterminated string"),
                        new RelatedLocation(at("etc/crio/crio.conf", 12, 1), "nesting deeper than 100 levels")),
                crio.related());
        assertEquals("mapping values are not allowed here", f.get(1).message());
    }

    @Test
    void coversUnreadableFilesLimitsAndPathsOutsideTheRoot() {
        List<Finding> f = run(RULE, node(
                new Problem(Kind.UNREADABLE, Origin.ofFile("etc/docker/daemon.json"), "permission denied"),
                new Problem(Kind.OUTSIDE_ROOT, at("etc/containerd/config.toml", 1, 11),
                        "import ../../../etc/shadow resolves outside the node root; not followed"),
                new Problem(Kind.LIMIT_EXCEEDED, Origin.ofFile("var/lib/kubelet/config.yaml"),
                        "file is larger than the 1 MiB limit"),
                new Problem(Kind.DUPLICATE_KEY, at("etc/crio/crio.conf", 5, 1), "duplicate key 'log_level'")));
        assertEquals(List.of("etc/containerd/config.toml", "etc/docker/daemon.json", "var/lib/kubelet/config.yaml"),
                f.stream().map(x -> x.location().file()).toList());
        assertTrue(f.stream().noneMatch(x -> x.message().contains("duplicate")), "duplicates are another rule's");
    }

    @Test
    void listsAtMostTenFurtherErrors() {
        List<Problem> many = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(Problem.syntax(at("etc/containerd/config.toml", i, 1), "error " + i));
        }
        List<Finding> f = run(RULE, new NodeConfig("nodes/a", FILES, many));
        assertEquals(1, f.size());
        assertEquals("error 1 (24 more errors in this file; the first 10 are listed)", f.get(0).message());
        assertEquals(10, f.get(0).related().size());
        assertEquals("error 2", f.get(0).related().get(0).message());
        assertEquals("error 11", f.get(0).related().get(9).message());
    }

    @Test
    void oneMoreErrorIsSingular() {
        List<Finding> f = run(RULE, node(Problem.syntax(at("etc/crio/crio.conf", 1, 1), "a"),
                Problem.syntax(at("etc/crio/crio.conf", 2, 1), "b")));
        assertEquals("a (1 more error in this file)", f.get(0).message());
    }

    @Test
    void respectsTheUsersSeverity() {
        List<Finding> f = run(RULE, RuleSetting.WARNING, node(Problem.syntax(at("etc/crio/crio.conf", 1, 1), "a")));
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals(List.of(), run(RULE, RuleSetting.OFF, node(Problem.syntax(at("etc/crio/crio.conf", 1, 1), "a"))));
    }

    @Property(tries = 300)
    void exactlyOneFindingPerFileWithErrorsAtItsEarliestError(@ForAll("problems") List<Problem> problems) {
        List<Finding> findings = run(RULE, new NodeConfig("r", FILES, problems));
        List<Problem> relevant = problems.stream().filter(p -> SyntaxErrorRule.KINDS.contains(p.kind())).toList();
        List<String> filesWithErrors = relevant.stream().map(p -> p.origin().file()).distinct().sorted().toList();
        assertEquals(filesWithErrors, findings.stream().map(f -> f.location().file()).toList());
        for (Finding f : findings) {
            List<Problem> ofFile = relevant.stream().filter(p -> p.origin().file().equals(f.location().file()))
                    .toList();
            int earliestLine = ofFile.stream().mapToInt(p -> p.origin().line()).min().orElseThrow();
            assertEquals(earliestLine, f.location().line());
            assertEquals(Math.min(ofFile.size() - 1, SyntaxErrorRule.MAX_RELATED), f.related().size());
            assertTrue(f.message().endsWith(SyntaxErrorRule.moreNote(ofFile.size() - 1)), f.message());
        }
    }

    @Provide
    Arbitrary<List<Problem>> problems() {
        Arbitrary<Problem> problem = Combinators.combine(
                Arbitraries.of(Kind.values()),
                Arbitraries.of(FILES),
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(1, 20),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
                .as((kind, file, line, col, msg) -> new Problem(kind, at(file, line, col), msg));
        return problem.list().ofMaxSize(30);
    }
}
