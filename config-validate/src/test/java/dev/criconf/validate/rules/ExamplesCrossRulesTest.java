package dev.criconf.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The cross-component rules over the repository's example nodes ({@code examples/}, loaded with
 * {@link NodeLoader}) agree with {@code examples/README.md}: exactly the findings it lists for these
 * rules ({@code file:line rule severity}, plus the related {@code file:line} it names), and none on
 * the healthy trees. Other rules' findings are their own tests' business.
 */
class ExamplesCrossRulesTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    /** From examples/README.md "Expected findings, exactly"; an entry with " -> " also names its first related location. */
    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("broken-cgroup-driver", List.of(
                "var/lib/kubelet/config.yaml:15 cgroup-driver-mismatch error -> etc/containerd/config.toml:16",
                "var/lib/kubelet/config.yaml:15 cgroupfs-on-systemd-host warning"));
        EXPECTED.put("broken-containerd-no-version", List.of());
        EXPECTED.put("broken-crio-conmon", List.of(
                "etc/crio/crio.conf:13 cgroupfs-on-systemd-host warning",
                "var/lib/kubelet/config.yaml:15 cgroupfs-on-systemd-host warning"));
        EXPECTED.put("broken-endpoint", List.of(
                "var/lib/kubelet/config.yaml:22 runtime-endpoint-mismatch error -> etc/containerd/config.toml:10",
                "var/lib/kubelet/config.yaml:22 runtime-endpoint-scheme warning"));
        EXPECTED.put("broken-dockershim", List.of(
                "var/lib/kubelet/kubeadm-flags.env:1 dockershim-removed error",
                "etc/default/kubelet:2 dockershim-removed error",
                "var/lib/kubelet/kubeadm-flags.env:1 deprecated-registry warning"));
        EXPECTED.put("broken-flag-split", List.of());
        EXPECTED.put("broken-containerd-registry", List.of());
        EXPECTED.put("broken-kubelet-config", List.of());
        EXPECTED.put("broken-crio-dropins", List.of(
                "etc/crio/crio.conf.d/20-kubernetes.conf.bak:6 sandbox-image-version warning"));
        EXPECTED.put("broken-cri-dockerd-socket", List.of(
                "etc/systemd/system/cri-docker.service:11 cri-dockerd-unlinks-docker-socket error",
                "var/lib/kubelet/config.yaml:19 runtime-endpoint-mismatch error -> etc/systemd/system/cri-docker.service:11"));
        EXPECTED.put("broken-kernel-prereq", List.of());
        for (String healthy : List.of("healthy-containerd", "healthy-containerd-1.7", "healthy-crio", "healthy-cri-dockerd")) {
            EXPECTED.put(healthy, List.of());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleGetsWhatTheReadmeSays() throws Exception {
        Set<String> dirs;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve("criconf.yaml"))).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), dirs, "every example is covered");
        return EXPECTED.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            List<Finding> all = Validator.defaults().validate(NodeLoader.create().load(EXAMPLES.resolve(e.getKey()))).findings();
            List<Finding> mine = all.stream().filter(f -> FixtureNodesTest.COMPARED.contains(f.ruleId())).toList();
            Set<String> actual = new TreeSet<>();
            for (Finding f : mine) {
                String line = f.location().file() + ":" + f.location().line() + " " + f.ruleId() + " " + f.severity();
                boolean withRelated = e.getValue().stream().anyMatch(x -> x.startsWith(line + " -> "));
                actual.add(withRelated && !f.related().isEmpty()
                        ? line + " -> " + f.related().get(0).location().file() + ":" + f.related().get(0).location().line()
                        : line);
                assertTrue(f.location().column() > 0);
            }
            assertEquals(new TreeSet<>(e.getValue()), actual, () -> mine.stream().map(Finding::toString).collect(Collectors.joining("\n")));
        }));
    }
}
