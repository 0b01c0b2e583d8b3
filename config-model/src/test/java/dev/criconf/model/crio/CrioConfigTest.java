package dev.criconf.model.crio;

import static dev.criconf.testing.TestTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Setting;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys: research sheet crio-dockerd.md §2 (cri-o pkg/config/config.go toml tags). */
class CrioConfigTest {

    @Test
    void readsTheMergedKeys() {
        String f = "etc/crio/crio.conf.d/02-cgroup-manager.conf";
        ConfigTable t = tree(f,
                "crio.runtime.cgroup_manager", "cgroupfs",
                "crio.runtime.conmon_cgroup", "pod",
                "crio.runtime.default_runtime", "crun",
                "crio.runtime.log_size_max", -1,
                "crio.runtime.runtimes.crun.runtime_path", "/usr/libexec/crio/crun",
                "crio.runtime.runtimes.crun.monitor_cgroup", "pod",
                "crio.runtime.runtimes.kata.runtime_type", "vm",
                "crio.image.Pause_Image", "registry.k8s.io/pause:3.10",
                "crio.api.listen", "/var/run/crio/crio.sock",
                "crio.network.plugin_dir", List.of("/opt/cni/bin"),
                "crio.network.plugin_dirs", List.of("/opt/cni/bin", "/usr/libexec/cni"));
        CrioConfig c = CrioConfig.single(f, CrioFile.Role.DROP_IN, t);
        assertEquals(Optional.of(CgroupDriver.CGROUPFS), c.cgroupDriver().map(Setting::value));
        assertEquals("pod", c.conmonCgroup().orElseThrow().value());
        assertEquals("crun", c.defaultRuntime().orElseThrow().value());
        assertEquals(Optional.of(-1L), c.logSizeMax().map(Setting::value));
        // CRI-O's decoder matches keys ignoring case when there is no exact match: Pause_Image works
        assertEquals("registry.k8s.io/pause:3.10", c.pauseImage().orElseThrow().value());
        assertEquals("/var/run/crio/crio.sock", c.listen().orElseThrow().value());
        assertEquals(ValueType.ARRAY, c.pluginDir().orElseThrow().value().type());
        assertEquals(2, c.pluginDirs().size());
        Map<String, CrioRuntimeHandler> handlers = c.runtimes();
        assertEquals(List.of("crun", "kata"), List.copyOf(handlers.keySet()));
        assertTrue(handlers.get("crun").isOci());
        assertFalse(handlers.get("kata").isOci());
        assertEquals("pod", handlers.get("crun").monitorCgroup().orElseThrow().value());
        assertEquals(1, c.dropIns().size());
    }

    @Test
    void invalidCgroupManagerIsKeptAsWritten() {
        CrioConfig c = CrioConfig.single("c", CrioFile.Role.MAIN, tree("c", "crio.runtime.cgroup_manager", "Systemd"));
        assertEquals("Systemd", c.cgroupManager().orElseThrow().value());
        assertEquals(Optional.empty(), c.cgroupDriver());
    }

    @Test
    void listsHandlerDeclarationsPerFile() {
        ConfigTable main = tree("etc/crio/crio.conf", "crio.runtime.runtimes.runc.runtime_path", "/usr/bin/runc",
                "crio.runtime.runtimes.runc.runtime_type", "oci");
        ConfigTable drop = tree("etc/crio/crio.conf.d/10.conf", "crio.runtime.runtimes.runc.runtime_root", "/run/runc");
        CrioConfig c = new CrioConfig(List.of(new CrioFile("etc/crio/crio.conf", CrioFile.Role.MAIN, main),
                new CrioFile("etc/crio/crio.conf.d/10.conf", CrioFile.Role.DROP_IN, drop)), drop);
        List<Map.Entry<CrioFile, CrioRuntimeHandler>> decls = c.handlerDeclarations();
        assertEquals(2, decls.size());
        assertEquals("etc/crio/crio.conf.d/10.conf", decls.get(1).getKey().path());
        assertEquals(List.of("runtime_root"), decls.get(1).getValue().table().keys());
        // the merged handler lost runtime_type: empty means oci to CRI-O
        assertTrue(c.runtimes().get("runc").isOci());
        assertEquals(Optional.empty(), c.runtimes().get("runc").runtimeType());
    }
}
