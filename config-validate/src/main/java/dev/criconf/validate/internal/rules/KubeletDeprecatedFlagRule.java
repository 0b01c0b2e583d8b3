package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code kubelet-deprecated-flag}: a flag the target kubelet still accepts but deprecates: flags
 * that only duplicate a {@code KubeletConfiguration} field (e.g. {@code --container-runtime-endpoint}
 * since 1.27, {@code --cgroup-driver}), and flags on their way out ({@code --pod-infra-container-image}
 * 1.27-1.34, a no-op from 1.29). Reads the kubelet's command line and kubeadm's
 * {@code nodeRegistration.kubeletExtraArgs}.
 */
public final class KubeletDeprecatedFlagRule implements Rule {

    static final String POD_INFRA = "pod-infra-container-image";

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-deprecated-flag", Severity.WARNING)
            .title("A kubelet flag is deprecated")
            .rationale("The kubelet still accepts deprecated flags but logs 'Flag --X has been deprecated' at every "
                    + "start, and a later release removes them, at which point the kubelet refuses to start "
                    + "(kubelet-unknown-flag). Most are flags that set a KubeletConfiguration field, such as "
                    + "--cgroup-driver or, since Kubernetes 1.27, --container-runtime-endpoint: the value belongs in "
                    + "the config file (--config). --pod-infra-container-image has had no effect since 1.29 (the "
                    + "runtime's own sandbox image is used) and is gone in 1.35. Moving settings out of flags also "
                    + "keeps 'criconf effective' and the kubelet's /configz telling the same story.")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/")
            .reference("https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/")
            .example("var/lib/kubelet/kubeadm-flags.env",
                    "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///run/containerd/containerd.sock "
                            + "--pod-infra-container-image=registry.k8s.io/pause:3.10\"\n",
                    "KUBELET_KUBEADM_ARGS=\"\"\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        TargetVersion target = KubeletRuleSupport.kubernetes(node, ctx);
        KubernetesVersion v = KubeletRuleSupport.kubelet(target);
        for (CommandLineFlag f : KubeletRuleSupport.commandLine(node).flags()) {
            Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(f.name());
            if (spec.isEmpty() || !spec.get().isDeprecatedIn(v)) {
                continue;
            }
            Finding.Builder finding = ctx.finding(f.origin(), message(spec.get(), v, target,
                    f.variable().map(x -> " (from $" + x + ")").orElse("")));
            fix(spec.get(), f, v, node.kubeletConfiguration()).ifPresent(finding::fix);
            finding.report();
        }
        node.kubeadm().ifPresent(k -> checkKubeadm(k, v, target, ctx));
    }

    private static void checkKubeadm(KubeadmConfig kubeadm, KubernetesVersion v, TargetVersion target, RuleContext ctx) {
        for (KubeadmConfig.ExtraArg arg : kubeadm.kubeletExtraArgs()) {
            Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(arg.name());
            if (spec.isEmpty() || !spec.get().isDeprecatedIn(v)) {
                continue;
            }
            Origin at = arg.value().origin().orElse(Origin.ofFile(kubeadm.file()));
            ctx.finding(at, "kubeletExtraArgs: " + message(spec.get(), v, target, "")).report();
        }
    }

    static String message(KubeletFlagCatalog.Flag spec, KubernetesVersion v, TargetVersion target, String from) {
        String flag = spec.spelled();
        StringBuilder m = new StringBuilder(flag).append(from).append(" is deprecated");
        spec.deprecatedSince().ifPresent(d -> m.append(" since Kubernetes ").append(KubeletRuleSupport.minor(d)));
        m.append(KubeletRuleSupport.assumption(target));
        if (spec.configField().isPresent()) {
            m.append(": set ").append(spec.configField().get())
                    .append(" in the KubeletConfiguration file (--config) instead; the kubelet logs \"Flag ")
                    .append(flag).append(" has been deprecated\" at every start");
        } else if (!spec.note().isEmpty()) {
            m.append(": ").append(spec.note());
        }
        spec.removedIn().ifPresent(r -> m.append("; Kubernetes ").append(KubeletRuleSupport.minor(r))
                .append(" removes it and the kubelet then refuses to start"));
        return m.toString();
    }

    private static Optional<Fix> fix(KubeletFlagCatalog.Flag spec, CommandLineFlag f, KubernetesVersion v,
            Optional<KubeletConfiguration> config) {
        if (spec.name().equals(POD_INFRA)) {
            // a no-op from 1.29 (the runtime pins its sandbox image); before that it kept the image from GC
            NodeEdit remove = new NodeEdit.RemoveKubeletFlag(spec.name());
            return Optional.of(v.isAtLeast(1, 29)
                    ? Fix.of("remove --" + POD_INFRA + " (no effect since Kubernetes 1.29)", remove)
                    : Fix.suggestion("remove --" + POD_INFRA + " once the runtime's sandbox image is pinned", remove));
        }
        Optional<KubeletFieldCatalog.Field> field = spec.configField().flatMap(KubeletFieldCatalog::find);
        if (field.isPresent() && config.isPresent() && f.value().isPresent()
                && field.get().type() == KubeletFieldCatalog.FieldType.STRING) {
            // kubeadm rewrites both files on upgrade, so a person decides where the value lives
            return Optional.of(Fix.suggestion("move --" + spec.name() + " into " + config.get().file() + " as "
                            + field.get().path(),
                    new NodeEdit.SetValue(config.get().file(), Arrays.asList(field.get().path().split("\\.")), f.value().get()),
                    new NodeEdit.RemoveKubeletFlag(spec.name())));
        }
        return Optional.empty();
    }
}
