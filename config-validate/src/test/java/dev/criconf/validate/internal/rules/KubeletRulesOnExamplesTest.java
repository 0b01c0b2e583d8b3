package dev.criconf.validate.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.validate.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The example nodes of {@code examples/}: what {@code examples/README.md} says each must produce,
 * restricted to the kubelet, kubeadm and any-file rules ({@code file:line rule-id severity}; the
 * README gives lines, and a whole-file finding is at line 1).
 */
class KubeletRulesOnExamplesTest {

    private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("healthy-containerd", List.of()),
            Map.entry("healthy-containerd-1.7", List.of()),
            Map.entry("healthy-crio", List.of()),
            Map.entry("healthy-cri-dockerd", List.of()),
            Map.entry("broken-cgroup-driver", List.of()),
            Map.entry("broken-containerd-no-version", List.of()),
            Map.entry("broken-crio-conmon", List.of(
                    "var/lib/kubelet/kubeadm-flags.env:1 kubelet-deprecated-flag warning",
                    "var/lib/kubelet/kubeadm-flags.env:1 kubelet-deprecated-flag warning")),
            Map.entry("broken-endpoint", List.of()),
            Map.entry("broken-dockershim", List.of(
                    "var/lib/kubelet/kubeadm-flags.env:1 kubelet-unknown-flag error")),
            Map.entry("broken-flag-split", List.of(
                    "etc/default/kubelet:2 kubelet-flag-split error")),
            Map.entry("broken-containerd-registry", List.of()),
            Map.entry("broken-kubelet-config", List.of(
                    "etc/systemd/system/kubelet.service.d/10-kubeadm.conf:1 kubelet-dropin-shadowed warning",
                    "var/lib/kubelet/config.yaml:23 kubelet-eviction-partial warning",
                    "var/lib/kubelet/config.yaml:26 kubelet-yaml11-ambiguity warning",
                    "var/lib/kubelet/config.yaml:32 kubelet-invalid-value error")),
            Map.entry("broken-crio-dropins", List.of()),
            Map.entry("broken-cri-dockerd-socket", List.of()),
            Map.entry("broken-kernel-prereq", List.of(
                    "etc/sysctl.d/99-zz-cis-hardening.conf:2 kernel-prerequisite warning"))));

    static Path examples() {
        Path p = Path.of("..", "examples");
        assertTrue(Files.isDirectory(p), "examples/ not found from " + Path.of("").toAbsolutePath());
        return p;
    }

    @TestFactory
    Stream<DynamicTest> eachExampleGivesWhatTheReadmeSays() throws IOException {
        List<String> trees;
        try (Stream<Path> s = Files.list(examples())) {
            trees = s.filter(p -> Files.isRegularFile(p.resolve("criconf.yaml"))).map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.copyOf(EXPECTED.keySet()), trees, "every example has an expectation here");
        List<DynamicTest> tests = new ArrayList<>();
        for (String tree : trees) {
            tests.add(DynamicTest.dynamicTest(tree, () -> {
                List<Finding> findings = KubeletRuleFixturesTest.VALIDATOR
                        .validate(NodeLoader.create().load(examples().resolve(tree))).findings();
                List<String> actual = findings.stream().map(f -> f.location().file() + ":" + f.location().line() + " "
                        + f.ruleId() + " " + f.severity().name().toLowerCase(Locale.ROOT)).toList();
                assertEquals(EXPECTED.get(tree), actual, () -> tree + ":\n" + String.join("\n",
                        findings.stream().map(Finding::toString).toList()));
            }));
        }
        return tests.stream();
    }
}
