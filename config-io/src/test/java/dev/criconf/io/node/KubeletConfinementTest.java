package dev.criconf.io.node;

import static dev.criconf.io.node.NodeTree.HEADER;
import static dev.criconf.io.node.NodeTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.value.ConfigTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outside the node root is read, whatever the flags or links say; bad files become
 * problems and reading goes on.
 */
class KubeletConfinementTest {

    @TempDir
    Path tmp;

    Path root;

    /** A file beside the root that no read may reach. */
    static final String SECRET = HEADER + "cgroupDriver: secret\n";

    @BeforeEach
    void outside() throws IOException {
        root = Files.createDirectories(tmp.resolve("node"));
        Files.writeString(tmp.resolve("x"), SECRET);
        Files.writeString(tmp.resolve("secret.yaml"), SECRET);
        Files.writeString(tmp.resolve("outside.env"), "KUBELET_EXTRA_ARGS=--cgroup-driver=secret\n");
        Files.createDirectories(tmp.resolve("outside.d"));
        Files.writeString(tmp.resolve("outside.d/10-x.conf"), SECRET);
    }

    static void assertNothingFromOutside(NodeConfig n) {
        for (String f : n.files()) {
            assertFalse(f.startsWith("..") || f.startsWith("/"), f);
        }
        n.kubeletConfiguration().ifPresent(c -> assertFalse(c.cgroupDriver().map(s -> s.value().equals("secret")).orElse(false)));
        n.effectiveKubelet().ifPresent(e -> assertFalse(e.cgroupDriver().map(s -> s.value().equals("secret")).orElse(false)));
    }

    static Problem only(NodeConfig n, Problem.Kind kind) {
        List<Problem> of = n.problems().stream().filter(p -> p.kind() == kind).toList();
        assertEquals(1, of.size(), n.problems().toString());
        return of.get(0);
    }

    @Test
    void configAboveTheRootIsNotRead() {
        String text = "KUBELET_EXTRA_ARGS=--config=/../../x\n";
        NodeConfig n = new NodeTree(root).kubeadmNode("1.35.0", "cgroupDriver: systemd\n")
                .write("etc/default/kubelet", text).load();
        Problem p = only(n, Problem.Kind.OUTSIDE_ROOT);
        assertEquals("etc/default/kubelet:1:" + (text.indexOf("/../") + 1), at(p.origin()));
        // the flag names another file: the default one is not used instead
        assertTrue(n.kubeletConfiguration().isEmpty());
        assertTrue(n.kubeletSources().orElseThrow().configFile().isEmpty());
        assertNothingFromOutside(n);
    }

