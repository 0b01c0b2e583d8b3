package dev.criconf.validate.internal.rules;

import dev.criconf.model.ImageRef;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code deprecated-registry}: an image the node pulls from {@code k8s.gcr.io}, frozen since
 * 3 April 2023 and only redirected to {@code registry.k8s.io}: the kubelet's
 * {@code --pod-infra-container-image}, each CRI runtime's sandbox image (written, or its default when
 * the release is known: containerd 1.6.0-1.6.8, CRI-O 1.23 and earlier, cri-dockerd 0.2.5 and
 * earlier), and kubeadm's {@code imageRepository}. The fix moves the same path and tag to
 * {@code registry.k8s.io}.
 */
public final class DeprecatedRegistryRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("deprecated-registry", Severity.WARNING)
            .title("An image is pulled from the frozen k8s.gcr.io registry")
            .rationale("The Kubernetes project moved its images from k8s.gcr.io to registry.k8s.io. k8s.gcr.io was frozen on "
                    + "3 April 2023: it receives no new images or tags (no pause image or Kubernetes release after that date "
                    + "exists there), and requests for the old ones are redirected to registry.k8s.io, a redirect the project "
                    + "does not promise to keep. Nodes whose firewall or mirror allows only k8s.gcr.io, and configurations "
                    + "that pin an image there, break when the redirect goes or when the next release needs a newer tag. "
                    + "The same path and tag exist on registry.k8s.io, so the change is safe.")
            .reference("https://kubernetes.io/blog/2023/02/06/k8s-gcr-io-freeze-announcement/")
            .reference("https://kubernetes.io/blog/2023/03/10/image-registry-redirect/")
            .example("etc/containerd/config.toml",
                    "[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"k8s.gcr.io/pause:3.6\"\n",
                    "[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"registry.k8s.io/pause:3.6\"\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        Set<Origin> seen = new HashSet<>();
        x.kubelet().flatMap(Kubelet::podInfraImage).ifPresent(f -> image(ctx, seen, f, "the kubelet's --pod-infra-container-image",
                moved -> Optional.of(Fix.of(new NodeEdit.SetKubeletFlag("pod-infra-container-image", moved)))));
        for (Runtime r : x.criRuntimes()) {
            r.sandboxImage().ifPresent(f -> image(ctx, seen, f, r.name() + "'s sandbox image",
                    moved -> r.sandboxKey().map(k -> Fix.of(new NodeEdit.SetValue(k.file(), k.keyPath(), moved)))));
        }
        node.kubeadm().ifPresent(k -> k.imageRepository().ifPresent(repo -> repository(ctx, seen, k, repo)));
    }

    /** A fix writing the image moved to registry.k8s.io, when an edit can express where. */
    private interface FixFor {
        Optional<Fix> fix(String moved);
    }

    private static void image(RuleContext ctx, Set<Origin> seen, Fact<String> f, String what, FixFor fixFor) {
        Optional<ImageRef> ref = ImageRef.parse(f.value()).toOptional();
        if (ref.isEmpty() || !ref.get().isOnRegistry(KnownVersions.K8S_GCR_IO) || !seen.add(f.location())) {
            return;
        }
        Optional<ImageRef> moved = ref.get().withRegistry(KnownVersions.REGISTRY_K8S_IO).toOptional();
        if (moved.isEmpty()) {
            return;
        }
        String verb = f.explicit() ? "use" : "set it explicitly to";
        String msg = what + " is " + f.value() + " (" + f.shown() + "), on k8s.gcr.io, which is frozen since April 2023: it gets "
                + "no new images or tags and serves old ones only by redirecting to registry.k8s.io, which may stop; " + verb
                + " " + moved.get() + ", the same image on registry.k8s.io";
        Finding.Builder b = ctx.finding(f.location(), msg);
        fixFor.fix(moved.get().toString()).ifPresent(b::fix);
        b.report();
    }

    private static void repository(RuleContext ctx, Set<Origin> seen, KubeadmConfig k, Setting<String> repo) {
        String v = repo.value().strip();
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!v.equalsIgnoreCase(KnownVersions.K8S_GCR_IO) && !v.toLowerCase(java.util.Locale.ROOT).startsWith(KnownVersions.K8S_GCR_IO + "/")) {
            return;
        }
        Origin at = repo.origin().orElse(Origin.ofFile(k.file()));
        if (!seen.add(at)) {
            return;
        }
        String moved = KnownVersions.REGISTRY_K8S_IO + v.substring(KnownVersions.K8S_GCR_IO.length());
        ctx.finding(at, "kubeadm's imageRepository is " + repo.value() + " (in " + k.file() + "), the registry frozen since April "
                        + "2023: kubeadm pulls the control-plane and pause images for this node from it, and no Kubernetes "
                        + "release after March 2023 exists there; use " + moved)
                .fix(Fix.suggestion("set imageRepository to " + moved,
                        new NodeEdit.SetValue(k.file(), List.of("imageRepository"), moved)))
                .report();
    }
}
