package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.KeyPath;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.internal.rules.KubeletRuleSupport.KubeletDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code unknown-key}: a key the component does not read. KubeletConfiguration documents (config
 * file, drop-ins, kubeadm's embedded one): keys unknown to every release, mis-cased keys (the
 * kubelet matches field names case-sensitively) and fields newer than the target release;
 * containerd's {@code config.toml} (containerd 2.x matches keys case-insensitively, so a case-only
 * difference is not reported there); Docker's {@code daemon.json} (unknown keys stop dockerd).
 * Unknown keys inside a containerd runtime's {@code options}, and a {@code SystemdCgroup} outside
 * them, are left to {@code containerd-option-unchecked}.
 */
public final class UnknownKeyRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("unknown-key", Severity.WARNING)
            .title("A configuration key is not read by its component")
            .rationale("A key the component does not know usually means a setting that is not in effect: a "
                    + "typo, a key that a newer release only adds, a removed key, or one in the wrong case. The "
                    + "kubelet decodes its configuration strictly, logs the unknown or mis-cased field, then "
                    + "decodes again leniently and ignores it, so 'CgroupDriver: systemd' leaves the default "
                    + "driver in place. containerd 1.x ignores unknown keys silently and 2.x logs 'Ignoring "
                    + "unknown key'. Docker is the strict one: dockerd refuses to start with 'the following "
                    + "directives don't match any configuration option'. Fields added in a later Kubernetes "
                    + "release are checked against the target version.")
            .reference("https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/")
            .reference("https://github.com/containerd/containerd/blob/main/docs/cri/config.md")
            .reference("https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file")
            .example("var/lib/kubelet/config.yaml", "CgroupDriver: systemd\n", "cgroupDriver: systemd\n")
            .build();

    private static final Set<String> SYSTEMD_CGROUP = Set.of("systemdcgroup", "systemd_cgroup");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        TargetVersion target = KubeletRuleSupport.kubernetes(node, ctx);
        KubernetesVersion v = KubeletRuleSupport.kubelet(target);
        for (KubeletDocument d : KubeletRuleSupport.kubeletDocuments(node)) {
            kubelet(d, ctx);
            newerFields(d, v, target, ctx);
        }
        node.containerd().ifPresent(c -> containerd(c, ctx));
        node.dockerDaemon().ifPresent(d -> docker(d, ctx));
    }

    private static void kubelet(KubeletDocument d, RuleContext ctx) {
        for (UnknownKey u : d.config().unknownKeys()) {
            String key = u.path().lastKey().orElse(u.path().toString());
            boolean caseOnly = u.suggestion().map(s -> s.equalsIgnoreCase(key)).orElse(false);
            String what = "'" + u.path() + "' is not a KubeletConfiguration field";
            String consequence;
            switch (d.kind()) {
                case KUBEADM:
                    consequence = "kubeadm warns \"strict decoding error: unknown field\" and the kubelet never sees it";
                    break;
                case DROP_IN:
                    consequence = "the kubelet's configuration API does not have it";
                    break;
                default:
                    consequence = "the kubelet logs a strict-decoding error, then ignores it";
            }
            String hint = u.suggestion().map(s -> caseOnly
                    ? "; field names are case-sensitive: write '" + s + "'"
                    : "; did you mean '" + s + "'?").orElse("");
            ctx.report(u.origin(), what + ": " + consequence + hint);
        }
    }

    /** A catalog field below the top level, with its path split once. */
    private record NestedField(KubeletFieldCatalog.Field field, List<String> keys) {
    }

    private static final List<NestedField> NESTED_FIELDS = KubeletFieldCatalog.all().stream()
            .filter(f -> f.path().contains("."))
            .map(f -> new NestedField(f, List.of(f.path().split("\\."))))
            .toList();

    /** Fields criconf knows from a later release than the target: the target kubelet ignores them. */
    private static void newerFields(KubeletDocument d, KubernetesVersion v, TargetVersion target, RuleContext ctx) {
        Set<String> inRelease = KubeletFieldCatalog.topLevelNames(v);
        Set<String> known = KubeletFieldCatalog.allTopLevelNames();
        for (ConfigEntry e : d.config().tree().entries()) {
            if (known.contains(e.key()) && !inRelease.contains(e.key())) {
                Optional<KubernetesVersion> since = firstRelease(e.key());
                ctx.report(e.keyOrigin(), notYet(e.key(), since, target, d));
            }
        }
        for (NestedField n : NESTED_FIELDS) {
            KubeletFieldCatalog.Field f = n.field();
            // existsIn first: it rules out almost every field without a set look-up; keys.get(0) is
            // f.topLevel() without its substring
            if (f.existsIn(v) || !inRelease.contains(n.keys().get(0))) {
                continue;
            }
            d.config().tree().findEntry(n.keys())
                    .ifPresent(e -> ctx.report(e.keyOrigin(), notYet(f.path(), f.since(), target, d)));
        }
    }

    private static String notYet(String path, Optional<KubernetesVersion> since, TargetVersion target, KubeletDocument d) {
        return "'" + path + "' only exists from Kubernetes " + since.map(KubeletRuleSupport::minor).orElse("a later release")
                + ": " + d.reader() + " (" + target.describe() + ") "
                + (d.kind() == KubeletDocument.Kind.KUBEADM ? "warns about an unknown field and drops it" : "ignores it");
    }

    private static Optional<KubernetesVersion> firstRelease(String topLevel) {
        Optional<KubernetesVersion> first = Optional.empty();
        for (KubeletFieldCatalog.Field f : KubeletFieldCatalog.all()) {
            if (f.topLevel().equals(topLevel) && f.since().isPresent()
                    && (first.isEmpty() || f.since().get().compareTo(first.get()) < 0)) {
                first = f.since();
            }
        }
        return first;
    }

    private static void containerd(ContainerdConfig c, RuleContext ctx) {
        Optional<ComponentVersion> version = ctx.versions().containerd().map(TargetVersion::version)
                .or(() -> c.minimumRelease().map(Setting::value));
        boolean caseInsensitive = version.map(x -> x.isAtLeast(2, 0)).orElse(false);
        for (UnknownKey u : c.unknownKeys()) {
            if (isRuntimeOption(u.path())) {
                continue;
            }
            String key = u.path().lastKey().orElse(u.path().toString());
            boolean caseOnly = u.suggestion().map(s -> s.equalsIgnoreCase(key)).orElse(false);
            if (caseOnly && caseInsensitive) {
                continue;
            }
            String hint = u.suggestion().map(s -> caseOnly
                    ? "; containerd 1.x matches keys case-sensitively: write '" + s + "'"
                    : "; did you mean '" + s + "'?").orElse("");
            ctx.report(u.origin(), "containerd does not know '" + u.path() + "' and ignores it (2.x logs \"Ignoring "
                    + "unknown key\")" + hint);
        }
    }

    /** Keys inside {@code runtimes.<name>.options}, or {@code SystemdCgroup} on the handler: containerd-option-unchecked's. */
    static boolean isRuntimeOption(KeyPath path) {
        List<KeyPath.Segment> s = path.segments();
        for (int i = 0; i + 2 < s.size(); i++) {
            if (s.get(i).equals(new KeyPath.Key("runtimes"))) {
                if (s.get(i + 2).equals(new KeyPath.Key("options")) && s.size() > i + 3) {
                    return true;
                }
                if (s.size() == i + 3 && s.get(i + 2) instanceof KeyPath.Key k
                        && SYSTEMD_CGROUP.contains(k.name().toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void docker(DockerDaemonConfig d, RuleContext ctx) {
        for (UnknownKey u : d.unknownKeys()) {
            String hint = u.suggestion().map(s -> "; did you mean '" + s + "'?").orElse("");
            ctx.report(u.origin(), "'" + u.path() + "' is not a daemon.json option: dockerd refuses to start (\"the "
                    + "following directives don't match any configuration option: " + u.path().lastKey().orElse("")
                    + "\")" + hint);
        }
    }
}
