package dev.criconf.validate.internal.rules;

import dev.criconf.model.ImageRef;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.Optional;

/**
 * {@code sandbox-image-version}: the sandbox (pause) image of the runtime the kubelet talks to
 * differs from {@code <imageRepository>/pause:<PauseVersion>}, the image kubeadm expects for the
 * target Kubernetes release (kubeadm's own repository, or the kubeadm configuration's
 * {@code imageRepository}). The same comparison kubeadm's preflight makes since 1.27 ("detected
 * that the sandbox image ... is inconsistent with that used by kubeadm").
 *
 * <p>Runs only when the Kubernetes release is known (option, profile or kubeadm's
 * {@code kubernetesVersion}): the expected image changes with almost every release, so a guess would
 * mostly produce noise. A runtime default counts only when the runtime's release is known exactly.
 */
public final class SandboxImageVersionRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("sandbox-image-version", Severity.WARNING)
            .title("The runtime's sandbox image is not the pause image kubeadm expects")
            .rationale("Every Kubernetes release is tested with one pause image (registry.k8s.io/pause:3.10.1 for 1.34 and "
                    + "1.35, 3.10 for 1.31 to 1.33, 3.9 for 1.26 to 1.30, ...), and kubeadm pulls exactly that image. The "
                    + "runtime, however, creates every pod sandbox from its own sandbox image setting (containerd "
                    + "sandbox_image or pinned_images.sandbox, CRI-O pause_image, cri-dockerd --pod-infra-container-image) "
                    + "or from its built-in default, which ages with the runtime release. When the two differ, kubeadm "
                    + "warns at init, join and upgrade, the node stores two pause images, and pods run an untested pause "
                    + "image; an image that is not pre-pulled also has to be fetched at the first pod start.")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#override-pause-image-containerd")
            .reference("https://github.com/kubernetes/kubernetes/pull/115610")
            .example("etc/crio/crio.conf.d/20-kubernetes.conf",
                    "# Kubernetes 1.35\n[crio.image]\npause_image = \"registry.k8s.io/pause:3.9\"\n",
                    "# Kubernetes 1.35\n[crio.image]\npause_image = \"registry.k8s.io/pause:3.10.1\"\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        if (x.kubernetes().isAssumed()) {
            return;
        }
        KubernetesVersion k8s = x.kubernetesVersion();
        Optional<Setting<String>> repository = node.kubeadm().flatMap(KubeadmConfig::imageRepository)
                .filter(s -> !s.value().isBlank());
        String repo = repository.map(Setting::value).orElse(KnownVersions.kubeadmImageRepository(k8s).value());
        Optional<Setting<String>> expected = KnownVersions.kubeadmPauseImage(k8s, repo);
        if (expected.isEmpty()) {
            return;
        }
        Optional<ImageRef> want = ImageRef.parse(expected.get().value()).toOptional();
        if (want.isEmpty()) {
            return;
        }
        for (Runtime r : x.kubeletRuntimes()) {
            if (r.sandboxImage().isEmpty()) {
                continue;
            }
            Fact<String> image = r.sandboxImage().get();
            Optional<ImageRef> have = ImageRef.parse(image.value()).toOptional();
            if (have.isEmpty() || have.get().sameImageAs(want.get())) {
                continue;
            }

            StringBuilder msg = new StringBuilder(r.name()).append("'s sandbox image is ").append(image.value())
                    .append(" (").append(image.shown()).append(") but kubeadm for ").append(x.kubernetesPhrase())
                    .append(" expects ").append(expected.get().value());
            repository.ifPresent(s -> msg.append(" (imageRepository ").append(s.value()).append(')'));
            msg.append(": kubeadm warns that the sandbox image is inconsistent at init, join and upgrade, the node keeps two "
                    + "pause images, and pods run a pause image this Kubernetes release was not tested with. ")
                    .append(image.explicit() ? "Set " + settingName(r) + " to " + expected.get().value()
                            : "Add " + settingName(r) + " = \"" + expected.get().value() + "\"");
            Finding.Builder f = ctx.finding(image.location(), msg.toString());
            repository.ifPresent(s -> s.origin().ifPresent(o -> f.related(o, "kubeadm imageRepository: " + s.value())));
            f.report();
        }
    }

    private static String settingName(Runtime r) {
        switch (r.kind()) {
            case CONTAINERD:
                return r.sandboxKey().map(k -> String.join(".", k.keyPath().subList(2, k.keyPath().size())))
                        .orElse("the sandbox image");
            case CRIO:
                return "pause_image";
            default:
                return "--pod-infra-container-image";
        }
    }
}
