package dev.criconf.io.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlSettingsTest {

    @TempDir
    Path root;

    private Path write(String nodePath, String text) throws IOException {
        Path p = root.resolve(nodePath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Path link(String nodePath, String target) throws IOException {
        Path p = root.resolve(nodePath.substring(1));
        Files.createDirectories(p.getParent());
        return Files.createSymbolicLink(p, Path.of(target));
    }

    private List<String> fileNames(SysctlSettings s) {
        return s.files().stream().map(SysctlFile::sourceName).toList();
    }

    @Test
    void filesApplyInNameOrderWhateverTheirDirectory() throws IOException {
        write("/etc/sysctl.d/10-admin.conf", "net.ipv4.ip_forward = 0\n");
        write("/usr/lib/sysctl.d/99-k8s.conf", "net.ipv4.ip_forward = 1\n");
        write("/run/sysctl.d/50-runtime.conf", "vm.swappiness = 1\n");
        write("/usr/local/lib/sysctl.d/60-local.conf", "vm.swappiness = 2\n");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals(List.of("/etc/sysctl.d/10-admin.conf", "/run/sysctl.d/50-runtime.conf",
                "/usr/local/lib/sysctl.d/60-local.conf", "/usr/lib/sysctl.d/99-k8s.conf"), fileNames(s));
        SysctlSetting forward = s.effective("net.ipv4.ip_forward").orElseThrow();
        assertEquals("1", forward.value());
        assertEquals("/usr/lib/sysctl.d/99-k8s.conf:1:1", forward.origin().toString());
        assertEquals(2, forward.assignments().size());
        assertEquals("/etc/sysctl.d/10-admin.conf", forward.assignments().get(0).origin().file());
        assertEquals(Optional.of("2"), s.value("vm/swappiness"));
        assertEquals(List.of(), s.problems());
    }

    @Test
    void aFileNameInAnEarlierDirectoryHidesTheSameName() throws IOException {
        write("/usr/lib/sysctl.d/99-k8s.conf", "net.ipv4.ip_forward = 1\n");
        write("/run/sysctl.d/99-k8s.conf", "net.ipv4.ip_forward = 2\n");
        write("/etc/sysctl.d/99-k8s.conf", "net.ipv4.ip_forward = 0\n");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals(List.of("/etc/sysctl.d/99-k8s.conf"), fileNames(s));
        assertEquals("0", s.effective("net.ipv4.ip_forward").orElseThrow().value());
        assertEquals(List.of(new SysctlSettings.HiddenFile("/run/sysctl.d/99-k8s.conf", "/etc/sysctl.d/99-k8s.conf"),
                new SysctlSettings.HiddenFile("/usr/lib/sysctl.d/99-k8s.conf", "/etc/sysctl.d/99-k8s.conf")), s.hidden());
    }

    @Test
    void mergedUsrLibLinkDoesNotCountFilesTwice() throws IOException {
        write("/usr/lib/sysctl.d/50-default.conf", "kernel.sysrq = 16\n");
        link("/lib", "usr/lib");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals(List.of("/usr/lib/sysctl.d/50-default.conf"), fileNames(s));
        assertEquals(List.of(), s.hidden(), "/lib/sysctl.d/50-default.conf is the same file");
    }

    @Test
    void aLinkToDevNullMasksAVendorFile() throws IOException {
        write("/usr/lib/sysctl.d/50-default.conf", "kernel.sysrq = 16\n");
        link("/etc/sysctl.d/50-default.conf", "/dev/null");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals(List.of(), s.files());
        assertEquals(Optional.empty(), s.effective("kernel.sysrq"));
        assertTrue(s.hidden().contains(new SysctlSettings.HiddenFile("/usr/lib/sysctl.d/50-default.conf",
                "/etc/sysctl.d/50-default.conf")));
    }

    @Test
    void etcSysctlConfIsReadByProcpsOnlyAndLast() throws IOException {
        write("/etc/sysctl.conf", "net.ipv4.ip_forward = 1\n");
        write("/etc/sysctl.d/99-zz.conf", "net.ipv4.ip_forward = 0\n");
        assertEquals("0", SysctlSettings.load(root).value("net.ipv4.ip_forward").orElseThrow());
        SysctlSettings procps = SysctlSettings.load(root, SysctlTool.PROCPS_SYSCTL_SYSTEM, ParseLimits.DEFAULTS);
        assertEquals("1", procps.value("net.ipv4.ip_forward").orElseThrow());
        assertEquals("/etc/sysctl.conf", procps.effective("net.ipv4.ip_forward").orElseThrow().origin().file());
    }

    @Test
    void debianLinkBringsSysctlConfToSystemd() throws IOException {
        write("/etc/sysctl.conf", "# net.ipv4.ip_forward=1\nnet.ipv4.ip_forward=1\n");
        link("/etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
        write("/usr/lib/sysctl.d/50-pid-max.conf", "kernel.pid_max = 4194304\n");
        SysctlSettings s = SysctlSettings.load(root);
        SysctlSetting forward = s.effective("net.ipv4.ip_forward").orElseThrow();
        assertEquals("/etc/sysctl.d/99-sysctl.conf:2:1", forward.origin().toString(), "named as systemd lists it");
    }

    @Test
    void patternsApplyToVariablesWithoutTheirOwnAssignmentOrExclusion() throws IOException {
        write("/usr/lib/sysctl.d/50-default.conf",
                "net.ipv4.conf.default.rp_filter = 2\n-net.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.all.rp_filter\n");
        write("/etc/sysctl.d/90-lo.conf", "net.ipv4.conf.lo.rp_filter = 0\n");
        SysctlSettings s = SysctlSettings.load(root);
        SysctlSetting eth0 = s.effective("net.ipv4.conf.eth0.rp_filter").orElseThrow();
        assertEquals("2", eth0.value());
        assertTrue(eth0.viaPattern());
        assertTrue(eth0.ignoreFailure());
        assertEquals("net.ipv4.conf.eth0.rp_filter", eth0.key());
        assertEquals("/usr/lib/sysctl.d/50-default.conf:2:1", eth0.origin().toString());
        assertEquals(Optional.empty(), s.effective("net.ipv4.conf.all.rp_filter"), "excluded from the pattern");
        assertEquals("0", s.value("net.ipv4.conf.lo.rp_filter").orElseThrow());
        assertFalse(s.effective("net.ipv4.conf.lo.rp_filter").orElseThrow().viaPattern());
        assertEquals(List.of("net.ipv4.conf.*.rp_filter"), s.patterns().stream().map(SysctlSetting::key).toList());
        assertEquals(List.of("net.ipv4.conf.default.rp_filter", "net.ipv4.conf.lo.rp_filter"), List.copyOf(s.settings().keySet()));
    }

    @Test
    void theSameValueAgainAddsItsDashAndItsLine() {
        SysctlFile a = SysctlFile.parse("/etc/sysctl.d/a.conf", "-net.core.default_qdisc = fq_codel\n");
        SysctlFile b = SysctlFile.parse("/etc/sysctl.d/b.conf", "net.core.default_qdisc = fq_codel\n");
        SysctlSetting q = SysctlSettings.of(List.of(a, b)).effective("net.core.default_qdisc").orElseThrow();
        assertTrue(q.ignoreFailure());
        assertEquals(2, q.assignments().size());
        assertEquals("/etc/sysctl.d/b.conf", q.origin().file());
    }

    @Test
    void onlyVisibleConfFilesAreRead() throws IOException {
        write("/etc/sysctl.d/.hidden.conf", "a.b = 1\n");
        write("/etc/sysctl.d/README", "a.b = 2\n");
        write("/etc/sysctl.d/10-x.conf.bak", "a.b = 3\n");
        write("/etc/sysctl.d/.conf", "a.b = 4\n");
        Files.createDirectories(root.resolve("etc/sysctl.d/20-dir.conf"));
        link("/etc/sysctl.d/30-dangling.conf", "nowhere.conf");
        write("/etc/sysctl.d/40-real.conf", "a.b = 5\n");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals(List.of("/etc/sysctl.d/40-real.conf"), fileNames(s));
        assertEquals(List.of(), s.problems());
    }

    @Test
    void linksStayInsideTheNodeRoot() throws IOException {
        write("/usr/lib/k8s/forward.conf", "net.ipv4.ip_forward = 1\n");
        link("/etc/sysctl.d/10-abs.conf", "/usr/lib/k8s/forward.conf");
        link("/etc/sysctl.d/20-escape.conf", "../../../../../../../../etc/hostname");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals("1", s.value("net.ipv4.ip_forward").orElseThrow(), "an absolute link is taken inside the root");
        Problem p = s.problems().get(0);
        assertEquals(Problem.Kind.OUTSIDE_ROOT, p.kind());
        assertEquals("/etc/sysctl.d/20-escape.conf", p.origin().file());
    }

    @Test
    void limitsBecomeProblems() throws IOException {
        write("/etc/sysctl.d/10-big.conf", "a.b = " + "x".repeat(100) + "\n");
        write("/etc/sysctl.d/20-small.conf", "c.d = 1\n");
        write("/etc/sysctl.d/30-more.conf", "e.f = 1\n");
        SysctlSettings s = SysctlSettings.load(root, SysctlTool.SYSTEMD_SYSCTL,
                ParseLimits.DEFAULTS.withMaxFileBytes(50).withMaxDropInFiles(2));
        assertEquals(List.of(Problem.Kind.LIMIT_EXCEEDED, Problem.Kind.LIMIT_EXCEEDED),
                s.problems().stream().map(Problem::kind).toList());
        assertEquals(List.of("/etc/sysctl.d/20-small.conf"), fileNames(s));
    }

    @Test
    void aMissingRootIsNoFiles() {
        SysctlSettings s = SysctlSettings.load(root.resolve("does-not-exist"));
        assertEquals(List.of(), s.files());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void problemsOfTheFilesAreCollected() throws IOException {
        write("/etc/sysctl.d/10-bad.conf", "net.ipv4.ip_forward 1\n");
        SysctlSettings s = SysctlSettings.load(root);
        assertEquals("/etc/sysctl.d/10-bad.conf:1:1", s.problems().get(0).origin().toString());
        assertEquals(Optional.empty(), s.effective("net.ipv4.ip_forward"));
    }
}
