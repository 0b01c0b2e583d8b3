package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.Optional;

/**
 * {@code kubelet-unknown-flag}: a flag the target kubelet does not know: removed ones (dockershim's
 * flags in 1.24, {@code --container-runtime} in 1.27, {@code --pod-infra-container-image} in
 * 1.35), flags newer than the target release, misspellings, and long flags written with one dash.
 * pflag stops at the first one and the kubelet exits ({@code failed to parse kubelet flag: unknown
 * flag: --X}). Reads the kubelet's command line and kubeadm's {@code nodeRegistration.kubeletExtraArgs}.
 */
public final class KubeletUnknownFlagRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-unknown-flag", Severity.ERROR)
            .title("The kubelet does not know a flag on its command line")
            .rationale("The kubelet parses its command line with pflag and stops at the first flag it does not "
                    + "know: it logs 'failed to parse kubelet flag: unknown flag: --X' and exits, and systemd "
                    + "restarts it every few seconds, so the node stays NotReady. This usually happens after an "
                    + "upgrade: Kubernetes 1.24 removed dockershim and its flags (--network-plugin, --cni-bin-dir, "
                    + "--docker-endpoint, ...), 1.27 removed --container-runtime, 1.35 removed "
                    + "--pod-infra-container-image, while kubeadm-flags.env or /etc/default/kubelet still carry "
                    + "them. Which flags exist depends on the Kubernetes release, so give criconf the target "
                    + "version (node profile or --kubernetes-version); otherwise it assumes a recent one and "
                    + "says so.")
            .reference("https://kubernetes.io/docs/reference/command-line-tools-reference/kubelet/")
            .reference("https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md")
            .reference("https://github.com/kubernetes/kubernetes/pull/133779")
            .example("var/lib/kubelet/kubeadm-flags.env",
                    "KUBELET_KUBEADM_ARGS=\"--network-plugin=cni --node-ip=10.0.0.5\"\n",
                    "KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.5\"\n")
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
        String release = target.describe();
        for (CommandLineFlag f : KubeletRuleSupport.commandLine(node).flags()) {
            if (f.written().startsWith("-") && !f.written().startsWith("--") && f.name().length() > 1) {
                ctx.finding(f.origin(), bare(f.written()) + " is written with one dash: pflag reads it as a cluster of "
                                + "one-letter flags and the kubelet exits; write --" + f.name())
                        .report();
                continue;
            }
            Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(f.name());
            if (spec.isPresent() && spec.get().existsIn(v)) {
                continue;
            }
            Finding.Builder finding = ctx.finding(f.origin(), message("--" + f.name(), spec, v, release, f.variable()));
            if (spec.isPresent() && spec.get().removedIn().isPresent()
                    && !v.isBefore(spec.get().removedIn().get().major(), spec.get().removedIn().get().minor())) {
                // the kubelet cannot start with it, and it has no successor flag: dropping it is the fix
                finding.fix(Fix.of("remove --" + f.name() + " (removed in Kubernetes "
                        + KubeletRuleSupport.minor(spec.get().removedIn().get()) + ")", new NodeEdit.RemoveKubeletFlag(f.name())));
            } else if (spec.isEmpty()) {
                Optional<String> suggestion = KubeletFlagCatalog.suggest(f.name());
                if (suggestion.isPresent() && KubeletFlagCatalog.existsIn(suggestion.get(), v)) {
                    String good = KubeletFlagCatalog.normalize(suggestion.get());
                    boolean isBool = KubeletFlagCatalog.isBoolean(good);
                    if (f.value().isPresent() || isBool) {
                        finding.fix(Fix.suggestion("replace --" + f.name() + " with " + suggestion.get(),
                                new NodeEdit.RemoveKubeletFlag(f.name()),
                                new NodeEdit.SetKubeletFlag(good, f.value().orElse("true"))));
                    }
                }
            }
            finding.report();
        }
        node.kubeadm().ifPresent(k -> checkKubeadm(k, v, release, ctx));
    }

    private static void checkKubeadm(KubeadmConfig kubeadm, KubernetesVersion v, String release, RuleContext ctx) {
        for (KubeadmConfig.ExtraArg arg : kubeadm.kubeletExtraArgs()) {
            String name = KubeletFlagCatalog.normalize(arg.name());
            Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(name);
            if (spec.isPresent() && spec.get().existsIn(v)) {
                continue;
            }
            Origin at = arg.value().origin().orElse(Origin.ofFile(kubeadm.file()));
            ctx.finding(at, "kubeletExtraArgs: " + message("--" + name, spec, v, release, Optional.empty())
                            + "; kubeadm writes it into kubeadm-flags.env on init, join and upgrade")
                    .report();
        }
    }

    static String message(String flag, Optional<KubeletFlagCatalog.Flag> spec, KubernetesVersion v, String release,
            Optional<String> variable) {
        String from = variable.map(x -> " (from $" + x + ")").orElse("");
        String exits = "; the kubelet (" + release + ") exits with \"unknown flag: " + flag + "\"";
        if (spec.isPresent()) {
            KubeletFlagCatalog.Flag f = spec.get();
            if (f.removedIn().isPresent() && !v.isBefore(f.removedIn().get().major(), f.removedIn().get().minor())) {
                String note = f.note().isEmpty() ? "" : " (" + f.note() + ")";
                return flag + from + " was removed in Kubernetes " + KubeletRuleSupport.minor(f.removedIn().get()) + note
                        + exits;
            }
            if (f.addedIn().isPresent()) {
                return flag + from + " only exists from Kubernetes " + KubeletRuleSupport.minor(f.addedIn().get()) + exits;
            }
        }
        String hint = KubeletFlagCatalog.suggest(flag).map(s -> "; did you mean " + s + "?").orElse("");
        return flag + from + " is not a kubelet flag" + exits + hint;
    }

    private static String bare(String written) {
        int eq = written.indexOf('=');
        return eq < 0 ? written : written.substring(0, eq);
    }
}
