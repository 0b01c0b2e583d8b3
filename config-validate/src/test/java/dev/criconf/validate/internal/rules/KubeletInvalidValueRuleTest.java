package dev.criconf.validate.internal.rules;

import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.internal.rules.KubeletNodes.CONFIG;
import static dev.criconf.validate.internal.rules.KubeletNodes.kubeadmArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.testing.TestTrees;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletInvalidValueRuleTest {

    private static final KubeletInvalidValueRule RULE = new KubeletInvalidValueRule();

    private static NodeConfig config(Object... pathsAndValues) {
        return NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration(CONFIG, tree(CONFIG, pathsAndValues)))
                .build();
    }

    private static NodeConfig withFlags(NodeConfig n, KubeletNodes.Line line) {
        return n.toBuilder().kubeletFlags(KubeletNodes.flags(line)).build();
    }

    private static List<Finding> on135(NodeConfig n) {
        return run(RULE, "1.35.0", n);
    }

    @Test
    void imageGcLowMustBeBelowHigh() {
        List<Finding> f = on135(config("imageGCHighThresholdPercent", 80, "imageGCLowThresholdPercent", 85));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubelet-invalid-value", x.ruleId());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(valueAt(CONFIG, 2), x.location());
        assertEquals("imageGCLowThresholdPercent (--image-gc-low-threshold) 85 must be less than imageGCHighThresholdPercent "
                + "(--image-gc-high-threshold) 80: image garbage collection starts at the high threshold and frees space down "
                + "to the low one; the kubelet (Kubernetes 1.35.0) refuses to start", x.message());
        assertEquals(List.of(new RelatedLocation(valueAt(CONFIG, 1), "imageGCHighThresholdPercent 80")), x.related());
        assertEquals(List.of(), x.fixes());
    }

    @Test
    void aLowThresholdAboveTheDefaultHighOne() {
        List<Finding> f = on135(config("imageGCLowThresholdPercent", 90));
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("imageGCHighThresholdPercent (--image-gc-high-threshold) 85 (default of kubelet"),
                f.get(0).message());
        assertEquals(List.of(), f.get(0).related());
    }

    @Test
    void equalThresholdsAndRanges() {
        assertEquals(1, on135(config("imageGCHighThresholdPercent", 70, "imageGCLowThresholdPercent", 70)).size());
        List<Finding> range = on135(config("imageGCHighThresholdPercent", 120));
        assertEquals(1, range.size());
        assertTrue(range.get(0).message().startsWith("imageGCHighThresholdPercent (--image-gc-high-threshold) 120 must be "
                + "between 0 and 100, inclusive"));
        assertEquals(List.of(), on135(config("imageGCHighThresholdPercent", 90, "imageGCLowThresholdPercent", 60)));
    }

    @Test
    void flagsTakePartInTheCheck() {
        // the file is fine, the flag makes low >= high
        KubeletNodes.Line line = kubeadmArgs().flag("image-gc-low-threshold", "95");
        List<Finding> f = on135(withFlags(config("imageGCHighThresholdPercent", 90), line));
        assertEquals(1, f.size());
        assertEquals(line.flags.get(0).valueOrigin().orElseThrow(), f.get(0).location());
    }

    @Test
    void anEmptyEndpointIsOnlyWrongWhenNothingFillsIt() {
        NodeConfig empty = config("containerRuntimeEndpoint", "");
        List<Finding> f = run(RULE, "1.32.9", empty);
        assertEquals(1, f.size());
        assertEquals("the containerRuntimeEndpoint was not specified or empty; the kubelet (Kubernetes 1.32.9) refuses to "
                + "start; set it to the runtime's socket, e.g. unix:///run/containerd/containerd.sock", f.get(0).message());
        assertEquals(List.of(), run(RULE, "1.32.9",
                withFlags(empty, kubeadmArgs().flag("container-runtime-endpoint", "unix:///var/run/crio/crio.sock"))));
        assertEquals(List.of(), run(RULE, "1.26.0", empty), "not a field before 1.27");
    }

    @Test
    void cgroupDriverMustBeExact() {
        List<Finding> f = on135(config("cgroupDriver", "Systemd"));
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("cgroupDriver 'Systemd' is neither 'systemd' nor 'cgroupfs': the kubelet does not validate it and "
                + "silently uses cgroupfs", f.get(0).message());
        NodeEdit kubeletSystemd = new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD);
        // no runtime to compare with: writing systemd changes the kubelet's driver (it uses cgroupfs now), a person decides
        assertEquals(List.of(Fix.suggestion("set the kubelet's cgroupDriver to systemd, and the runtime's driver to match",
                kubeletSystemd)), f.get(0).fixes());
        assertEquals(List.of(), on135(config("cgroupDriver", "cgroupfs")));
        assertEquals(List.of(), on135(config("cgroupDriver", "slurm")).get(0).fixes(), "no guess for a typo of nothing");
    }

    private static NodeConfig withContainerd(NodeConfig n, Object... pathsAndValues) {
        String f = "etc/containerd/config.toml";
        List<Object> c = new java.util.ArrayList<>(List.of("version", 2,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2"));
        c.addAll(List.of(pathsAndValues));
        return n.toBuilder().containerd(dev.criconf.model.containerd.ContainerdConfig.single(f, tree(f, c.toArray()))).build();
    }

    @Test
    void aMisspelledSystemdIsFixedTogetherWithTheRuntimeWhenTheRuntimeUsesCgroupfs() {
        // 'Systemd' makes the kubelet use cgroupfs, like containerd here: systemd on the kubelet alone would bring a
        // cgroup-driver-mismatch, so the fixes move both sides or keep what the kubelet does now
        List<Finding> f = on135(withContainerd(config("cgroupDriver", "Systemd")));
        assertEquals(List.of(
                Fix.of("set the kubelet's and containerd's cgroup driver to systemd",
                        new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD),
                        new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.SYSTEMD)),
                Fix.of("keep the driver the kubelet uses now: set its cgroupDriver to cgroupfs",
                        new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.CGROUPFS))), f.get(0).fixes());
        List<Finding> systemdRuntime = on135(withContainerd(config("cgroupDriver", "Systemd"),
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup", true));
        assertEquals(List.of(Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD))),
                systemdRuntime.get(0).fixes());
        List<Finding> cgroupfs = on135(withContainerd(config("cgroupDriver", "CGROUPFS")));
        assertEquals(List.of(Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.CGROUPFS))),
                cgroupfs.get(0).fixes(), "cgroupfs is what the kubelet uses already");
    }

    @Test
    void systemCgroupsNeedsCgroupRoot() {
        List<Finding> f = on135(config("systemCgroups", "/system.slice"));
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().startsWith("systemCgroups (--system-cgroups) was specified and cgroupRoot (--cgroup-root) "
                + "was not specified"));
        assertEquals(List.of(), on135(config("systemCgroups", "/system.slice", "cgroupRoot", "/")));
    }

    @Test
    void cgroupsPerQosOffNeedsNodeAllocatableOff() {
        List<Finding> f = on135(config("cgroupsPerQOS", false));
        assertEquals(1, f.size());
        assertEquals(valueAt(CONFIG, 1), f.get(0).location());
        assertTrue(f.get(0).message().contains("\"pods\" contained in enforceNodeAllocatable (--enforce-node-allocatable), "
                + "which defaults to [pods]"), f.get(0).message());
        assertEquals(List.of(), on135(config("cgroupsPerQOS", false, "enforceNodeAllocatable", List.of())));
        assertEquals(List.of(), on135(config("cgroupsPerQOS", false, "enforceNodeAllocatable", List.of("none"))));
    }

    @Test
    void nodeAllocatableEnforcementsNeedTheirCgroups() {
        List<Finding> f = on135(config("enforceNodeAllocatable", List.of("pods", "system-reserved", "kube-reservd")));
        assertEquals(2, f.size());
        assertTrue(f.get(0).message().startsWith("option \"kube-reservd\" specified for enforceNodeAllocatable"));
        assertTrue(f.get(1).message().startsWith("systemReservedCgroup (--system-reserved-cgroup) must be specified"));
    }

    @Test
    void containerLogMaxFilesAndOtherRanges() {
        assertTrue(on135(config("containerLogMaxFiles", 1)).get(0).message()
                .startsWith("containerLogMaxFiles (--container-log-max-files) 1 must be greater than 1"));
        assertEquals(1, on135(config("port", 0)).size());
        assertEquals(List.of(), on135(config("healthzPort", 0)), "0 turns the healthz endpoint off");
        assertEquals(1, on135(config("maxPods", -1)).size());
        assertEquals(1, on135(config("topologyManagerPolicy", "best_effort")).size());
        assertEquals(1, on135(config("podLogsDir", "var/log/pods")).size());
    }

    @Test
    void swapBehaviourDependsOnTheRelease() {
        assertEquals(List.of(), on135(config("memorySwap.swapBehavior", "LimitedSwap")));
        assertEquals(1, on135(config("memorySwap.swapBehavior", "UnlimitedSwap")).size());
        assertEquals(List.of(), run(RULE, "1.29.0", config("memorySwap.swapBehavior", "UnlimitedSwap",
                "featureGates.NodeSwap", true)));
        assertTrue(run(RULE, "1.29.0", config("memorySwap.swapBehavior", "LimitedSwap")).get(0).message()
                .startsWith("memorySwap.swapBehavior cannot be set when NodeSwap feature flag is disabled"));
    }

    @Test
    void parallelPullsNeedSerialPullsOff() {
        List<Finding> f = on135(config("serializeImagePulls", true, "maxParallelImagePulls", 5));
        assertEquals(1, f.size());
        assertEquals(valueAt(CONFIG, 2), f.get(0).location());
        assertEquals(List.of(new RelatedLocation(valueAt(CONFIG, 1), "serializeImagePulls: true")), f.get(0).related());
        assertEquals(List.of(), on135(config("maxParallelImagePulls", 5)));
    }

    @Test
    void failCgroupV1DefaultsToTrueFrom135() {
        NodeConfig v1Host = config("cgroupDriver", "systemd").toBuilder()
                .profile(NodeProfile.fromTree("criconf.yaml", TestTrees.tree("criconf.yaml", "cgroupVersion", 1))).build();
        assertEquals(List.of(), run(RULE, "1.34.0", v1Host));
        List<Finding> f = run(RULE, "1.35.0", v1Host);
        assertEquals(1, f.size());
        assertEquals(dev.criconf.model.Origin.ofFile(CONFIG), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("kubelet is configured to not run on a host using cgroup v1 (failCgroupV1 is "
                + "true (default of kubelet 1.35 and later))"), f.get(0).message());
        assertEquals(valueAt("criconf.yaml", 1), f.get(0).related().get(0).location());
        assertEquals(new NodeEdit.SetValue(CONFIG, List.of("failCgroupV1"), "false"), f.get(0).fixes().get(0).edits().get(0));
        NodeConfig optedOut = v1Host.toBuilder().kubeletConfiguration(new KubeletConfiguration(CONFIG,
                tree(CONFIG, "failCgroupV1", false))).build();
        assertEquals(List.of(), run(RULE, "1.35.0", optedOut));
    }

    @Test
    void flagValuesTheKubeletCannotParse() {
        KubeletNodes.Line line = kubeadmArgs().flag("max-pods", "lots");
        List<Finding> f = on135(withFlags(config(), line));
        assertEquals(1, f.size());
        assertEquals(line.flags.get(0).valueOrigin().orElseThrow(), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("invalid argument \"lots\" for --max-pods: not an integer"));
    }

    @Test
    void aNodeWithoutKubeletFilesIsQuiet() {
        assertEquals(List.of(), on135(NodeConfig.builder("n").build()));
        assertEquals(List.of(), on135(config("cgroupDriver", "systemd", "containerRuntimeEndpoint",
                "unix:///run/containerd/containerd.sock", "failSwapOn", false)));
    }
}
