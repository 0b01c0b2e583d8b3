package dev.criconf.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fixture nodes of the cross-component rules: {@code fixtures/<rule-id>/<case>/} is a node root with realistic files at their node
 * paths ({@code fires}, {@code quiet}, and extra cases where a version changes the verdict), loaded
 * with {@link NodeLoader} like the CLI loads a node, and validated with the built-in rules and the
 * node's own versions. {@code expected.txt} in each case lists the findings exactly, one
 * {@code file:line:col rule-id severity} per line ({@code #} starts a comment).
 *
 * <p>The comparison covers the cross-component rules and {@code syntax-error} (so a fixture that does
 * not parse fails loudly); findings of the other built-in rules are left to their own tests, so
 * adding a rule elsewhere does not change these expectations.
 */
class FixtureNodesTest {

    static final Set<String> COMPARED = Set.of("cgroup-driver-mismatch", "runtime-endpoint-mismatch", "runtime-endpoint-scheme",
            "runtime-ambiguous", "sandbox-image-mismatch", "sandbox-image-version", "deprecated-registry", "dockershim-removed",
            "cri-dockerd-unlinks-docker-socket", "docker-registry-not-migrated", "cgroupfs-on-systemd-host", "syntax-error");

    private static Path fixtures() {
        URL url = FixtureNodesTest.class.getResource("/fixtures");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rules whose fixtures this test owns (other rules' fixtures share the directory and have their own tests). */
    static List<String> ownRules() {
        return COMPARED.stream().filter(id -> !id.equals("syntax-error")).sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureProducesExactlyItsExpectedFindings() throws IOException {
        List<Path> cases = new ArrayList<>();
        for (String rule : ownRules()) {
            try (Stream<Path> cs = Files.list(fixtures().resolve(rule))) {
                cases.addAll(cs.filter(Files::isDirectory).sorted().toList());
            }
        }
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getParent().getFileName() + "/" + c.getFileName(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasAFiringAndAQuietFixtureThatNamesIt() throws IOException {
        Set<String> present;
        try (Stream<Path> s = Files.list(fixtures())) {
            present = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> rules = ownRules();
        assertTrue(present.containsAll(rules), "every cross-component rule has fixtures: " + present);
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule, () -> {
            Path dir = fixtures().resolve(rule);
            assertTrue(expected(dir.resolve("fires")).stream().anyMatch(l -> l.contains(" " + rule + " ")),
                    rule + "/fires must expect a " + rule + " finding");
            assertFalse(expected(dir.resolve("quiet")).stream().anyMatch(l -> l.contains(" " + rule + " ")),
                    rule + "/quiet must not expect a " + rule + " finding");
        }));
    }

    private static void check(Path root) {
        NodeConfig node = NodeLoader.create().load(root);
        List<Finding> findings = Validator.defaults().validate(node).findings();
        Set<String> actual = findings.stream().filter(f -> COMPARED.contains(f.ruleId()))
                .map(f -> f.location() + " " + f.ruleId() + " " + f.severity())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = new TreeSet<>(expected(root));
        assertEquals(wanted, actual, () -> "findings of " + root + ":\n" + findings.stream()
                .map(Finding::toString).collect(Collectors.joining("\n")));
    }

    private static List<String> expected(Path root) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(root.resolve("expected.txt"), StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.replaceAll("\\s+", " "));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
