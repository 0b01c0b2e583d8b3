package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ParseLimits bound what a load reads; a broken file does not stop the others. */
class NodeLoaderLimitsTest {

    @TempDir
    Path root;

    private List<Problem> ofKind(NodeConfig n, Problem.Kind kind) {
        return n.problems().stream().filter(p -> p.kind() == kind).toList();
    }

    @Test
    void anOversizedFileIsAProblemAndNotRead() {
        new NodeRoots(root).write("etc/containerd/config.toml", "version = 2\n" + "#".repeat(2000) + "\n")
                .write("etc/crio/crio.conf", "[crio.runtime]\ncgroup_manager = \"systemd\"\n");
        NodeConfig n = NodeLoader.create().withLimits(ParseLimits.DEFAULTS.withMaxFileBytes(1000)).load(root);
        assertEquals("etc/containerd/config.toml", ofKind(n, Problem.Kind.LIMIT_EXCEEDED).get(0).origin().file());
        assertTrue(n.containerd().isEmpty());
        assertEquals("systemd", n.crio().orElseThrow().cgroupManager().orElseThrow().value());
    }

    @Test
    void tooManyDropInsAndImportsAreCut() {
        NodeRoots t = new NodeRoots(root).write("etc/containerd/config.toml", "imports = [\"conf.d/*.toml\"]\n");
        for (int i = 0; i < 8; i++) {
            t.write("etc/crio/crio.conf.d/" + i + ".conf", "[crio.runtime]\nlog_level = \"l" + i + "\"\n");
            t.write("etc/containerd/conf.d/" + i + ".toml", "oom_score = " + (i + 1) + "\n");
        }
        NodeConfig n = NodeLoader.create().withLimits(ParseLimits.DEFAULTS.withMaxDropInFiles(3)).load(root);
        assertEquals(3, n.crio().orElseThrow().files().size());
        assertEquals(4, n.containerd().orElseThrow().files().size(), "the main file and three imports");
        assertEquals(List.of("etc/containerd/config.toml", "etc/crio/crio.conf.d"),
                ofKind(n, Problem.Kind.LIMIT_EXCEEDED).stream().map(p -> p.origin().file()).sorted().toList());
    }

    @Test
    void aSyntaxErrorKeepsWhatParsedAndTheRestLoads() {
        new NodeRoots(root).write("etc/containerd/config.toml", "version = 2\n[grpc]\naddress = \"/run/c.sock\"\n[plugins\n")
                .write("etc/docker/daemon.json", "{\"log-driver\": \"json-file\",}")
                .write("etc/crio/crio.conf.d/10.conf", "[crio.runtime]\ncgroup_manager = \"systemd\"\n");
        NodeConfig n = NodeLoader.create().load(root);
        assertEquals(List.of("etc/containerd/config.toml", "etc/docker/daemon.json"),
                ofKind(n, Problem.Kind.SYNTAX).stream().map(p -> p.origin().file()).distinct().sorted().toList());
        assertEquals("/run/c.sock", n.containerd().orElseThrow().grpcAddress().orElseThrow().value());
        assertTrue(n.dockerDaemon().isPresent());
        assertTrue(n.crio().isPresent());
        assertEquals(List.of("etc/containerd/config.toml", "etc/crio/crio.conf.d/10.conf", "etc/docker/daemon.json"), n.files());
    }

    @Test
    void deeplyNestedDropInDirectoriesStopAtTheDepthLimit() {
        NodeRoots t = new NodeRoots(root);
        String dir = "etc/crio/crio.conf.d";
        for (int i = 0; i < 12; i++) {
            dir += "/d";
        }
        t.write(dir + "/x.conf", "[crio.runtime]\nlog_level = \"deep\"\n").write("etc/crio/crio.conf.d/a.conf", "[crio.runtime]\n");
        NodeConfig n = NodeLoader.create().withLimits(ParseLimits.DEFAULTS.withMaxDepth(8)).load(root);
        assertEquals(1, n.crio().orElseThrow().files().size());
        assertEquals(1, ofKind(n, Problem.Kind.LIMIT_EXCEEDED).size());
    }
}
