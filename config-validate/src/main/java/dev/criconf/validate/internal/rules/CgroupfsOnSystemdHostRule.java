package dev.criconf.validate.internal.rules;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.Optional;

/**
 * {@code cgroupfs-on-systemd-host}: the cgroupfs driver is chosen on a host the node profile says
 * runs systemd as init or uses cgroup v2. One finding per component whose effective driver is
 * cgroupfs, at the setting that selects it (kubelet {@code cgroupDriver}, containerd
 * {@code SystemdCgroup = false}, CRI-O {@code cgroup_manager}, Docker {@code native.cgroupdriver}),
 * or where it belongs when the driver comes from a default. Components that serve no CRI
 * (containerd with CRI disabled) are not checked, nor is a kubelet whose cgroupfs setting is
 * overridden by a runtime that reports systemd. Without a node profile the host is unknown and
 * nothing is reported.
 */
public final class CgroupfsOnSystemdHostRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("cgroupfs-on-systemd-host", Severity.WARNING)
            .title("The cgroupfs driver is used on a systemd or cgroup v2 host")
            .rationale("When systemd is the init system it already manages the cgroup tree. A kubelet or container runtime "
                    + "using the cgroupfs driver writes the same tree behind systemd's back, so the host ends up with two "
                    + "cgroup managers with different views of resource allocation; under resource pressure this is known "
                    + "to make nodes unstable. Kubernetes recommends the systemd driver whenever systemd is init, and on "
                    + "cgroup v2 hosts (where several newer kubelet features assume it). Change the kubelet and the "
                    + "runtime together: they must keep using the same driver. The host facts come from the node profile "
                    + "(criconf.yaml: init, cgroupVersion).")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#cgroup-drivers")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/configure-cgroup-driver/")
            .example("etc/crio/crio.conf",
                    "# criconf.yaml: init: systemd\n[crio.runtime]\ncgroup_manager = \"cgroupfs\"\nconmon_cgroup = \"pod\"\n",
                    "# criconf.yaml: init: systemd\n[crio.runtime]\ncgroup_manager = \"systemd\"\nconmon_cgroup = \"pod\"\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        Optional<Setting<String>> host = x.systemdHost();
        if (host.isEmpty()) {
            return;
        }
        Optional<Kubelet> kubelet = x.kubelet();
        if (kubelet.isPresent()) {
            kubelet.get().cgroupDriver().filter(d -> d.value() == CgroupDriver.CGROUPFS)
                    .filter(d -> !overriddenByRuntime(x, kubelet.get()))
                    .ifPresent(d -> report(ctx, host.get(), d, "the kubelet"));
        }
        for (Runtime r : x.criRuntimes()) {
            r.cgroupDriver().filter(d -> d.value() == CgroupDriver.CGROUPFS)
                    .ifPresent(d -> report(ctx, host.get(), d, r.driverOwner()));
        }
    }

    // the kubelet ignores its own setting when it takes the driver from a runtime that reports it;
    // a runtime reporting cgroupfs keeps the kubelet on cgroupfs, and the kubelet's finding stands
    private static boolean overriddenByRuntime(CrossComponent x, Kubelet kubelet) {
        if (x.kubernetes().isAssumed() || !kubelet.takesDriverFromCri()) {
            return false;
        }
        var runtimes = x.kubeletRuntimes();
        return !runtimes.isEmpty() && runtimes.stream().allMatch(r -> r.reportsCgroupDriver()
                && r.cgroupDriver().map(d -> d.value() == CgroupDriver.SYSTEMD).orElse(false));
    }

    private static void report(RuleContext ctx, Setting<String> host, Fact<CgroupDriver> d, String who) {
        ctx.finding(d.location(), who + " uses the cgroupfs cgroup driver (" + d.shown() + ") on a host where systemd manages "
                        + "cgroups: " + host.value() + ". Two cgroup managers then share one hierarchy, which makes nodes "
                        + "unstable under resource pressure; Kubernetes recommends the systemd driver here. Switch to systemd, "
                        + "together with the other side (kubelet and runtime must keep the same driver)")
                .related(host.origin().orElseThrow(), "node profile: " + host.value())
                .report();
    }
}
