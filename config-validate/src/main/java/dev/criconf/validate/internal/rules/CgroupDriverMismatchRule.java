package dev.criconf.validate.internal.rules;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.Optional;

/**
 * {@code cgroup-driver-mismatch}: the kubelet's effective cgroup driver (its {@code cgroupDriver}
 * field or {@code --cgroup-driver}, default cgroupfs) differs from the driver of the runtime it
 * talks to (containerd: the default handler's runc {@code SystemdCgroup}; CRI-O:
 * {@code cgroup_manager}; cri-dockerd: Docker's {@code native.cgroupdriver} or Docker's default).
 * Lowered to info when the kubelet takes the driver from the runtime instead
 * ({@code KubeletCgroupDriverFromCRI} on for the target Kubernetes release, and a runtime release
 * that reports its driver: containerd 2.0, CRI-O 1.28, cri-dockerd 0.3.17).
 */
public final class CgroupDriverMismatchRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("cgroup-driver-mismatch", Severity.ERROR)
            .title("Kubelet and runtime cgroup drivers differ")
            .rationale("The kubelet and the container runtime must manage pod cgroups the same way: either both "
                    + "through systemd (transient units and slices) or both by writing the cgroup file system "
                    + "(cgroupfs). When they differ, the kubelet looks for pod cgroups where the runtime did not put "
                    + "them: sandboxes fail to start with cgroup path errors, resource limits and evictions act on "
                    + "the wrong hierarchy, and the node becomes unstable under pressure. From Kubernetes 1.31 (on "
                    + "by default; locked on from 1.34) the kubelet asks the runtime for its driver and ignores its "
                    + "own setting, but only runtimes that answer the CRI RuntimeConfig call report one: "
                    + "containerd 2.0, CRI-O 1.28 and cri-dockerd 0.3.17 or later. With containerd 1.x, older CRI-O "
                    + "or an older cri-dockerd the kubelet falls back to its own cgroupDriver, so the mismatch "
                    + "breaks the node; with a reporting runtime it is only misleading and is reported as info.")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/configure-cgroup-driver/")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#cgroup-drivers")
            .reference("https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/")
            .example("var/lib/kubelet/config.yaml",
                    "# containerd: SystemdCgroup = true\ncgroupDriver: cgroupfs\n",
                    "# containerd: SystemdCgroup = true\ncgroupDriver: systemd\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        Optional<Kubelet> kubelet = x.kubelet();
        if (kubelet.isEmpty()) {
            return;
        }
        Optional<Fact<CgroupDriver>> mine = kubelet.get().cgroupDriver();
        if (mine.isEmpty()) {
            return;
        }
        Fact<CgroupDriver> k = mine.get();
        for (Runtime r : x.kubeletRuntimes()) {
            if (r.cgroupDriver().isEmpty() || r.cgroupDriver().get().value() == k.value()) {
                continue;
            }
            Fact<CgroupDriver> theirs = r.cgroupDriver().get();
            boolean kubeletAsks = !x.kubernetes().isAssumed() && kubelet.get().takesDriverFromCri();
            boolean harmless = kubeletAsks && r.reportsCgroupDriver();
            StringBuilder msg = new StringBuilder()
                    .append("the kubelet uses the ").append(k.value()).append(" cgroup driver (").append(k.shown())
                    .append(") but ").append(r.driverOwner()).append(" uses ").append(theirs.value())
                    .append(" (").append(theirs.shown()).append(" at ").append(theirs.location()).append("); ");
            if (harmless) {
                msg.append("harmless for now: ").append(x.kubernetesPhrase()).append(" takes the driver from ")
                        .append(release(r)).append(" (KubeletCgroupDriverFromCRI), so the kubelet's own setting is ignored. ")
                        .append("Set the kubelet's cgroupDriver to ").append(theirs.value())
                        .append(" anyway, so the file says what the node does and a runtime that stops reporting does not break it");
            } else {
                msg.append("with two different cgroup managers pods fail to start or are killed unexpectedly, because the kubelet "
                        + "looks for their cgroups where the runtime did not put them. ")
                        .append(whyTheKubeletsSettingCounts(x, kubelet.get(), r))
                        .append(". Set the kubelet's cgroupDriver to ").append(theirs.value())
                        .append(", or make ").append(r.driverOwner()).append(" use ").append(k.value())
                        .append(" (systemd is recommended on systemd hosts)");
            }
            Fix kubeletSide = Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, theirs.value()));
            Fix runtimeSide = Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, k.value()));
            var finding = ctx.finding(k.location(), msg.toString())
                    .related(theirs.location(), r.driverOwner() + ": " + theirs.shown())
                    .fix(kubeletSide)
                    .fix(runtimeSide);
            if (harmless) {
                finding.lowerTo(Severity.INFO);
            }
            finding.report();
        }
    }

    private static String release(Runtime r) {
        return r.version().map(TargetVersion::describe).orElse(r.name());
    }

    private static String whyTheKubeletsSettingCounts(CrossComponent x, Kubelet kubelet, Runtime r) {
        if (x.kubernetes().isAssumed()) {
            return "The Kubernetes release is unknown, so criconf assumes the kubelet uses its own setting (the kubelet takes "
                    + "the driver from the runtime only from 1.31, with a runtime that reports it)";
        }
        String k8s = x.kubernetesPhrase();
        switch (KnownVersions.kubeletCgroupDriverFromCri(kubelet.effective().version())) {
            case ABSENT:
                return k8s + " always uses the kubelet's own setting (taking the driver from the runtime arrived in 1.28)";
            case ALPHA_OFF:
                if (!kubelet.takesDriverFromCri()) {
                    return k8s + " uses the kubelet's own setting (the KubeletCgroupDriverFromCRI feature gate is alpha and off)";
                }
                break;
            case BETA_ON:
                if (!kubelet.takesDriverFromCri()) {
                    return k8s + " uses the kubelet's own setting (featureGates turns KubeletCgroupDriverFromCRI off)";
                }
                break;
            default:
                break;
        }
        if (r.version().isEmpty()) {
            return "criconf does not know the " + r.name() + " release; assuming one that does not report its cgroup driver "
                    + "(" + reportingRelease(r.kind()) + "), " + k8s + " uses the kubelet's own setting";
        }
        return r.version().get().describe() + " does not report its cgroup driver to the kubelet (the CRI RuntimeConfig call "
                + "needs " + reportingRelease(r.kind()) + "), so " + k8s + " falls back to the kubelet's own setting";
    }

    private static String reportingRelease(ContainerRuntime kind) {
        switch (kind) {
            case CONTAINERD:
                return "containerd 2.0 or later";
            case CRIO:
                return "CRI-O 1.28 or later";
            default:
                return "cri-dockerd 0.3.17 or later";
        }
    }
}
