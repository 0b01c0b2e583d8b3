package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdFile;
import dev.criconf.model.value.KeyPath;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code containerd-import-replaces}: on containerd 1.x, a file pulled in by {@code imports}
 * re-declares a {@code [plugins."<id>"]} table that an earlier file declared, and the settings the
 * earlier table has but the import's lacks fall back to containerd's defaults.
 *
 * <p>containerd 1.x merges imports with mergo and then replaces each {@code plugins."<id>"} entry of
 * the result by the later file's entry, whole (research sheet {@code containerd.md} §6, trap 3;
 * {@code services/server/config/config.go} {@code mergeConfig}). Debian's 1.6.20 confirms it: a
 * {@code conf.d} file setting only {@code registry.config_path} reverted {@code sandbox_image} and
 * {@code SystemdCgroup} of the main file (rule-facts notes, "imp" experiment). containerd 2.0 and
 * later deep-merge plugin tables (commit a21e379b6), so the rule is quiet there. Only settings that
 * are actually lost are reported: an import that repeats everything is harmless.
 */
public final class ContainerdImportReplacesRule implements Rule {

    /** How many lost settings are listed as related locations. */
    static final int MAX_RELATED = 10;

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-import-replaces", Severity.WARNING)
            .title("A containerd import replaces a whole plugin table")
            .rationale("containerd 1.x does not merge a file listed in imports into the main configuration key by "
                    + "key: every [plugins.\"<id>\"] table the imported file mentions replaces the main file's table "
                    + "for that plugin as a whole. A drop-in that only sets the registry's config_path therefore "
                    + "silently resets the sandbox image, the runtimes and SystemdCgroup of the main file to "
                    + "containerd's defaults. containerd 2.0 and later merge plugin tables key by key. On 1.x, keep "
                    + "each plugin's settings in one file, or repeat every setting of the table in the import.")
            .reference("https://github.com/containerd/containerd/blob/release/1.7/docs/man/containerd-config.toml.5.md")
            .reference("https://github.com/containerd/containerd/blob/main/RELEASES.md#daemon-configuration")
            .example("etc/containerd/conf.d/10-registry.toml",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n",
                    "# moved into the main file's [plugins.\"io.containerd.grpc.v1.cri\".registry] table\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<ContainerdConfig> config = node.containerd();
        if (config.isEmpty() || config.get().files().size() < 2) {
            return;
        }
        TargetVersion target = RuntimeRuleSupport.containerdVersion(node, ctx);
        if (target.version().major() >= 2) {
            return;
        }
        List<ContainerdFile> files = config.get().files();
        for (int j = 1; j < files.size(); j++) {
            ContainerdFile file = files.get(j);
            for (ContainerdConfig.PluginTable table : file.pluginTables()) {
                Optional<Earlier> earlier = lastDeclaration(files, j, table.id());
                if (earlier.isEmpty()) {
                    continue;
                }
                Set<KeyPath> kept = new HashSet<>();
                for (RuntimeRuleSupport.Leaf l : RuntimeRuleSupport.leaves(table.table())) {
                    kept.add(l.path());
                }
                List<RuntimeRuleSupport.Leaf> lost = new ArrayList<>();
                for (RuntimeRuleSupport.Leaf l : RuntimeRuleSupport.leaves(earlier.get().table().table())) {
                    if (!kept.contains(l.path())) {
                        lost.add(l);
                    }
                }
                if (lost.isEmpty()) {
                    continue;
                }
                // by key: the message and the related places must not change when the file's keys are reordered
                lost.sort(java.util.Comparator.comparing((RuntimeRuleSupport.Leaf l) -> l.path().toString()));
                List<String> names = new ArrayList<>();
                for (RuntimeRuleSupport.Leaf l : lost) {
                    names.add(l.path().toString());
                }
                String header = RuntimeRuleSupport.pluginHeader(table.id());
                Finding.Builder finding = ctx.finding(table.keyOrigin(), file.path() + " is imported and re-declares "
                        + header + ", and " + RuntimeRuleSupport.name(target) + " replaces a plugin table from an import as "
                        + "a whole instead of merging it: " + RuntimeRuleSupport.list(names) + " set in "
                        + earlier.get().file().path() + (names.size() == 1 ? " falls" : " fall")
                        + " back to containerd's defaults. Repeat " + (names.size() == 1 ? "that setting" : "those settings")
                        + " in this table, or keep every setting of this plugin in one file (containerd 2.0 and later "
                        + "merge plugin tables key by key)" + RuntimeRuleSupport.assumption(target));
                finding.related(earlier.get().table().keyOrigin(), "the table it replaces");
                for (RuntimeRuleSupport.Leaf l : lost.subList(0, Math.min(lost.size(), MAX_RELATED))) {
                    finding.related(l.keyOrigin(), "lost: " + l.assignment());
                }
                finding.report();
            }
        }
    }

    private record Earlier(ContainerdFile file, ContainerdConfig.PluginTable table) {
    }

    /** The table for {@code id} in effect before file {@code j}: 1.x keeps only the last declaration. */
    private static Optional<Earlier> lastDeclaration(List<ContainerdFile> files, int j, String id) {
        for (int i = j - 1; i >= 0; i--) {
            for (ContainerdConfig.PluginTable t : files.get(i).pluginTables()) {
                if (t.id().equals(id)) {
                    return Optional.of(new Earlier(files.get(i), t));
                }
            }
        }
        return Optional.empty();
    }
}
