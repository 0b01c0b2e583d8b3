package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.rules.Nodes.CONTAINERD;
import static dev.criconf.validate.rules.Nodes.CRIO;
import static dev.criconf.validate.rules.Nodes.DAEMON;
import static dev.criconf.validate.rules.Nodes.KUBELET;
import static dev.criconf.validate.rules.Nodes.PROFILE;
import static dev.criconf.validate.rules.Nodes.V2;
import static dev.criconf.validate.rules.Nodes.V3_RUNTIME;
import static dev.criconf.validate.rules.Nodes.containerd;
import static dev.criconf.validate.rules.Nodes.crio;
import static dev.criconf.validate.rules.Nodes.criDockerd;
import static dev.criconf.validate.rules.Nodes.daemon;
import static dev.criconf.validate.rules.Nodes.kubelet;
import static dev.criconf.validate.rules.Nodes.node;
import static dev.criconf.validate.rules.Nodes.profile;
import static dev.criconf.validate.rules.Nodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CgroupfsOnSystemdHostRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CgroupfsOnSystemdHostRuleTest {

    private static final CgroupfsOnSystemdHostRule RULE = new CgroupfsOnSystemdHostRule();

    @Test
    void oneFindingPerComponentOnCgroupfs() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.32.9", "crioVersion", "1.32.9", "cgroupVersion", 2, "init", "systemd"))
                .kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs"))
                .crio(crio("crio.runtime.cgroup_manager", "cgroupfs", "crio.runtime.conmon_cgroup", "pod")).build();
        List<Finding> f = run(RULE, n);
        assertEquals(2, f.size(), f.toString());
        Finding crio = f.get(0);
        assertEquals("cgroupfs-on-systemd-host", crio.ruleId());
        assertEquals(Severity.WARNING, crio.severity());
        assertEquals(valueAt(CRIO, 1), crio.location());
        assertTrue(crio.message().startsWith("CRI-O uses the cgroupfs cgroup driver (cgroup_manager = \"cgroupfs\") on a host where "
                + "systemd manages cgroups: its init is systemd and it uses cgroup v2 (criconf.yaml)"), crio.message());
        assertEquals(valueAt(PROFILE, 4), crio.related().get(0).location());
        Finding kubelet = f.get(1);
        assertEquals(valueAt(KUBELET, 1), kubelet.location());
        assertTrue(kubelet.message().startsWith("the kubelet uses the cgroupfs cgroup driver (cgroupDriver: cgroupfs)"), kubelet.message());
    }

    @Test
    void defaultsArePointedAtWhereTheKeyBelongs() {
        NodeConfig n = node().profile(profile("init", "systemd"))
                .kubeletConfiguration(kubelet("maxPods", 110))
                .containerd(containerd("version", 3, V3_RUNTIME + "containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2"))
                .build();
        List<Finding> f = run(RULE, n);
        assertEquals(2, f.size(), f.toString());
        assertEquals(keyAt(CONTAINERD, 2), f.get(0).location());
        assertTrue(f.get(0).message().contains("no SystemdCgroup in runtime \"runc\""), f.get(0).message());
        assertEquals(new Origin(KUBELET, 1, 1, 0, 0), f.get(1).location());
        assertEquals(valueAt(PROFILE, 1), f.get(1).related().get(0).location());
    }

    @Test
    void dockerBehindCriDockerd() {
        NodeConfig n = node().profile(profile("cgroupVersion", 2))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .criDockerd(criDockerd(Optional.empty()))
                .dockerDaemon(daemon("exec-opts", List.of("native.cgroupdriver=cgroupfs"))).build();
        Finding x = run(RULE, n).get(0);
        assertEquals(valueAt(DAEMON, 1), x.location());
        assertTrue(x.message().startsWith("Docker Engine (behind cri-dockerd) uses the cgroupfs cgroup driver"), x.message());
    }

    @Test
    void quietWithoutAProfileOnCgroupV1WithOtherInitOrOnSystemd() {
        NodeConfig cgroupfs = node().kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs"))
                .crio(crio("crio.runtime.cgroup_manager", "cgroupfs")).build();
        assertEquals(List.of(), run(RULE, cgroupfs));
        assertEquals(List.of(), run(RULE, cgroupfs.toBuilder().profile(profile("cgroupVersion", 1, "init", "other")).build()));
        NodeConfig systemd = node().profile(profile("init", "systemd")).kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
        assertEquals(List.of(), run(RULE, systemd));
    }

    @Test
    void disabledCriAndAnOverriddenKubeletAreNotReported() {
        NodeConfig disabled = node().profile(profile("init", "systemd"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .containerd(containerd("disabled_plugins", List.of("cri"))).build();
        assertEquals(List.of(), run(RULE, disabled));

        // Kubernetes 1.34 takes the driver from containerd 2.x, which reports systemd: the kubelet's cgroupfs is not used
        NodeConfig overridden = node().profile(profile("kubernetesVersion", "1.34.0", "containerdVersion", "2.1.0", "init", "systemd"))
                .kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs"))
                .containerd(containerd("version", 2, V2 + "containerd.runtimes.runc.options.SystemdCgroup", true)).build();
        assertEquals(List.of(), run(RULE, overridden));
        NodeConfig notReporting = overridden.toBuilder()
                .profile(profile("kubernetesVersion", "1.34.0", "containerdVersion", "1.7.28", "init", "systemd")).build();
        assertEquals(1, run(RULE, notReporting).size());
    }
}
