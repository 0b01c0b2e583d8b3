package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.List;
import java.util.Optional;

/**
 * {@code containerd-cri-disabled}: {@code disabled_plugins} turns off containerd's CRI plugin, or
 * names it in a way that makes containerd refuse the whole file. Either way the kubelet has no
 * runtime to talk to.
 *
 * <p>Which entry disables CRI depends on the file's schema and on the release
 * ({@link ContainerdPlugins#disablesCri(String, Schema, dev.criconf.model.ComponentVersion)}):
 * <ul>
 *   <li>schema 1 (no {@code version} line): {@code "cri"} disables it; the URI
 *       {@code "io.containerd.grpc.v1.cri"} does not on containerd 1.x (Debian's 1.6.20 keeps the CRI
 *       plugin loaded: rule-facts notes, experiments e5a/e5b), but does on 2.x, which renames
 *       schema-1 ids first ({@code v1Migrate});</li>
 *   <li>schema 2 and later: the URI disables it (e5d); the short {@code "cri"} is a fatal load error,
 *       {@code invalid disabled plugin URI "cri" expect io.containerd.x.vx} (e5c; 1.x
 *       {@code ValidateV2}, 2.x {@code ValidateVersion});</li>
 *   <li>containerd 2.x: {@code io.containerd.cri.v1.runtime} and {@code io.containerd.cri.v1.images}
 *       count too.</li>
 * </ul>
 * Docker's {@code containerd.io} package ships exactly {@code disabled_plugins = ["cri"]} (rule-facts
 * notes, §2). Fix: {@link NodeEdit.EnableContainerdCri} (remove the entry).
 */
public final class ContainerdCriDisabledRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-cri-disabled", Severity.ERROR)
            .title("containerd's CRI plugin is disabled")
            .rationale("The kubelet talks to containerd through its CRI plugin. When disabled_plugins turns the "
                    + "plugin off, containerd runs but serves no CRI API, so kubeadm's preflight and the kubelet "
                    + "cannot reach a container runtime and no pod starts. Docker's containerd.io package ships "
                    + "a config.toml whose only setting is disabled_plugins = [\"cri\"], because Docker does not "
                    + "need CRI; installing Kubernetes next to it keeps that file. Which entry disables the plugin "
                    + "depends on the file's version: \"cri\" in a file without a version line, "
                    + "\"io.containerd.grpc.v1.cri\" from version 2 on, where \"cri\" instead makes containerd refuse "
                    + "to load the file at all. Remove the entry and restart containerd.")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#containerd")
            .reference("https://github.com/containerd/containerd/blob/main/docs/PLUGINS.md#version-header")
            .example("etc/containerd/config.toml",
                    "disabled_plugins = [\"cri\"]\n",
                    "disabled_plugins = []\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<ContainerdConfig> config = node.containerd();
        if (config.isEmpty() || config.get().schema().isEmpty()) {
            return;
        }
        ContainerdConfig containerd = config.get();
        Schema schema = containerd.schema().get();
        TargetVersion version = RuntimeRuleSupport.containerdVersion(node, ctx);
        Origin mainFile = Origin.ofFile(containerd.mainFile().path());
        for (Setting<String> entry : containerd.disabledPlugins()) {
            String id = entry.value();
            Origin at = RuntimeRuleSupport.at(entry, mainFile);
            boolean fatal = ContainerdPlugins.rejectsPluginReference(id, schema, version.version())
                    && ContainerdPlugins.migrateV1Id(id).equals(ContainerdPlugins.GRPC_CRI);
            Finding.Builder finding;
            if (fatal) {
                finding = ctx.finding(at, "disabled_plugins lists \"" + id + "\", a short plugin id, in a version "
                        + schema.number() + " file: " + RuntimeRuleSupport.name(version) + " refuses to load the file "
                        + "(invalid disabled plugin URI \"" + id + "\" expect io.containerd.x.vx) and does not start, so "
                        + "the kubelet has no container runtime. Remove the entry: a Kubernetes node needs the CRI plugin"
                        + RuntimeRuleSupport.assumption(version));
            } else if (ContainerdPlugins.disablesCri(id, schema, version.version())) {
                finding = ctx.finding(at, "disabled_plugins turns off containerd's CRI plugin (\"" + id + "\" in a "
                        + versionPhrase(containerd, schema) + "), so " + RuntimeRuleSupport.name(version)
                        + " serves no CRI API and the kubelet and kubeadm cannot reach a container runtime. Remove \""
                        + id + "\" from disabled_plugins and restart containerd" + RuntimeRuleSupport.assumption(version));
            } else {
                continue;
            }
            criTable(containerd, id).ifPresent(t -> finding.related(t.keyOrigin(),
                    "CRI settings in " + RuntimeRuleSupport.pluginHeader(t.id()) + " do nothing while the plugin is off"));
            finding.fix(Fix.of("remove \"" + id + "\" from disabled_plugins", new NodeEdit.EnableContainerdCri()))
                    .report();
        }
    }

    private static String versionPhrase(ContainerdConfig containerd, Schema schema) {
        return containerd.declaredVersion().isPresent()
                ? "version " + schema.number() + " file"
                : "file without a version line, which containerd reads as version 1";
    }

    /**
     * The CRI table to show as idle: the table of the disabled plugin itself when the file has one,
     * else the CRI table with the first id. Chosen by id, not by position, so that reordering the
     * file's tables does not move the related location.
     */
    private static Optional<ContainerdConfig.PluginTable> criTable(ContainerdConfig containerd, String disabled) {
        List<ContainerdConfig.PluginTable> cri = containerd.pluginTables().stream()
                .filter(t -> ContainerdPlugins.introducedIn(t.id()).isPresent() && !t.id().equals(ContainerdPlugins.SERVER_GRPC))
                .toList();
        String id = ContainerdPlugins.migrateV1Id(disabled);
        return cri.stream().filter(t -> t.id().equals(disabled) || t.id().equals(id)).findFirst()
                .or(() -> cri.stream().min(java.util.Comparator.comparing(ContainerdConfig.PluginTable::id)));
    }
}
