package dev.criconf.model;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigTable;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeProfileTest {

    private static final String F = "criconf.yaml";

    @Test
    void readsEveryKey() {
        NodeProfile p = NodeProfile.fromTree(F, tree(F,
                "kubernetesVersion", "v1.30.2", "containerdVersion", "1.7.22", "crioVersion", "1.31",
                "criDockerdVersion", "0.3.17", "dockerVersion", "27.3.1", "cgroupVersion", 2, "init", "systemd", "os", "linux"));
        assertEquals(Setting.inFile(KubernetesVersion.of(1, 30, 2), valueAt(F, 1)), p.kubernetesVersion().orElseThrow());
        assertEquals(ComponentVersion.of(1, 7, 22), p.containerdVersion().orElseThrow().value());
        assertEquals(NodeProfile.CgroupVersion.V2, p.cgroupVersion().orElseThrow().value());
        assertEquals(NodeProfile.InitSystem.SYSTEMD, p.init().orElseThrow().value());
        assertEquals(NodeProfile.NodeOs.LINUX, p.os().orElseThrow().value());
        assertEquals(0, p.problems().size());
    }

    @Test
    void unquotedVersionsKeepTheirText() {
        // YAML reads 1.30 as the float 1.3; the text as written is what counts
        ConfigTable t = ConfigTable.builder(Origin.ofFile(F))
                .put("kubernetesVersion", keyAt(F, 1), new ConfigFloat(1.3, "1.30", valueAt(F, 1))).build();
        assertEquals(KubernetesVersion.of(1, 30), NodeProfile.fromTree(F, t).kubernetesVersion().orElseThrow().value());
    }

    @Test
    void reportsBadValuesAndUnknownKeysAndKeepsTheRest() {
        NodeProfile p = NodeProfile.fromTree(F, tree(F, "kubernetesVersion", "stable-1.30", "cgroupVersion", 3,
                "os", "linux", "containerd", "2.0", "init", true));
        assertEquals(Optional.empty(), p.kubernetesVersion());
        assertEquals(Optional.empty(), p.cgroupVersion());
        assertEquals(NodeProfile.NodeOs.LINUX, p.os().orElseThrow().value());
        assertEquals(4, p.problems().size());
        assertTrue(p.problems().stream().anyMatch(x -> x.origin().equals(keyAt(F, 4)) && x.message().contains("unknown key 'containerd'")));
        assertTrue(p.problems().stream().anyMatch(x -> x.origin().equals(valueAt(F, 2)) && x.message().contains("1 or 2")));
        assertEquals(Problem.Kind.SYNTAX, p.problems().get(0).kind());
    }
}
