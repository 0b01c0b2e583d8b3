package dev.criconf.validate.report;

import static dev.criconf.validate.report.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.validate.Finding;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    private static final String GOLDEN = ""
            + "nodes/worker-1/etc/containerd/config.toml:3:1: error: expected ']' to close the table header [syntax-error]\n"
            + "nodes/worker-1/etc/containerd/config.toml:5:19: info: k8s.gcr.io is frozen; use registry.k8s.io"
            + " [deprecated-registry]\n"
            + "  fix: set plugins.io.containerd.grpc.v1.cri.sandbox_image to registry.k8s.io/pause:3.10"
            + " in etc/containerd/config.toml\n"
            + "nodes/worker-1/var/lib/kubelet/config.yaml:7:15: error: kubelet uses cgroupfs but containerd's runc"
            + " handler uses systemd [cgroup-driver-mismatch]\n"
            + "  nodes/worker-1/etc/containerd/config.toml:12:9: SystemdCgroup = true\n"
            + "  fix: set the kubelet's cgroupDriver to systemd\n"
            + "  suggestion: make containerd use cgroupfs\n"
            + "nodes/worker 2: error: rule crio-conmon-cgroup failed on this node and reported nothing:"
            + " java.lang.NullPointerException [internal-error]\n"
            + "nodes/worker 2/etc/crio/crio.conf.d/10 custom#1.conf:4:1: warning: duplicate key 'log_level'"
            + " [duplicate-key]\n"
            + "  nodes/worker 2/etc/crio/crio.conf.d/10 custom#1.conf:2:1: first defined here\n"
            + "  nodes/worker 2/etc/crio/crio.conf.d/10 custom#1.conf:2:1: first defined here\n"
            + "/etc/containerd/config.toml:1:1: error: unexpected end of input [syntax-error]\n"
            + "configs/daemon.json:2:3: warning: a finding whose rule has no descriptor [unlisted-rule]\n"
            + "4 errors, 2 warnings, 1 info (3 nodes, 6 files)\n";

    @Test
    void rendersAFleetLikeACompiler() {
        assertEquals(GOLDEN, TextRenderer.plain().render(Fixtures.fleet()));
    }

    @Test
    void colourOnlyAddsEscapes() {
        String coloured = new TextRenderer(true).render(Fixtures.fleet());
        assertTrue(coloured.contains("\u001b[1;31merror\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[1;33mwarning\u001b[0m"));
        assertTrue(coloured.contains("\u001b[1;36minfo\u001b[0m"));
        assertTrue(coloured.contains("\u001b[2m[syntax-error]\u001b[0m"));
        assertEquals(GOLDEN, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
        assertFalse(TextRenderer.plain().render(Fixtures.fleet()).contains("\u001b"));
    }

    @Test
    void anEmptyRunStillPrintsTheSummary() {
        assertEquals("0 errors, 0 warnings, 0 info (0 nodes, 0 files)\n", TextRenderer.plain().render(List.of()));
        Report clean = new Report("nodes/a", List.of("etc/crio/crio.conf"), List.of(), List.of(), Secrets.none());
        assertEquals("0 errors, 0 warnings, 0 info (1 node, 1 file)\n", TextRenderer.plain().render(clean));
    }

    @Test
    void controlCharactersFromFilesCannotReachTheTerminal() {
        Finding f = new Finding("x-rule", Severity.WARNING, "value \u001b[2J\u001b]0;pwned\u0007 spans\nlines\t\u202eevil",
                at("a\u001b.toml", 1, 1), List.of(), List.of());
        String out = TextRenderer.plain().render(new Report("r", List.of(), List.of(f), List.of(), Secrets.none()));
        assertEquals("r/a\\u001b.toml:1:1: warning: value \\u001b[2J\\u001b]0;pwned\\u0007 spans\\nlines\\t\\u202eevil"
                + " [x-rule]\n0 errors, 1 warning, 0 info (1 node, 0 files)\n", out);
        assertEquals(2, out.split("\n").length, "one line per finding plus the summary");
    }

    @Test
    void pathsJoinTheRootUnlessAbsolute() {
        assertEquals("nodes/a/etc/x", Paths.display("nodes/a", "etc/x"));
        assertEquals("nodes/a/etc/x", Paths.display("nodes/a/", "etc/x"));
        assertEquals("/etc/x", Paths.display("", "/etc/x"));
        assertEquals("/etc/x", Paths.display("nodes/a", "/etc/x"));
        assertEquals("C:\\ProgramData\\containerd\\config.toml",
                Paths.display("nodes/win", "C:\\ProgramData\\containerd\\config.toml"));
        assertEquals("nodes/a", Paths.display("nodes/a", "."));
        assertEquals(".", Paths.display("", "."));
        assertEquals("etc/x", Paths.display("", "etc/x"));
    }
}
