package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.kubelet.KubeletSources;
import dev.criconf.validate.Finding;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubeletDropinShadowedRuleTest {

    private static final KubeletDropinShadowedRule RULE = new KubeletDropinShadowedRule();
    private static final String LEGACY = "etc/systemd/system/kubelet.service.d/10-kubeadm.conf";
    private static final String PACKAGED = "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";

    private static NodeConfig files(String... files) {
        return NodeConfig.builder("n").addFiles(List.of(files)).build();
    }

    @Test
    void theLegacyDropInHidesThePackagedOne() {
        List<Finding> f = run(RULE, null, files(PACKAGED, LEGACY, "var/lib/kubelet/config.yaml"));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubelet-dropin-shadowed", x.ruleId());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals(Origin.ofFile(LEGACY), x.location());
        assertEquals("/" + LEGACY + " hides /" + PACKAGED + ": systemd reads only the drop-in named 10-kubeadm.conf in the "
                + "directory that comes first, so the packaged file and any update to it are ignored; delete the copy that "
                + "is not meant, or rename a deliberate override so that both apply", x.message());
        assertEquals(List.of(new RelatedLocation(Origin.ofFile(PACKAGED), "/" + PACKAGED + " (ignored)")), x.related());
        assertEquals(List.of(), x.fixes());
    }

    @Test
    void runtimeDirectoryAndLocalLibCountToo() {
        List<Finding> f = run(RULE, null, files("run/systemd/system/kubelet.service.d/50-x.conf",
                "usr/local/lib/systemd/system/kubelet.service.d/50-x.conf"));
        assertEquals(Origin.ofFile("run/systemd/system/kubelet.service.d/50-x.conf"), f.get(0).location());
    }

    @Test
    void differentNamesBothApply() {
        assertEquals(List.of(), run(RULE, null, files(PACKAGED, "etc/systemd/system/kubelet.service.d/20-local.conf")));
        assertEquals(List.of(), run(RULE, null, files(LEGACY)));
        assertEquals(List.of(), run(RULE, null, files(PACKAGED)));
    }

    @Test
    void aDeliberateMaskIsNotReported() {
        NodeConfig n = files(PACKAGED, LEGACY).toBuilder().kubeletSources(new KubeletSources(Optional.empty(), false,
                List.of(), List.of(new KubeletSources.ShadowedDropIn(PACKAGED, LEGACY)), List.of(LEGACY), List.of(),
                Optional.empty(), Optional.empty(), List.of())).build();
        assertEquals(List.of(), run(RULE, null, n));
    }

    @Test
    void libAndUsrLibAreOneDirectoryOnMergedUsrSystems() {
        assertEquals(List.of(), run(RULE, null, files(PACKAGED, "lib/systemd/system/kubelet.service.d/10-kubeadm.conf")));
    }

    @Test
    void onlyKubeletDropInsAreConsidered() {
        assertEquals(List.of(), run(RULE, null, files("etc/systemd/system/containerd.service.d/10-x.conf",
                "usr/lib/systemd/system/containerd.service.d/10-x.conf",
                "etc/systemd/system/kubelet.service.d/sub/10-kubeadm.conf", PACKAGED)));
    }
}
