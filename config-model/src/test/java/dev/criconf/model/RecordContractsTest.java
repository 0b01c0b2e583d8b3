package dev.criconf.model;

import static dev.criconf.testing.TestTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.containerd.ContainerdImport;
import dev.criconf.model.containerd.ContainerdRegistry;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.model.host.ModulesLoad;
import dev.criconf.model.host.SysctlEntry;
import dev.criconf.model.host.SysctlSettings;
import dev.criconf.model.kubelet.EffectiveSetting;
import dev.criconf.model.kubelet.EnvAssignment;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeadmFlagsEnv;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.KeyPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No nulls in, no shared mutable collections out, across the model's records. */
class RecordContractsTest {

    private final Origin o = Origin.ofFile("f");

    @Test
    void rejectNulls() {
        assertThrows(NullPointerException.class, () -> new KubeletConfiguration(null, tree("f")));
        assertThrows(NullPointerException.class, () -> new KubeletFlags(List.of(), List.of(), null));
        assertThrows(NullPointerException.class, () -> new KubeadmConfig("f", null));
        assertThrows(NullPointerException.class, () -> new EnvAssignment("A", null, "", o, o));
        assertThrows(NullPointerException.class, () -> new CrioConfig(List.of(), null));
        assertThrows(NullPointerException.class, () -> new ContainerdRegistry(null));
        assertThrows(NullPointerException.class, () -> new CriDockerdConfig(List.of(), List.of(), List.of(), Optional.empty(), null));
        assertThrows(NullPointerException.class, () -> new SysctlEntry("k", "k", null, o, false));
        assertThrows(NullPointerException.class, () -> new StrayArgument("x", o, null));
        assertThrows(NullPointerException.class, () -> new Secret(null, o));
        assertThrows(NullPointerException.class, () -> new MapSetting<>(null, Map.of()));
        assertThrows(NullPointerException.class, () -> new KeyPath.Key(null));
        assertThrows(IllegalArgumentException.class, () -> new KeyPath.Index(-1));
        assertThrows(NullPointerException.class, () -> NodeProfile.fromTree("f", null));
        assertThrows(NullPointerException.class, () -> new KubernetesVersion(1, 2, null, ""));
    }

    @Test
    void flagFormAndValueAgree() {
        assertThrows(IllegalArgumentException.class,
                () -> new CommandLineFlag("x", "--x", Optional.of("v"), CommandLineFlag.Form.BARE, o, Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new CommandLineFlag("x", "--x", Optional.empty(), CommandLineFlag.Form.EQUALS, o, Optional.empty(), Optional.empty()));
    }

    @Test
    void copyCollections() {
        List<Setting<String>> modules = new ArrayList<>(List.of(Setting.inFile("overlay", o)));
        ModulesLoad m = new ModulesLoad(modules);
        modules.clear();
        assertEquals(1, m.modules().size());
        Map<String, Setting<String>> entries = new LinkedHashMap<>();
        entries.put("a", Setting.inFile("1", o));
        MapSetting<String> ms = new MapSetting<>(new Source.InFile(o), entries);
        entries.put("b", Setting.inFile("2", o));
        assertEquals(1, ms.entries().size());
        assertThrows(UnsupportedOperationException.class, () -> ms.entries().put("c", Setting.inFile("3", o)));
        List<String> matched = new ArrayList<>(List.of("a.toml"));
        ContainerdImport imp = new ContainerdImport("f", Setting.inFile("*.toml", o), matched);
        matched.add("b.toml");
        assertEquals(List.of("a.toml"), imp.matchedFiles());
        List<EnvAssignment> as = new ArrayList<>();
        KubeadmFlagsEnv env = new KubeadmFlagsEnv("f", as);
        as.add(new EnvAssignment("A", "", "", o, o));
        assertEquals(0, env.assignments().size());
        List<Setting<ConfigValue>> contributions = new ArrayList<>();
        EffectiveSetting s = new EffectiveSetting("port", KubeletFieldCatalog.FieldType.INTEGER, Optional.empty(), contributions, Optional.empty(), Map.of());
        contributions.add(Setting.inFile(tree("f"), o));
        assertEquals(0, s.contributions().size());
        SysctlSettings sysctl = new SysctlSettings(new ArrayList<>());
        assertThrows(UnsupportedOperationException.class, () -> sysctl.entries().add(new SysctlEntry("a", "a", "1", o, false)));
    }

    @Test
    void secretsNeverPrint() {
        Secret s = new Secret("hunter2", o);
        assertFalse(s.toString().contains("hunter2"));
        assertFalse(Setting.inFile(s, o).toString().contains("hunter2"));
        assertEquals("hunter2", s.reveal());
    }
}
