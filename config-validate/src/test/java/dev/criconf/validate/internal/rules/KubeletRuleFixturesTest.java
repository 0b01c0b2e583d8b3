package dev.criconf.validate.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixture nodes, loaded from files with config-io's {@link NodeLoader}: for each rule,
 * {@code fixtures/<rule-id>/fires/} and {@code .../quiet/} are node roots, and each root's
 * {@code expected.txt} lists every finding of the kubelet, kubeadm and any-file rules
 * ({@code file:line:col rule-id severity}). A {@code fires} node must have at least one finding of
 * its rule, a {@code quiet} node none.
 */
class KubeletRuleFixturesTest {

    /** The rules this suite covers; findings of other rules are not compared. */
    static final List<Rule> RULES = List.of(new KubeletUnknownFlagRule(), new KubeletDeprecatedFlagRule(),
            new KubeletFlagSplitRule(), new KubeletInvalidValueRule(), new KubeletEvictionPartialRule(),
            new KubeletYaml11AmbiguityRule(), new KubeletDropinShadowedRule(), new KubeadmCriSocketRule(),
            new UnknownKeyRule(), new TypeMismatchRule(), new KernelPrerequisiteRule());

    static final Validator VALIDATOR = Validator.builder().ruleSet(RuleSet.of(RULES.toArray(Rule[]::new))).build();

    static Path fixtures() {
        try {
            return Path.of(KubeletRuleFixturesTest.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The findings as {@code file:line:col rule-id severity} lines, in report order. */
    static List<String> lines(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.location() + " " + f.ruleId() + " " + f.severity().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static List<String> expected(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("expected.txt"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                out.add(line.strip());
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureNodeGivesExactlyItsExpectedFindings() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> ruleIds = RULES.stream().map(Rule::id).toList();
        try (Stream<Path> rules = Files.list(fixtures())) {
            // the other rule teams keep their fixtures beside these; this test covers the kubelet rules
            for (Path ruleDir : rules.filter(r -> ruleIds.contains(r.getFileName().toString())).sorted().toList()) {
                String rule = ruleDir.getFileName().toString();
                for (String kind : List.of("fires", "quiet")) {
                    Path root = ruleDir.resolve(kind);
                    tests.add(DynamicTest.dynamicTest(rule + "/" + kind, () -> check(rule, kind, root)));
                }
            }
        }
        assertEquals(ruleIds.stream().sorted().toList(),
                tests.stream().map(t -> t.getDisplayName().replaceAll("/.*", "")).distinct().sorted().toList(),
                "every rule has fixtures");
        return tests.stream();
    }

    private static void check(String rule, String kind, Path root) throws IOException {
        assertTrue(Files.isDirectory(root), root + " is missing");
        NodeConfig node = NodeLoader.create().load(root);
        List<Finding> findings = VALIDATOR.validate(node).findings();
        List<String> actual = lines(findings);
        assertEquals(expected(root), actual, () -> rule + "/" + kind + ":\n" + String.join("\n",
                findings.stream().map(Finding::toString).toList()));
        boolean fired = findings.stream().anyMatch(f -> f.ruleId().equals(rule));
        if (kind.equals("fires")) {
            assertTrue(fired, rule + " must fire on " + root);
        } else {
            assertFalse(fired, rule + " must stay quiet on " + root);
        }
    }
}