    @Test
    void aConfigPathWithANulCharacterIsAProblemNotAnException() {
        // fuzz finding (config-io/FUZZING.md): --config=/var/lib/kub\0elet/config.yaml made the
        // file system API throw InvalidPathException out of NodeLoader.load
        String dropIn = NodeTree.KUBEADM_DROP_IN.replace("--config=/var/lib/kubelet/config.yaml", "--config=/var/lib/kub\u0000elet/config.yaml");
        NodeConfig n = new NodeTree(root).kubeadmNode("1.35.0", "cgroupDriver: systemd\n")
                .write(NodeTree.DROP_IN_PATH, dropIn).load();
        assertTrue(n.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.UNREADABLE
                && p.origin().file().equals(NodeTree.DROP_IN_PATH) && p.message().contains("NUL")), n.problems().toString());
        assertTrue(n.kubeletConfiguration().isEmpty(), "the flag names another file: the default one is not used instead");
        assertNothingFromOutside(n);
    }

    @Test
    void aConfigLinkThatClimbsOutIsNotFollowed() {
        NodeTree t = new NodeTree(tmp.resolve("node2")).kubeadmNode("1.35.0", "");
        try {
            Files.delete(t.root.resolve("var/lib/kubelet/config.yaml"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        // node2/var/lib/kubelet/config.yaml -> ../../../../secret.yaml is tmp/secret.yaml, above the root
        NodeConfig out = t.link("var/lib/kubelet/config.yaml", "../../../../secret.yaml").load();
        Problem p = only(out, Problem.Kind.OUTSIDE_ROOT);
        assertEquals(NodeTree.DROP_IN_PATH, p.origin().file(), "located at the --config flag that names it");
        assertTrue(out.kubeletConfiguration().isEmpty());
        assertNothingFromOutside(out);
    }

    @Test
    void anAbsoluteLinkStaysInsideTheRoot() {
        NodeConfig n = new NodeTree(root).kubeadmNode("1.35.0", "")
                .write("etc/kubelet/real.yaml", HEADER + "cgroupDriver: systemd\n")
                .link("var/lib/kubelet/config.yaml.tmp", "/etc/kubelet/real.yaml")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--config=/var/lib/kubelet/config.yaml.tmp\n")
                .load();
        assertEquals(List.of(), n.problems());
        assertEquals("etc/kubelet/real.yaml", n.kubeletConfiguration().orElseThrow().file());
        assertEquals("etc/kubelet/real.yaml", n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow()
                .origin().orElseThrow().file());
    }

    @Test
    void anEnvironmentFileLinkThatClimbsOutIsNotRead() {
        NodeConfig n = new NodeTree(root).kubeadmNode("1.35.0", "")
                .link("etc/default/kubelet", "../../../outside.env").load();
        only(n, Problem.Kind.OUTSIDE_ROOT);
        assertFalse(n.kubeletFlags().orElseThrow().has("cgroup-driver"));
        assertNothingFromOutside(n);
    }

    @Test
    void aConfigDirOutsideTheRootOrADropInLinkingOutIsNotRead() {
        NodeConfig dir = new NodeTree(root).kubeadmNode("1.35.0", "")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--config-dir=/etc/../../outside.d\n").load();
        assertEquals("etc/default/kubelet", only(dir, Problem.Kind.OUTSIDE_ROOT).origin().file());
        assertNothingFromOutside(dir);

        NodeConfig link = new NodeTree(tmp.resolve("node3")).kubeadmNode("1.35.0", "")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--config-dir=/etc/kubelet.d\n")
                .write("etc/kubelet.d/05-in.conf", HEADER + "maxPods: 7\n")
                .link("etc/kubelet.d/10-out.conf", "../../../outside.d/10-x.conf")
                .load();
        assertEquals("etc/default/kubelet", only(link, Problem.Kind.OUTSIDE_ROOT).origin().file());
        assertEquals(List.of("etc/kubelet.d/05-in.conf"), link.effectiveKubelet().orElseThrow().dropInFiles());
        assertNothingFromOutside(link);
    }

    @Test
    void badFilesAreProblemsAndTheRestIsStillRead() {
        NodeConfig n = new NodeTree(root)
                .write(NodeTree.DROP_IN_PATH, NodeTree.KUBEADM_DROP_IN)
                .bytes("var/lib/kubelet/config.yaml", new byte[] {'a', ':', ' ', (byte) 0xff, '\n', '\t', '-', '['})
                .write("var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.1\n")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--cgroup-driver=systemd\n")
                .write("criconf.yaml", "kubernetesVersion: [1\n")
                .load();
        assertTrue(n.problems().stream().anyMatch(p -> p.origin().file().equals("var/lib/kubelet/config.yaml")), n.problems().toString());
        assertTrue(n.problems().stream().anyMatch(p -> p.origin().file().equals("criconf.yaml")), n.problems().toString());
        assertEquals("systemd", n.kubeletFlags().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals("systemd", n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value());
    }

    @Test
    void aConfigThatIsNotAMappingOrIsEmptyIsAProblem() {
        NodeConfig list = new NodeTree(root).kubeadmNode("1.35.0", "")
                .write("var/lib/kubelet/config.yaml", "- a\n- b\n").load();
        Problem p = only(list, Problem.Kind.SYNTAX);
        assertTrue(p.message().contains("not a mapping"), p.message());
        assertEquals(ConfigTable.empty(dev.criconf.model.Origin.ofFile("var/lib/kubelet/config.yaml")),
                list.kubeletConfiguration().orElseThrow().tree());

        NodeConfig empty = new NodeTree(tmp.resolve("empty")).kubeadmNode("1.35.0", "")
                .write("var/lib/kubelet/config.yaml", "# nothing yet\n").load();
        assertTrue(only(empty, Problem.Kind.SYNTAX).message().contains("no content"));
    }

    @Test
    void duplicateKeysAreReportedAndTheLastOneCounts() {
        NodeConfig n = new NodeTree(root).kubeadmNode("1.35.0", "cgroupDriver: systemd\ncgroupDriver: cgroupfs\n").load();
        Problem p = only(n, Problem.Kind.DUPLICATE_KEY);
        assertEquals("var/lib/kubelet/config.yaml:4:1", at(p.origin()));
        assertEquals("cgroupfs", n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals(1, n.kubeletConfiguration().orElseThrow().tree().duplicateEntries().size());
    }

    @Test
    void limitsApply() throws IOException {
        NodeTree t = new NodeTree(root).kubeadmNode("1.35.0", "cgroupDriver: systemd\n");
        t.write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--config-dir=/etc/kubelet.d\n");
        for (int i = 0; i < 5; i++) {
            t.write("etc/kubelet.d/" + i + ".conf", HEADER + "maxPods: " + i + "\n");
        }
        NodeConfig few = t.load(ParseLimits.DEFAULTS.withMaxDropInFiles(3));
        assertEquals(3, few.kubeletDropIns().size());
        only(few, Problem.Kind.LIMIT_EXCEEDED);

        Files.write(root.resolve("var/lib/kubelet/config.yaml"), (HEADER + "x: " + "y".repeat(200) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        NodeConfig small = t.load(ParseLimits.DEFAULTS.withMaxFileBytes(100));
        assertTrue(small.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.LIMIT_EXCEEDED
                && p.origin().file().equals("var/lib/kubelet/config.yaml")), small.problems().toString());
    }
}
