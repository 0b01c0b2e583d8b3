package dev.criconf.model.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeletSourcesTest {

    static final String ETC = "etc/systemd/system/kubelet.service.d/10-kubeadm.conf";
    static final String USR = "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";

    @Test
    void recordsWhatSystemdUsesAndWhatItIgnores() {
        List<String> assumptions = new ArrayList<>(List.of("x"));
        KubeletSources s = new KubeletSources(Optional.empty(), false, List.of(ETC),
                List.of(new KubeletSources.ShadowedDropIn(USR, ETC)), List.of(), List.of("var/lib/kubelet/kubeadm-flags.env"),
                Optional.of("var/lib/kubelet/config.yaml"), Optional.empty(), assumptions);
        assumptions.add("y");
        assertEquals(List.of("x"), s.assumptions());
        assertTrue(s.hasUnit());
        assertEquals(ETC, s.shadowedDropIns().get(0).shadowedBy());
        assertThrows(UnsupportedOperationException.class, () -> s.dropIns().add("z"));
        assertFalse(KubeletSources.none().hasUnit());
        assertTrue(new KubeletSources(Optional.empty(), true, List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of()).hasUnit());
    }

    @Test
    void rejectsNulls() {
        assertThrows(NullPointerException.class, () -> new KubeletSources.ShadowedDropIn(USR, null));
        assertThrows(NullPointerException.class, () -> new KubeletSources(null, false, List.of(), List.of(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), List.of()));
    }

    @Test
    void nodeConfigCarriesThemThroughItsBuilder() {
        NodeConfig n = NodeConfig.builder("r").kubeletSources(KubeletSources.none()).build();
        assertEquals(Optional.of(KubeletSources.none()), n.kubeletSources());
        assertEquals(n, n.toBuilder().build());
        assertEquals(n.kubeletSources(), n.withProblems(List.of()).kubeletSources());
        assertEquals(Optional.empty(), NodeConfig.builder("r").build().kubeletSources());
        assertEquals(Optional.empty(), new NodeConfig("r", List.of(), List.of()).kubeletSources());
    }
}
