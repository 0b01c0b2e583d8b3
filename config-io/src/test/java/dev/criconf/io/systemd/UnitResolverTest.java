package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitResolverTest {

    @TempDir
    Path root;

    private void write(String nodePath, String text) throws IOException {
        Path p = root.resolve(nodePath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private void link(String nodePath, String target) throws IOException {
        Path p = root.resolve(nodePath.substring(1));
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    private EffectiveUnit kubelet() {
        return new UnitResolver(root).resolve("kubelet.service");
    }

    private static List<String> names(List<UnitFile> files) {
        return files.stream().map(UnitFile::sourceName).toList();
    }

    @Test
    void etcWinsOverUsrLibForTheUnitFile() throws IOException {
        write("/usr/lib/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet --v=1\n");
        write("/lib/systemd/system/kubelet.service", "[Service]\nExecStart=/lib/kubelet\n");
        assertEquals("usr/lib/systemd/system/kubelet.service", kubelet().fragment().orElseThrow().sourceName());
        write("/etc/systemd/system/kubelet.service", "[Service]\nExecStart=/etc/kubelet\n");
        EffectiveUnit u = kubelet();
        assertEquals("etc/systemd/system/kubelet.service", u.fragment().orElseThrow().sourceName());
        assertEquals(List.of("/etc/kubelet"), u.execStart().orElseThrow().strings());
    }

    @Test
    void dropInsApplyInLexicalOrderWhereverTheyAre() throws IOException {
        write("/usr/lib/systemd/system/kubelet.service", "[Service]\nEnvironment=A=unit\n");
        write("/usr/lib/systemd/system/kubelet.service.d/10-a.conf", "[Service]\nEnvironment=A=10\n");
        write("/etc/systemd/system/kubelet.service.d/20-b.conf", "[Service]\nEnvironment=A=20\n");
        write("/run/systemd/system/kubelet.service.d/15-c.conf", "[Service]\nEnvironment=A=15\n");
        write("/etc/systemd/system/kubelet.service.d/README", "not a drop-in\n");
        write("/etc/systemd/system/kubelet.service.d/.hidden.conf", "[Service]\nEnvironment=A=hidden\n");
        EffectiveUnit u = kubelet();
        assertEquals(List.of("usr/lib/systemd/system/kubelet.service.d/10-a.conf", "run/systemd/system/kubelet.service.d/15-c.conf",
                "etc/systemd/system/kubelet.service.d/20-b.conf"), names(u.dropIns()));
        assertEquals(List.of("unit", "10", "15", "20"),
                u.values("Service", "Environment").stream().map(v -> v.value().substring(2)).toList());
        EffectiveValue last = u.value("Service", "Environment").orElseThrow();
        assertEquals("etc/systemd/system/kubelet.service.d/20-b.conf:2:13", last.origin().toString());
        assertEquals("20", u.environment().values().get("A"));
    }

    @Test
    void aSameNamedDropInInEtcMasksTheOneInUsrLib() throws IOException {
        write("/usr/lib/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\n");
        write("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
                "[Service]\nEnvironment=\"KUBELET_CONFIG_ARGS=--config=/new\"\nExecStart=\n"
                        + "ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS\n");
        write("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
                "[Service]\nEnvironment=\"KUBELET_CONFIG_ARGS=--config=/old\"\nExecStart=\n"
                        + "ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS\n");
        EffectiveUnit u = kubelet();
        assertEquals(List.of("etc/systemd/system/kubelet.service.d/10-kubeadm.conf"), names(u.dropIns()));
        assertEquals(List.of("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"), u.shadowedDropIns());
        assertEquals(List.of("/usr/bin/kubelet", "--config=/old"), u.execStart().orElseThrow().strings());
    }

    @Test
    void emptyExecStartInADropInResetsTheUnitsCommand() throws IOException {
        write("/lib/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\nRestart=always\n");
        write("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
                "[Service]\nExecStart=\nExecStart=/usr/bin/kubelet --v=2\nRestart=\n");
        EffectiveUnit u = kubelet();
        assertEquals(1, u.execCommands("ExecStart").size());
        assertEquals(List.of("/usr/bin/kubelet", "--v=2"), u.execStart().orElseThrow().strings());
        assertTrue(u.value("Service", "Restart").isEmpty());
    }

    @Test
    void devNullMasks() throws IOException {
        write("/usr/lib/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\n");
        write("/usr/lib/systemd/system/kubelet.service.d/10-x.conf", "[Service]\nEnvironment=A=1\n");
        link("/etc/systemd/system/kubelet.service.d/10-x.conf", "/dev/null");
        write("/etc/systemd/system/kubelet.service.d/20-empty.conf", "");
        EffectiveUnit u = kubelet();
        assertTrue(u.dropIns().isEmpty());
        assertEquals(List.of("etc/systemd/system/kubelet.service.d/10-x.conf", "/etc/systemd/system/kubelet.service.d/20-empty.conf"
                .substring(1)), u.maskedDropIns());
        link("/etc/systemd/system/kubelet.service", "/dev/null");
        EffectiveUnit masked = kubelet();
        assertTrue(masked.masked());
        assertTrue(masked.fragment().isEmpty());
        assertTrue(masked.exists());
    }

    @Test
    void symlinksAreFollowedInsideTheRootOnly() throws IOException {
        write("/opt/units/kubelet.service", "[Service]\nExecStart=/opt/kubelet\n");
        // an absolute target means the node's path, not the host's
        link("/etc/systemd/system/kubelet.service", "/opt/units/kubelet.service");
        link("/etc/systemd/system/kubelet.service.d/50-out.conf", "../../../../../../../../../../../../etc/passwd");
        EffectiveUnit u = kubelet();
        assertEquals("opt/units/kubelet.service", u.fragment().orElseThrow().sourceName());
        Problem p = u.problems().get(0);
        assertEquals(Problem.Kind.OUTSIDE_ROOT, p.kind());
        assertEquals("etc/systemd/system/kubelet.service.d/50-out.conf", p.origin().file());
        assertTrue(u.dropIns().isEmpty());
    }

    @Test
    void dropInCountIsBounded() throws IOException {
        write("/etc/systemd/system/kubelet.service", "[Service]\n");
        for (int i = 0; i < 5; i++) {
            write("/etc/systemd/system/kubelet.service.d/" + i + ".conf", "[Service]\nEnvironment=N=" + i + "\n");
        }
        EffectiveUnit u = new UnitResolver(root, ParseLimits.DEFAULTS.withMaxDropInFiles(3)).resolve("kubelet.service");
        assertEquals(3, u.dropIns().size());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, u.problems().get(0).kind());
    }

    @Test
    void environmentFilesOptionalAndRequired() throws IOException {
        write("/etc/systemd/system/kubelet.service", "[Service]\nEnvironmentFile=-/etc/default/kubelet\n"
                + "EnvironmentFile=/var/lib/kubelet/kubeadm-flags.env\nExecStart=/usr/bin/kubelet $KUBELET_KUBEADM_ARGS\n");
        EffectiveUnit u = kubelet();
        assertEquals(2, u.environmentFiles().size());
        assertTrue(u.environmentFiles().get(0).optional());
        assertEquals(1, u.problems().size());
        assertEquals("etc/systemd/system/kubelet.service:3:17", u.problems().get(0).origin().toString());
        assertEquals(List.of("/usr/bin/kubelet"), u.execStart().orElseThrow().strings());
        write("/var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"--v=3\"\n");
        u = kubelet();
        assertTrue(u.problems().isEmpty(), u.problems()::toString);
        assertEquals(List.of("/usr/bin/kubelet", "--v=3"), u.execStart().orElseThrow().strings());
        assertEquals("var/lib/kubelet/kubeadm-flags.env:1:23", u.execStart().orElseThrow().argv().get(1).origin().toString());
    }

    @Test
    void environmentFileGlobs() throws IOException {
        write("/etc/systemd/system/x.service", "[Service]\nEnvironmentFile=/etc/x/*.env\nExecStart=/bin/x $A $B\n");
        write("/etc/x/1.env", "A=1\nB=1\n");
        write("/etc/x/2.env", "B=2\n");
        write("/etc/x/3.txt", "B=3\n");
        EffectiveUnit u = new UnitResolver(root).resolve("x.service");
        assertEquals(List.of("/bin/x", "1", "2"), u.execStart().orElseThrow().strings());
    }

    @Test
    void templateInstancesReadTheTemplatesDropIns() throws IOException {
        write("/usr/lib/systemd/system/getty@.service", "[Service]\nExecStart=/sbin/agetty %I\n");
        write("/etc/systemd/system/getty@.service.d/10-x.conf", "[Service]\nEnvironment=A=1\n");
        write("/etc/systemd/system/getty@tty1.service", "[Service]\nExecStart=/sbin/agetty %i %n\n");
        EffectiveUnit u = new UnitResolver(root).resolve("getty@tty1.service");
        assertEquals(1, u.dropIns().size());
        assertEquals(List.of("/sbin/agetty", "tty1", "getty@tty1.service"), u.execStart().orElseThrow().strings());
    }

    @Test
    void theKubeadmNode() throws IOException {
        write("/usr/lib/systemd/system/kubelet.service", "[Unit]\nDescription=kubelet: The Kubernetes Node Agent\n\n"
                + "[Service]\nExecStart=/usr/bin/kubelet\nRestart=always\nStartLimitInterval=0\nRestartSec=10\n");
        write("/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", "# Note: This dropin only works with kubeadm and "
                + "kubelet v1.11+\n[Service]\nEnvironment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/"
                + "bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf\"\n"
                + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n"
                + "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\nEnvironmentFile=-/etc/default/kubelet\nExecStart=\n"
                + "ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS\n");
        write("/var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///var/run/"
                + "containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9\"\n");
        write("/etc/default/kubelet", "KUBELET_EXTRA_ARGS=--container-runtime-endpoint=unix:///run/crio/crio.sock --node-ip=10.0.0.5");
        EffectiveUnit u = kubelet();
        assertTrue(u.problems().isEmpty(), u.problems()::toString);
        CommandLine cl = u.execStart().orElseThrow();
        ParsedArgs args = cl.flags(FlagSpec.kubelet());
        assertEquals("unix:///run/crio/crio.sock", args.values().get("container-runtime-endpoint"));
        assertEquals("etc/default/kubelet:1:20", args.effective("container-runtime-endpoint").orElseThrow().last().origin().toString());
        assertEquals(2, args.occurrences("container-runtime-endpoint").size());
        assertEquals("var/lib/kubelet/kubeadm-flags.env",
                args.occurrences("container-runtime-endpoint").get(0).origin().file());
        assertEquals("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf:4:34",
                args.occurrences("config").get(0).origin().toString());
        assertFalse(args.values().containsKey("v"));
        assertTrue(args.positionals().isEmpty());
    }
}
