package dev.criconf.io.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModulesLoadSettingsTest {

    @TempDir
    Path root;

    private void write(String nodePath, String text) throws IOException {
        Path p = root.resolve(nodePath.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void link(String nodePath, String target) throws IOException {
        Path p = root.resolve(nodePath.substring(1));
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    private static List<String> names(ModulesLoadSettings s) {
        return s.modules().stream().map(LoadedModule::name).toList();
    }

    @Test
    void mergesDirectoriesByFileName() throws IOException {
        write("/usr/lib/modules-load.d/containerd.conf", "overlay\n");
        write("/etc/modules-load.d/k8s.conf", "overlay\nbr_netfilter\n");
        write("/usr/lib/modules-load.d/k8s.conf", "ip_vs\n");
        write("/run/modules-load.d/10-early.conf", "nf_conntrack\n");
        ModulesLoadSettings s = ModulesLoadSettings.load(root);
        assertEquals(List.of("/run/modules-load.d/10-early.conf", "/usr/lib/modules-load.d/containerd.conf",
                "/etc/modules-load.d/k8s.conf"), s.files().stream().map(ModulesLoadFile::sourceName).toList());
        assertEquals(List.of("nf_conntrack", "overlay", "br_netfilter"), names(s));
        LoadedModule overlay = s.find("overlay").orElseThrow();
        assertEquals(2, overlay.entries().size());
        assertEquals("/usr/lib/modules-load.d/containerd.conf:1:1", overlay.origin().toString());
        assertEquals(List.of(new ModulesLoadSettings.HiddenFile("/usr/lib/modules-load.d/k8s.conf", "/etc/modules-load.d/k8s.conf")),
                s.hidden());
    }

    @Test
    void debianEtcModulesIsReadOnce() throws IOException {
        write("/etc/modules", "# /etc/modules\nloop\nbr-netfilter\n");
        ModulesLoadSettings direct = ModulesLoadSettings.load(root);
        assertEquals(List.of("/etc/modules"), direct.files().stream().map(ModulesLoadFile::sourceName).toList());
        assertTrue(direct.contains("br_netfilter"));

        link("/etc/modules-load.d/modules.conf", "../modules");
        ModulesLoadSettings linked = ModulesLoadSettings.load(root);
        assertEquals(List.of("/etc/modules-load.d/modules.conf"), linked.files().stream().map(ModulesLoadFile::sourceName).toList());
        assertEquals(List.of("loop", "br_netfilter"), names(linked));
    }

    @Test
    void maskedAndBrokenFiles() throws IOException {
        write("/usr/lib/modules-load.d/vendor.conf", "floppy\n");
        link("/etc/modules-load.d/vendor.conf", "/dev/null");
        write("/etc/modules-load.d/bad.conf", "bonding mode=4\n");
        ModulesLoadSettings s = ModulesLoadSettings.load(root);
        assertEquals(List.of("bonding mode=4"), s.modules().stream().map(m -> m.entries().get(0).name()).toList());
        assertEquals("/etc/modules-load.d/bad.conf:1:8", s.problems().get(0).origin().toString());
        assertTrue(s.find("floppy").isEmpty());
    }
}
