package dev.criconf.validate.internal.rules;

import dev.criconf.model.ImageRef;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.Optional;

/**
 * {@code sandbox-image-mismatch}: the kubelet's {@code --pod-infra-container-image} (a flag of
 * Kubernetes 1.34 and earlier; removed in 1.35) names another image than the sandbox image of the
 * runtime it talks to (containerd {@code sandbox_image} / {@code pinned_images.sandbox}, CRI-O
 * {@code pause_image}, cri-dockerd {@code --pod-infra-container-image}), compared after Docker's
 * normalisation ({@code pause:3.9} is {@code docker.io/library/pause:3.9}, a missing tag is
 * {@code latest}). A runtime default counts only when the runtime's release is known.
 */
public final class SandboxImageMismatchRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("sandbox-image-mismatch", Severity.WARNING)
            .title("The kubelet's pod infra image differs from the runtime's sandbox image")
            .rationale("Pod sandboxes are created by the container runtime from its own sandbox (pause) image; the "
                    + "kubelet's --pod-infra-container-image never chose that image for a CRI runtime. Up to Kubernetes "
                    + "1.28 the flag told the kubelet's image garbage collector which image to keep, so a different "
                    + "value protected an image nobody uses while the runtime's real pause image could be deleted and "
                    + "pulled again at the next pod start (failing on nodes without registry access). From 1.29 the "
                    + "runtime reports its pinned sandbox image itself and the flag has no effect; 1.35 removes it. A "
                    + "value that differs from the runtime's image misleads whoever reads the node's configuration.")
            .reference("https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/")
            .reference("https://github.com/kubernetes/kubernetes/pull/118544")
            .example("var/lib/kubelet/kubeadm-flags.env",
                    "KUBELET_KUBEADM_ARGS=\"--pod-infra-container-image=registry.k8s.io/pause:3.9\"\n",
                    "KUBELET_KUBEADM_ARGS=\"--pod-infra-container-image=registry.k8s.io/pause:3.10\"\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        Optional<Fact<String>> flag = x.kubelet().flatMap(Kubelet::podInfraImage);
        if (flag.isEmpty()) {
            return;
        }
        KubernetesVersion k8s = x.kubernetesVersion();
        boolean assumed = x.kubernetes().isAssumed();
        if (!assumed && k8s.isAtLeast(1, 35)) {
            return; // the flag no longer exists: kubelet-unknown-flag reports it
        }
        Optional<ImageRef> kubeletImage = ImageRef.parse(flag.get().value()).toOptional();
        if (kubeletImage.isEmpty()) {
            return;
        }
        for (Runtime r : x.kubeletRuntimes()) {
            if (r.sandboxImage().isEmpty()) {
                continue;
            }
            Fact<String> theirs = r.sandboxImage().get();
            Optional<ImageRef> runtimeImage = ImageRef.parse(theirs.value()).toOptional();
            if (runtimeImage.isEmpty() || runtimeImage.get().sameImageAs(kubeletImage.get())) {
                continue;
            }
            StringBuilder msg = new StringBuilder("the kubelet's --pod-infra-container-image is ").append(flag.get().value())
                    .append(" but ").append(r.name()).append(" creates pod sandboxes from ").append(theirs.value())
                    .append(" (").append(theirs.shown()).append(" at ").append(theirs.location()).append("): ");
            if (assumed) {
                msg.append("assuming a Kubernetes release that still has the flag (1.34 or earlier; the Kubernetes version is "
                        + "not given), ");
            }
            if (assumed || k8s.isAtLeast(1, 29)) {
                msg.append("since Kubernetes 1.29 the flag has no effect and the runtime's image is the one pods use, so the flag "
                        + "only misleads (and Kubernetes 1.35 removes it). Remove the flag, or set it to ")
                        .append(theirs.value());
            } else {
                msg.append("Kubernetes ").append(k8s).append(" keeps only ").append(flag.get().value())
                        .append(" from image garbage collection, so the runtime's own pause image can be deleted and is pulled "
                                + "again at the next pod start (failing without registry access). Use the same image on both sides, "
                                + "e.g. set the flag to ").append(theirs.value());
            }
            ctx.finding(flag.get().location(), msg.toString())
                    .related(theirs.location(), r.name() + " sandbox image: " + theirs.shown())
                    .report();
        }
    }
}
