package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For generated containerd + kubelet nodes, consistent or not: setting the cgroup driver makes both
 * sides read it back, and every line the edit had no reason to touch stays byte-identical.
 */
class NodeEditorProperties {

    /** One generated node: where each side keeps its driver, and its current values. */
    record Spec(String kubeletField, String flag, String runcTable, String optionsTable, int schema, String comment) {
    }

    @Provide
    Arbitrary<Spec> nodes() {
        Arbitrary<String> kubeletField = Arbitraries.of("", "cgroupDriver: systemd\n", "cgroupDriver: cgroupfs\n",
                "cgroupDriver: \"cgroupfs\" # set by hand\n");
        Arbitrary<String> flag = Arbitraries.of("", " --cgroup-driver=cgroupfs", " --cgroup-driver=systemd");
        Arbitrary<String> runc = Arbitraries.of("none", "table");
        Arbitrary<String> options = Arbitraries.of("none", "empty", "true", "false", "other");
        Arbitrary<Integer> schema = Arbitraries.of(2, 3);
        Arbitrary<String> comment = Arbitraries.of("", "# managed by hand\n", "\n\n");
        return Combinators.combine(kubeletField, flag, runc, options, schema, comment).as(Spec::new)
                .filter(s -> !(s.runcTable().equals("none") && !s.optionsTable().equals("none")));
    }

    static String containerdToml(Spec s) {
        String id = s.schema() == 2 ? "\"io.containerd.grpc.v1.cri\"" : "'io.containerd.cri.v1.runtime'";
        StringBuilder t = new StringBuilder(s.comment()).append("version = ").append(s.schema()).append("\n\n");
        t.append("[plugins.").append(id).append(".containerd]\n  default_runtime_name = \"runc\"\n");
        if (s.runcTable().equals("table")) {
            t.append("\n[plugins.").append(id).append(".containerd.runtimes.runc]\n  runtime_type = \"io.containerd.runc.v2\"\n");
        }
        switch (s.optionsTable()) {
            case "none" -> { }
            case "empty" -> t.append("\n[plugins.").append(id).append(".containerd.runtimes.runc.options]\n");
            case "other" -> t.append("\n[plugins.").append(id).append(".containerd.runtimes.runc.options]\n")
                    .append("  BinaryName = \"/usr/bin/runc\"\n");
            default -> t.append("\n[plugins.").append(id).append(".containerd.runtimes.runc.options]\n")
                    .append("  SystemdCgroup = ").append(s.optionsTable()).append("\n  BinaryName = \"/usr/bin/runc\"\n");
        }
        return t.toString();
    }

    @Property(tries = 80)
    void setCgroupDriverMakesBothSidesAgreeAndKeepsOtherLines(@ForAll("nodes") Spec spec,
            @ForAll CgroupDriver driver) throws IOException {
        Path root = Files.createTempDirectory("criconf-edit-prop");
        try {
            new NodeRoots(root).write(NodeEditorTest.DROP_IN_PATH, NodeTree.KUBEADM_DROP_IN)
                    .write("criconf.yaml", "kubernetesVersion: \"1.31.0\"\n")
                    .write(NodeEditorTest.FLAGS_ENV, "KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.5" + spec.flag() + "\"\n")
                    .write(NodeEditorTest.KUBELET_YAML, NodeEditorTest.HEADER + spec.kubeletField()
                            + "containerRuntimeEndpoint: " + NodeEditorTest.CONTAINERD_SOCK + "\n")
                    .write(NodeEditorTest.CONTAINERD, containerdToml(spec));
            Map<String, String> before = snapshot(root);
            NodeEditor.of(root, NodeLoader.create().load(root)).setCgroupDriver(driver).write();
            NodeConfig after = NodeLoader.create().load(root);

            assertEquals(driver.value(), after.effectiveKubelet().orElseThrow().cgroupDriver().map(Setting::value)
                    .orElseThrow());
            assertEquals(driver, PlanCheck.runtimeDriver(after).orElseThrow());

            Map<String, String> now = snapshot(root);
            assertEquals(before.keySet(), now.keySet(), "no file created or removed");
            for (Map.Entry<String, String> e : before.entrySet()) {
                List<String> removed = removedLines(e.getValue(), now.get(e.getKey()));
                for (String line : removed) {
                    assertTrue(line.contains("cgroupDriver") || line.contains("SystemdCgroup")
                            || line.contains("--cgroup-driver"), e.getKey() + ": untouched line changed: " + line);
                }
                assertTrue(removed.size() <= 1, e.getKey() + ": more than one line changed: " + removed);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Lines of {@code before} that are not in a longest common subsequence with {@code after}. */
    static List<String> removedLines(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> removed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length) {
            if (j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && lcs[i][j + 1] >= lcs[i + 1][j]) {
                j++;
            } else {
                removed.add(a[i]);
                i++;
            }
        }
        return removed;
    }

    private static Map<String, String> snapshot(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
