package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.rules.Nodes.CONTAINERD;
import static dev.criconf.validate.rules.Nodes.CRIO;
import static dev.criconf.validate.rules.Nodes.DAEMON;
import static dev.criconf.validate.rules.Nodes.EXTRA_ARGS;
import static dev.criconf.validate.rules.Nodes.KUBELET;
import static dev.criconf.validate.rules.Nodes.V2;
import static dev.criconf.validate.rules.Nodes.V3_RUNTIME;
import static dev.criconf.validate.rules.Nodes.containerd;
import static dev.criconf.validate.rules.Nodes.crio;
import static dev.criconf.validate.rules.Nodes.criDockerd;
import static dev.criconf.validate.rules.Nodes.daemon;
import static dev.criconf.validate.rules.Nodes.flag;
import static dev.criconf.validate.rules.Nodes.flags;
import static dev.criconf.validate.rules.Nodes.kubelet;
import static dev.criconf.validate.rules.Nodes.node;
import static dev.criconf.validate.rules.Nodes.option;
import static dev.criconf.validate.rules.Nodes.profile;
import static dev.criconf.validate.rules.Nodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.edit.NodeEdit.Side;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RuleSetting;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.internal.rules.CgroupDriverMismatchRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CgroupDriverMismatchRuleTest {

    private static final CgroupDriverMismatchRule RULE = new CgroupDriverMismatchRule();

    private static ContainerdConfig containerdV2(boolean systemdCgroup) {
        return containerd("version", 2,
                V2 + "containerd.default_runtime_name", "runc",
                V2 + "containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                V2 + "containerd.runtimes.runc.options.SystemdCgroup", systemdCgroup);
    }

    private static ContainerdConfig containerdV3(boolean systemdCgroup) {
        return containerd("version", 3,
                V3_RUNTIME + "containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                V3_RUNTIME + "containerd.runtimes.runc.options.SystemdCgroup", systemdCgroup);
    }

    private static NodeConfig cgroupfsKubeletOnSystemdContainerd(String k8s, String containerdVersion) {
        return node()
                .profile(profile("kubernetesVersion", k8s, "containerdVersion", containerdVersion))
                .kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs"))
                .containerd(containerdV2(true))
                .build();
    }

    @Test
    void firesWithBothSidesAndBothFixesKubeletFirst() {
        List<Finding> f = run(RULE, cgroupfsKubeletOnSystemdContainerd("1.35.0", "1.7.28"));
        assertEquals(1, f.size(), f.toString());
        Finding x = f.get(0);
        assertEquals("cgroup-driver-mismatch", x.ruleId());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(valueAt(KUBELET, 1), x.location());
        assertEquals(valueAt(CONTAINERD, 4), x.related().get(0).location());
        assertTrue(x.related().get(0).message().contains("SystemdCgroup = true"), x.related().toString());
        assertTrue(x.message().startsWith("the kubelet uses the cgroupfs cgroup driver (cgroupDriver: cgroupfs) but containerd "
                + "uses systemd (SystemdCgroup = true (runtime \"runc\") at etc/containerd/config.toml:4:10)"), x.message());
        assertTrue(x.message().contains("containerd 1.7.28 does not report its cgroup driver"), x.message());
        assertTrue(x.message().contains("Kubernetes 1.35.0 falls back to the kubelet's own setting"), x.message());
        assertEquals(List.of(Fix.of(new NodeEdit.SetCgroupDriver(Side.KUBELET, CgroupDriver.SYSTEMD)),
                Fix.of(new NodeEdit.SetCgroupDriver(Side.RUNTIME, CgroupDriver.CGROUPFS))), x.fixes());
    }

    @Test
    void containerd17VersusContainerd20OnKubernetes134IsErrorVersusInfo() {
        Finding old = run(RULE, cgroupfsKubeletOnSystemdContainerd("1.34.0", "1.7.22")).get(0);
        assertEquals(Severity.ERROR, old.severity());
        Finding reporting = run(RULE, cgroupfsKubeletOnSystemdContainerd("1.34.0", "2.0.0")).get(0);
        assertEquals(Severity.INFO, reporting.severity());
        assertTrue(reporting.message().contains("harmless for now: Kubernetes 1.34.0 takes the driver from containerd 2.0.0"),
                reporting.message());
        assertEquals(2, reporting.fixes().size());
    }

    @Test
    void aVersion3FileProvesContainerd2WithoutAProfile() {
        NodeConfig n = node().kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs")).containerd(containerdV3(true)).build();
        Finding f = run(RULE, n, option(TargetComponent.KUBERNETES, "1.34")).get(0);
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("containerd 2.0"), f.message());
        assertEquals(valueAt(CONTAINERD, 3), f.related().get(0).location());
    }

    @Test
    void theFeatureGateDecidesBetween128And133() {
        NodeConfig alphaOff = node().kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs")).containerd(containerdV3(true)).build();
        Finding off = run(RULE, alphaOff, option(TargetComponent.KUBERNETES, "1.30")).get(0);
        assertEquals(Severity.ERROR, off.severity());
        assertTrue(off.message().contains("alpha and off"), off.message());

        NodeConfig alphaOn = node().kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs",
                "featureGates.KubeletCgroupDriverFromCRI", true)).containerd(containerdV3(true)).build();
        assertEquals(Severity.INFO, run(RULE, alphaOn, option(TargetComponent.KUBERNETES, "1.30")).get(0).severity());

        NodeConfig betaDisabled = node().kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs",
                "featureGates.KubeletCgroupDriverFromCRI", false)).containerd(containerdV3(true)).build();
        Finding disabled = run(RULE, betaDisabled, option(TargetComponent.KUBERNETES, "1.32")).get(0);
        assertEquals(Severity.ERROR, disabled.severity());
        assertTrue(disabled.message().contains("turns KubeletCgroupDriverFromCRI off"), disabled.message());

        Finding before = run(RULE, alphaOn, option(TargetComponent.KUBERNETES, "1.27")).get(0);
        assertEquals(Severity.ERROR, before.severity());
        assertTrue(before.message().contains("arrived in 1.28"), before.message());
    }

    @Test
    void anUnknownKubernetesReleaseIsAnAssumptionAndNeverHarmless() {
        NodeConfig n = node().kubeletConfiguration(kubelet("cgroupDriver", "cgroupfs")).containerd(containerdV3(true)).build();
        Finding f = run(RULE, n).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().contains("criconf assumes the kubelet uses its own setting"), f.message());
    }

    @Test
    void aMissingKubeletKeyPointsAtTheMappingAndUsesTheKubeletDefault() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.33.1", "containerdVersion", "1.7.20"))
                .kubeletConfiguration(kubelet("maxPods", 110)).containerd(containerdV2(true)).build();
        Finding f = run(RULE, n).get(0);
        assertEquals(new Origin(KUBELET, 1, 1, 0, 0), f.location());
        assertTrue(f.message().contains("no cgroupDriver (default of kubelet all versions: cgroupfs)"), f.message());
    }

    @Test
    void containerdWithoutSystemdCgroupUsesCgroupfs() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "1.7.28"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .containerd(containerd("version", 2, V2 + "containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2"))
                .build();
        Finding f = run(RULE, n).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(keyAt(CONTAINERD, 2), f.related().get(0).location());
        assertTrue(f.message().contains("no SystemdCgroup in runtime \"runc\""), f.message());
        assertEquals(Fix.of(new NodeEdit.SetCgroupDriver(Side.KUBELET, CgroupDriver.CGROUPFS)), f.fixes().get(0));
    }

    @Test
    void quietWhenBothSidesAgree() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "1.7.28"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd")).containerd(containerdV2(true)).build();
        assertEquals(List.of(), run(RULE, n));
    }

    @Test
    void quietWhenContainerdHasItsCriPluginDisabled() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "1.7.28"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .containerd(containerd("disabled_plugins", List.of("cri"),
                        V2 + "containerd.runtimes.runc.options.SystemdCgroup", false))
                .build();
        assertEquals(List.of(), run(RULE, n));
    }

    @Test
    void crioCgroupManagerVersusKubelet() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.34.1", "crioVersion", "1.27.3"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .crio(crio("crio.runtime.cgroup_manager", "cgroupfs")).build();
        Finding f = run(RULE, n).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(valueAt(CRIO, 1), f.related().get(0).location());
        assertTrue(f.message().contains("CRI-O 1.27.3 does not report its cgroup driver"), f.message());

        NodeConfig reporting = n.toBuilder().profile(profile("kubernetesVersion", "1.34.1", "crioVersion", "1.28.0")).build();
        assertEquals(Severity.INFO, run(RULE, reporting).get(0).severity());
    }

    @Test
    void criDockerdComparesDockersDriver() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "criDockerdVersion", "0.3.16"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .criDockerd(criDockerd(Optional.empty(), "container-runtime-endpoint", "unix:///var/run/cri-dockerd.sock"))
                .dockerDaemon(daemon("exec-opts", List.of("native.cgroupdriver=cgroupfs"))).build();
        Finding f = run(RULE, n).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(valueAt(DAEMON, 1), f.related().get(0).location());
        assertTrue(f.message().contains("Docker Engine (behind cri-dockerd) uses cgroupfs"), f.message());

        NodeConfig reporting = n.toBuilder().profile(profile("kubernetesVersion", "1.35.0", "criDockerdVersion", "0.3.17")).build();
        assertEquals(Severity.INFO, run(RULE, reporting).get(0).severity());
    }

    @Test
    void dockersDefaultDriverNeedsTheHostFacts() {
        NodeConfig v1 = node().profile(profile("kubernetesVersion", "1.35.0", "cgroupVersion", 1, "init", "systemd"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .criDockerd(criDockerd(Optional.empty())).dockerDaemon(daemon("log-driver", "json-file")).build();
        Finding f = run(RULE, v1).get(0);
        assertTrue(f.message().contains("assuming Docker 20.10 or later"), f.message());
        assertEquals(new Origin(DAEMON, 1, 1, 0, 0), f.related().get(0).location());

        NodeConfig unknownHost = v1.toBuilder().profile(profile("kubernetesVersion", "1.35.0")).build();
        assertEquals(List.of(), run(RULE, unknownHost));
        NodeConfig v2 = v1.toBuilder().profile(profile("kubernetesVersion", "1.35.0", "cgroupVersion", 2, "init", "systemd")).build();
        assertEquals(List.of(), run(RULE, v2));
    }

    @Test
    void aFlagOverridesTheFileAndIsWhereTheFindingPoints() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "1.7.28"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .kubeletFlags(flags(flag(EXTRA_ARGS, 2, "cgroup-driver", "cgroupfs")))
                .containerd(containerdV2(true)).build();
        Finding f = run(RULE, n).get(0);
        assertEquals(valueAt(EXTRA_ARGS, 2), f.location());
        assertTrue(f.message().contains("(--cgroup-driver=cgroupfs)"), f.message());
    }

    @Test
    void anythingButExactlySystemdIsCgroupfsForTheKubelet() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "1.7.28"))
                .kubeletConfiguration(kubelet("cgroupDriver", "Systemd")).containerd(containerdV2(true)).build();
        Finding f = run(RULE, n).get(0);
        assertTrue(f.message().contains("anything but exactly \"systemd\" as cgroupfs"), f.message());
    }

    @Test
    void theUsersSeverityIsACeiling() {
        Finding f = run(RULE, RuleSetting.WARNING, cgroupfsKubeletOnSystemdContainerd("1.35.0", "1.7.28")).get(0);
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void onlyTheRuntimeTheKubeletDialsIsCompared() {
        NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "1.7.28", "crioVersion", "1.27.0"))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd", "containerRuntimeEndpoint", "unix:///var/run/crio/crio.sock"))
                .containerd(containerdV2(false))
                .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
        assertEquals(List.of(), run(RULE, n));
    }
}
