package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.value.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing outside the node root is read: links and imports that leave it are OUTSIDE_ROOT problems. */
class NodeLoaderConfinementTest {

    @TempDir
    Path tmp;

    Path root;
    NodeRoots node;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("node"));
        node = new NodeRoots(root);
        // a file beside the root that must never be read
        Files.writeString(tmp.resolve("outside.toml"), "version = 2\noom_score = 666\n[crio.runtime]\nlog_level = \"outside\"\n");
        Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(tmp.resolve("etc/x.toml"), "oom_score = 667\n");
    }

    private NodeConfig load() {
        NodeConfig n = NodeLoader.create().load(root);
        for (Problem p : n.problems()) {
            assertFalse(p.origin().file().startsWith("/"), p.toString());
            assertFalse(p.message().contains("666") || p.message().contains("667"));
        }
        assertTrue(n.files().stream().noneMatch(f -> f.contains("outside") || f.startsWith("..")), n.files().toString());
        return n;
    }

    private static List<Problem> outside(NodeConfig n) {
        return n.problems().stream().filter(p -> p.kind() == Problem.Kind.OUTSIDE_ROOT).toList();
    }

    @Test
    void mainFileLinkedOutOfTheRootIsNotRead() {
        node.link("etc/containerd/config.toml", "../../../outside.toml");
        NodeConfig n = load();
        assertTrue(n.containerd().isEmpty());
        assertEquals(1, outside(n).size());
        assertEquals("etc/containerd/config.toml", outside(n).get(0).origin().file());
    }

    @Test
    void absoluteLinkTargetsAreTakenFromTheRoot() {
        node.write("etc/real.toml", "version = 2\noom_score = 1\n").link("etc/containerd/config.toml", "/etc/real.toml");
        NodeConfig n = load();
        assertEquals(List.of(), n.problems());
        assertEquals(1L, n.containerd().orElseThrow().merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals(List.of("etc/containerd/config.toml"), n.files(), "named by the path looked up, not the link target");
    }

    @Test
    void importClimbingAboveTheRootIsNotFollowed() {
        node.write("etc/containerd/config.toml", "version = 2\nimports = [\"/../../etc/x.toml\"]\n");
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(1, c.files().size());
        assertTrue(c.merged().get("oom_score").isEmpty());
        Problem p = outside(n).get(0);
        assertEquals("etc/containerd/config.toml", p.origin().file());
        assertEquals(2, p.origin().line());
        assertEquals(List.of(), c.imports().get(0).matchedFiles());
    }

    @Test
    void relativeImportClimbingOutIsNotFollowed() {
        node.write("etc/containerd/config.toml", "imports = [\"../../../outside.toml\", \"../../../*.toml\"]\n");
        NodeConfig n = load();
        assertEquals(2, outside(n).size());
        assertEquals(1, n.containerd().orElseThrow().files().size());
    }

    @Test
    void absoluteImportsAreNodePaths() {
        node.write("etc/containerd/config.toml", "version = 2\nimports = [\"/etc/x.toml\", \"C:\\\\ProgramData\\\\containerd\\\\*.toml\"]\n")
                .write("etc/x.toml", "oom_score = 3\n")
                .write("ProgramData/containerd/w.toml", "[grpc]\naddress = \"/run/w.sock\"\n");
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(List.of(), n.problems());
        assertEquals(List.of("etc/containerd/config.toml", "etc/x.toml", "ProgramData/containerd/w.toml"),
                c.files().stream().map(f -> f.path()).toList());
        assertEquals(3L, c.merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals("/run/w.sock", c.grpcAddress().orElseThrow().value());
    }

    @Test
    void globMatchThatLinksOutIsNotRead() {
        node.write("etc/containerd/config.toml", "imports = [\"conf.d/*.toml\"]\n")
                .write("etc/containerd/conf.d/a.toml", "oom_score = 1\n")
                .link("etc/containerd/conf.d/b.toml", "../../../../outside.toml");
        NodeConfig n = load();
        ContainerdConfig c = n.containerd().orElseThrow();
        assertEquals(List.of("etc/containerd/conf.d/a.toml"), c.imports().get(0).matchedFiles());
        assertEquals(1L, c.merged().get("oom_score").flatMap(ConfigValue::asLong).orElseThrow());
        assertEquals(1, outside(n).size());
    }

    @Test
    void crioDropInLinkedOutIsAProblemAndTheOthersLoad() {
        node.write("etc/crio/crio.conf.d/10-a.conf", "[crio.runtime]\nlog_level = \"info\"\n")
                .link("etc/crio/crio.conf.d/20-b.conf", "../../../../outside.toml");
        NodeConfig n = load();
        assertEquals("info", n.crio().orElseThrow().merged().find("crio", "runtime", "log_level").flatMap(ConfigValue::asString).orElseThrow());
        assertEquals("etc/crio/crio.conf.d/20-b.conf", outside(n).get(0).origin().file());
    }

    @Test
    void crioDropInDirectoryLinkedOut() throws IOException {
        Files.createDirectories(tmp.resolve("crio.d"));
        Files.writeString(tmp.resolve("crio.d/x.conf"), "[crio.runtime]\nlog_level = \"outside\"\n");
        node.link("etc/crio/crio.conf.d", "../../../crio.d");
        NodeConfig n = load();
        assertTrue(n.crio().isEmpty());
        assertEquals(1, outside(n).size());
    }

    @Test
    void hostFilesAndUnitsLinkedOutAreProblems() {
        node.link("etc/sysctl.d/99-x.conf", "../../../outside.toml")
                .link("etc/docker/daemon.json", "../../../outside.toml")
                .link("etc/systemd/system/cri-docker.service", "../../../../outside.toml");
        NodeConfig n = load();
        assertTrue(n.dockerDaemon().isEmpty());
        assertTrue(n.criDockerd().isEmpty());
        assertEquals(List.of("etc/docker/daemon.json", "etc/sysctl.d/99-x.conf", "etc/systemd/system/cri-docker.service"),
                outside(n).stream().map(p -> p.origin().file()).sorted().toList());
    }

    @Test
    void aRootThatIsNotADirectoryThrows() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        NodeRootException e = assertThrows(NodeRootException.class, () -> NodeLoader.create().load(file));
        assertTrue(e.getMessage().contains(file.toString()));
        assertThrows(NodeRootException.class, () -> NodeLoader.create().load(tmp.resolve("missing")));
    }

    @Test
    void anEmptyRootIsAnEmptyNode() {
        NodeConfig n = load();
        assertEquals(List.of(), n.files());
        assertEquals(List.of(), n.problems());
        assertTrue(n.configuredRuntimes().isEmpty());
    }
}
