package dev.criconf.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.Validator;
import dev.criconf.validate.VersionSource;
import dev.criconf.validate.internal.rules.ContainerdCriDisabledRule;
import dev.criconf.validate.internal.rules.ContainerdDeprecatedRule;
import dev.criconf.validate.internal.rules.ContainerdImportReplacesRule;
import dev.criconf.validate.internal.rules.ContainerdMirrorsWithConfigPathRule;
import dev.criconf.validate.internal.rules.ContainerdOptionUncheckedRule;
import dev.criconf.validate.internal.rules.ContainerdRuntimeDefaultsLostRule;
import dev.criconf.validate.internal.rules.ContainerdVersionMismatchRule;
import dev.criconf.validate.internal.rules.CrioConmonCgroupRule;
import dev.criconf.validate.internal.rules.CrioDefaultRuntimeMissingRule;
import dev.criconf.validate.internal.rules.CrioDropinNotTomlRule;
import dev.criconf.validate.internal.rules.CrioDropinReplacesHandlerRule;
import dev.criconf.validate.internal.rules.CrioInvalidValueRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The containerd and CRI-O rules over node trees loaded from disk with {@link NodeLoader}: the fixture
 * nodes under {@code src/test/resources/fixtures/<rule-id>/} ({@code fires/} must produce exactly the
 * lines of {@code expected.txt}, {@code quiet/} nothing) and the repository's {@code examples/}, whose
 * README lists the findings each example must produce. Only these rules' findings are compared: other
 * rules may report on the same trees. Versions come from each tree's {@code criconf.yaml}.
 */
class RuntimeRuleFixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath().normalize();
    static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    static final List<Rule> RULES = List.of(new ContainerdCriDisabledRule(), new ContainerdVersionMismatchRule(),
            new ContainerdRuntimeDefaultsLostRule(), new ContainerdOptionUncheckedRule(), new ContainerdImportReplacesRule(),
            new ContainerdMirrorsWithConfigPathRule(), new ContainerdDeprecatedRule(), new CrioConmonCgroupRule(),
            new CrioDefaultRuntimeMissingRule(), new CrioDropinReplacesHandlerRule(), new CrioDropinNotTomlRule(),
            new CrioInvalidValueRule());

    static final Set<String> IDS = RULES.stream().map(Rule::id).collect(Collectors.toSet());

    /**
     * What examples/README.md says these rules report on each example ({@code file:line rule-id severity};
     * the README gives lines, and a file-level finding is line 1). Examples not listed must get none.
     */
    static final Map<String, Set<String>> EXAMPLES_EXPECTED = Map.of(
            "broken-containerd-no-version", Set.of(
                    "etc/containerd/config.toml:3 containerd-cri-disabled error",
                    "etc/containerd/config.toml:15 containerd-version-mismatch error"),
            "broken-containerd-registry", Set.of(
                    "etc/containerd/config.toml:21 containerd-mirrors-with-config-path error",
                    "etc/containerd/config.toml:21 containerd-deprecated warning"),
            "broken-crio-conmon", Set.of(
                    "etc/crio/crio.conf:15 crio-conmon-cgroup error"),
            "broken-crio-dropins", Set.of(
                    "etc/crio/crio.conf.d/20-kubernetes.conf.bak:1 crio-dropin-not-toml error",
                    "etc/crio/crio.conf.d/30-crun-devices.conf:2 crio-dropin-replaces-handler warning"));

    /**
     * The versions a tree's {@code criconf.yaml} states, passed as per-node versions the way a caller
     * of {@link Validator#validate(NodeConfig, TargetVersions)} does (the loader's profile reader
     * belongs to the kubelet side; the rules also read {@link NodeConfig#profile()} when it is there).
     */
    static TargetVersions profileVersions(Path root) throws IOException {
        Path profile = root.resolve("criconf.yaml");
        List<TargetVersion> out = new ArrayList<>();
        if (Files.isRegularFile(profile)) {
            List<String> lines = Files.readAllLines(profile, StandardCharsets.UTF_8);
            for (TargetComponent c : TargetComponent.values()) {
                Pattern p = Pattern.compile("^" + c.profileKey() + ":\\s*\"?([0-9][0-9.]*)\"?\\s*$");
                for (String line : lines) {
                    Matcher m = p.matcher(line);
                    if (m.matches()) {
                        out.add(new TargetVersion(c, ComponentVersion.parse(m.group(1)).toOptional().orElseThrow(),
                                VersionSource.PROFILE, "criconf.yaml"));
                    }
                }
            }
        }
        return TargetVersions.of(out.toArray(new TargetVersion[0]));
    }

    static Set<String> findings(Path root, boolean withColumn) throws IOException {
        NodeConfig node = NodeLoader.create().load(root);
        List<Finding> all = Validator.builder().ruleSet(RuleSet.of(RULES)).build().validate(node, profileVersions(root))
                .findings();
        Set<String> out = new TreeSet<>();
        for (Finding f : all) {
            assertTrue(IDS.contains(f.ruleId()), () -> "a rule failed: " + f);
            String at = f.location().file() + ":" + f.location().line() + (withColumn ? ":" + f.location().column() : "");
            out.add(at + " " + f.ruleId() + " " + f.severity().toString().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    static Set<String> expected(Path file) throws IOException {
        Set<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> fixtureNodes() throws IOException {
        List<Path> ruleDirs;
        try (Stream<Path> s = Files.list(FIXTURES)) {
            ruleDirs = s.filter(Files::isDirectory).filter(d -> IDS.contains(d.getFileName().toString())).sorted().toList();
        }
        assertEquals(IDS, ruleDirs.stream().map(d -> d.getFileName().toString()).collect(Collectors.toSet()),
                "every rule has a fixture directory");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ruleDirs) {
            String id = dir.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(id + "/fires", () -> {
                Set<String> want = expected(dir.resolve("expected.txt"));
                assertFalse(want.isEmpty(), "expected.txt lists the findings of fires/");
                assertTrue(want.stream().anyMatch(l -> l.contains(" " + id + " ")), "fires/ makes " + id + " fire");
                assertEquals(want, findings(dir.resolve("fires"), true));
            }));
            tests.add(DynamicTest.dynamicTest(id + "/quiet", () -> {
                assertEquals(Set.of(), findings(dir.resolve("quiet"), true));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> examplesAgreeWithTheirReadme() throws IOException {
        List<Path> roots;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            roots = s.filter(p -> Files.isRegularFile(p.resolve("criconf.yaml"))).sorted().toList();
        }
        assertTrue(roots.size() >= 15, "examples found: " + roots);
        return roots.stream().map(root -> DynamicTest.dynamicTest(root.getFileName().toString(), () -> {
            String name = root.getFileName().toString();
            assertEquals(EXAMPLES_EXPECTED.getOrDefault(name, Set.of()), findings(root, false));
        }));
    }

    @Test
    void everyRuleIsBuiltIn() {
        assertTrue(RuleSet.builtIn().ids().containsAll(IDS), "BuiltInRules.all() lists the runtime rules");
    }

    /** Severities as in the design's rule catalog (RULES.md); fixes only where it lists them. */
    @Test
    void descriptorsFollowTheCatalog() throws IOException {
        Map<String, Severity> severity = Map.ofEntries(
                Map.entry("containerd-cri-disabled", Severity.ERROR),
                Map.entry("containerd-version-mismatch", Severity.ERROR),
                Map.entry("containerd-runtime-defaults-lost", Severity.WARNING),
                Map.entry("containerd-option-unchecked", Severity.WARNING),
                Map.entry("containerd-import-replaces", Severity.WARNING),
                Map.entry("containerd-mirrors-with-config-path", Severity.ERROR),
                Map.entry("containerd-deprecated", Severity.WARNING),
                Map.entry("crio-conmon-cgroup", Severity.ERROR),
                Map.entry("crio-default-runtime-missing", Severity.ERROR),
                Map.entry("crio-dropin-replaces-handler", Severity.WARNING),
                Map.entry("crio-dropin-not-toml", Severity.ERROR),
                Map.entry("crio-invalid-value", Severity.ERROR));
        assertEquals(IDS, severity.keySet());
        Path sources = Path.of("src/main/java/dev/criconf/validate/internal/rules");
        for (Rule r : RULES) {
            RuleDescriptor d = r.descriptor();
            assertEquals(severity.get(d.id()), d.defaultSeverity(), d.id());
            assertEquals(Set.of("containerd-cri-disabled", "crio-conmon-cgroup").contains(d.id()), d.fixable(), d.id());
            assertTrue(d.rationale().length() > 200, d.id());
            assertFalse(d.references().isEmpty(), d.id());
            d.references().forEach(u -> assertEquals("https", u.getScheme(), u.toString()));
            assertFalse(d.example().before().equals(d.example().after()), d.id());
            // a newcomer finds the class by its id: the class is named after it and its javadoc says the id
            String className = Stream.of(d.id().split("-"))
                    .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining()) + "Rule";
            assertEquals(className, r.getClass().getSimpleName());
            String source = Files.readString(sources.resolve(className + ".java"), StandardCharsets.UTF_8);
            assertTrue(source.contains("/**\n * {@code " + d.id() + "}"), d.id() + " is named first in the class javadoc");
        }
    }
}
