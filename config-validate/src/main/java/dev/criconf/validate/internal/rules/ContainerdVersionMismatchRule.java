package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdFile;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code containerd-version-mismatch}: plugin ids (tables, {@code disabled_plugins},
 * {@code required_plugins}) that do not belong to the schema the file is read with, or a
 * {@code version} the release cannot read. One finding per file, at the version line when that is
 * the problem, else at the first mismatched id; the other places are related locations.
 *
 * <p>Facts (shared rule-facts notes §0.6 and §2, research sheet {@code containerd.md} §1, §2, traps 1,
 * 7, 8, 12):
 * <ul>
 *   <li>containerd 1.x reads a file without {@code version} as schema 1 and looks plugin tables up by
 *       short id, so {@code [plugins."io.containerd.grpc.v1.cri"]} there is ignored with only the generic
 *       "version 1 is deprecated" warning (Debian 1.6.20, experiment e1); 1.x decides the version after
 *       merging imports, so the merged version applies to every file;</li>
 *   <li>a short id in a schema-2 file is fatal on 1.x ({@code invalid plugin key URI "cri" expect
 *       io.containerd.x.vx}); in {@code disabled_plugins}/{@code required_plugins} it is fatal on every
 *       release ({@link ContainerdPlugins#rejectsPluginReference}; {@code "cri"} in
 *       {@code disabled_plugins} is left to {@code containerd-cri-disabled});</li>
 *   <li>{@code version = 3} on 1.x: read as 2 without a word before 1.6.32/1.7.17 (every v3 table
 *       ignored; experiment e7), rejected ({@code unsupported config version}) after
 *       ({@link ContainerdPlugins#silentlyDowngrades}); 2.x rejects a version above its highest
 *       ({@code expected containerd config version equal to or less than ...});</li>
 *   <li>containerd 2.x ignores short-id tables in schema-3 files (no plugin registered under that id),
 *       and 2.0 to 2.2 do not migrate schema-2 CRI keys left in {@code io.containerd.grpc.v1.cri} of a
 *       schema-3 file, nor the CRI settings of a file without {@code version} (source reading; 2.3 migrates
 *       each file at load, commit 0d7fee062).</li>
 * </ul>
 */
public final class ContainerdVersionMismatchRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-version-mismatch", Severity.ERROR)
            .title("containerd plugin ids do not match the file's config version")
            .rationale("containerd reads config.toml with the schema its version line names: no version line means "
                    + "version 1, where plugins are named by short ids such as [plugins.cri]; version 2 names them by "
                    + "URI, [plugins.\"io.containerd.grpc.v1.cri\"]; version 3 (containerd 2.x) splits CRI into "
                    + "io.containerd.cri.v1.runtime and io.containerd.cri.v1.images. Tables written for another "
                    + "version are either ignored without a word - so the sandbox image, SystemdCgroup or registry "
                    + "settings they hold silently have no effect - or make containerd refuse the file. The most common "
                    + "case is a version-2 snippet from a setup guide appended to a file without a version line. Add "
                    + "the version line the tables are written for, or rewrite the tables for the version in use.")
            .reference("https://github.com/containerd/containerd/blob/main/docs/PLUGINS.md#version-header")
            .reference("https://github.com/containerd/containerd/blob/main/RELEASES.md#daemon-configuration")
            .example("etc/containerd/config.toml",
                    "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n",
                    "version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n")
            .build();

    private static final ComponentVersion MIGRATES_EACH_FILE = ComponentVersion.of(2, 3);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** One mismatched place: where, the full sentence when it leads a finding, a short note when it is related. */
    private record Issue(Origin origin, String message, String note) {
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<ContainerdConfig> config = node.containerd();
        if (config.isEmpty()) {
            return;
        }
        ContainerdConfig containerd = config.get();
        TargetVersion version = RuntimeRuleSupport.containerdVersion(node, ctx);
        for (ContainerdFile file : containerd.files()) {
            checkFile(containerd, file, version, ctx);
        }
    }

    private void checkFile(ContainerdConfig containerd, ContainerdFile file, TargetVersion target, RuleContext ctx) {
        ComponentVersion release = target.version();
        boolean oneX = release.major() < 2;
        Optional<ConfigEntry> ownVersion = file.tree().entry("version");
        if (ownVersion.isPresent() && ownVersion.get().value().asLong().isEmpty()) {
            return; // not an integer: containerd fails to decode it (type-mismatch says so)
        }
        // 1.x decides the version once, after merging every file; 2.x reads each file with its own
        Optional<ConfigEntry> versionEntry = oneX ? containerd.merged().entry("version") : ownVersion;
        long number = versionEntry.flatMap(e -> e.value().asLong()).orElse(0L);
        Schema highest = ContainerdPlugins.highestSchema(release);
        Issue versionIssue = null;
        Schema schema;
        if (number > highest.number() || Schema.of(number).isEmpty()) {
            if (oneX && ContainerdPlugins.silentlyDowngrades(release)) {
                schema = Schema.V2;
                versionIssue = new Issue(versionEntry.get().value().origin(),
                        "version = " + number + " is a containerd 2.x config version, but " + RuntimeRuleSupport.name(target)
                                + " reads it as version 2 without a word, so every containerd 2.x plugin table in this file "
                                + "is ignored and CRI runs with containerd's defaults (default sandbox image, "
                                + "SystemdCgroup = false, no registry config_path). Run containerd 2.0 or later with this "
                                + "file, or rewrite it as version = 2 with [plugins.\"io.containerd.grpc.v1.cri\"] tables",
                        "read as version 2");
            } else {
                String why = oneX
                        ? "refuses to start with it (unsupported config version)"
                        : "refuses to start with it (expected containerd config version equal to or less than `"
                                + highest.number() + "`, got `" + number + "`)";
                versionIssue = new Issue(versionEntry.get().value().origin(),
                        "version = " + number + " is newer than " + RuntimeRuleSupport.name(target) + " can read: containerd "
                                + why + ". Use version = " + highest.number() + " and its table layout, or upgrade containerd",
                        "unreadable version");
                schema = null;
            }
        } else {
            schema = Schema.of(number).orElseThrow();
        }
        if (versionIssue != null && !versionIssue.origin().file().equals(file.path())) {
            return; // the version line lives in another file: that file's finding covers it
        }
        List<Issue> issues = new ArrayList<>();
        if (schema != null) {
            for (ContainerdConfig.PluginTable table : file.pluginTables()) {
                tableIssue(table, schema, target, file.declaredVersion().isPresent() || oneX && number > 0)
                        .ifPresent(issues::add);
            }
            referenceIssues(file, schema, target, issues);
        }
        issues.sort(Comparator.comparingInt((Issue i) -> i.origin().offset()));
        if (versionIssue == null && issues.isEmpty()) {
            return;
        }
        Issue primary = versionIssue != null ? versionIssue : issues.remove(0);
        String more = issues.isEmpty() ? "" : " (" + issues.size() + (issues.size() == 1 ? " more place" : " more places")
                + " in this file listed below)";
        Finding.Builder finding = ctx.finding(primary.origin(),
                primary.message() + more + RuntimeRuleSupport.assumption(target));
        for (Issue i : issues) {
            finding.related(i.origin(), i.note());
        }
        finding.report();
    }

    private static Optional<Issue> tableIssue(ContainerdConfig.PluginTable table, Schema schema, TargetVersion target,
            boolean hasVersionLine) {
        ComponentVersion release = target.version();
        boolean oneX = release.major() < 2;
        String id = table.id();
        // for messages only: most plugin tables have no issue
        Supplier<String> header = () -> RuntimeRuleSupport.pluginHeader(id);
        boolean uri = id.contains(".");
        boolean criSettings = carriesCriSettings(table);
        switch (schema) {
            case V1:
                if (uri && oneX) {
                    return Optional.of(new Issue(table.keyOrigin(), header.get() + " uses a version-2 plugin URI, but "
                            + (hasVersionLine ? "this file says version = 1" : "this file has no version line")
                            + ", so " + RuntimeRuleSupport.name(target) + " reads it as version 1, where plugins are named by "
                            + "short id, and silently ignores the whole table" + ignoredSettings(table.table())
                            + ". Add version = 2 as the first line (and name plugins by URI everywhere in the file: with "
                            + "version = 2, disabled_plugins = [\"cri\"] stops containerd from loading the file)",
                            "version-2 table ignored in a version-1 file"));
                }
                if (!oneX && release.compareTo(MIGRATES_EACH_FILE) < 0 && criSettings
                        && (id.equals(ContainerdPlugins.CRI_V1) || id.equals(ContainerdPlugins.GRPC_CRI))) {
                    return Optional.of(new Issue(table.keyOrigin(), header.get() + " is in a file without a version line: "
                            + RuntimeRuleSupport.name(target) + " renames version-1 plugin ids but does not migrate the CRI "
                            + "settings of such a file to the version-3 plugins (containerd 2.3 does), so it ignores them"
                            + ignoredSettings(table.table()) + ". Add version = 3 and move the settings to "
                            + "[plugins.\"io.containerd.cri.v1.runtime\"] and [plugins.\"io.containerd.cri.v1.images\"]",
                            "CRI settings of a version-1 file not migrated"));
                }
                return Optional.empty();
            case V2:
                if (id.split("\\.", -1).length < 4) {
                    if (oneX) {
                        return Optional.of(new Issue(table.keyOrigin(), header.get() + " uses a short (version-1) plugin id in "
                                + "a version-2 file: " + RuntimeRuleSupport.name(target) + " refuses to load the file "
                                + "(invalid plugin key URI \"" + id + "\" expect io.containerd.x.vx). Name the plugin by URI"
                                + uriHint(id), "short plugin id: file rejected"));
                    }
                    return Optional.of(new Issue(table.keyOrigin(), header.get() + " uses a short (version-1) plugin id in a "
                            + "version-2 file: " + RuntimeRuleSupport.name(target) + " has no plugin registered under it and "
                            + "ignores the table" + ignoredSettings(table.table()) + ". Name the plugin by URI" + uriHint(id),
                            "short plugin id ignored"));
                }
                if (oneX && ContainerdPlugins.introducedIn(id).filter(s -> s.number() >= 3).isPresent()) {
                    return Optional.of(new Issue(table.keyOrigin(), header.get() + " is a containerd 2.x plugin (version-3 "
                            + "layout), which " + RuntimeRuleSupport.name(target) + " does not have: the table is ignored"
                            + ignoredSettings(table.table()) + ". For containerd 1.x write these settings under "
                            + "[plugins.\"io.containerd.grpc.v1.cri\"]", "containerd 2.x plugin ignored"));
                }
                return Optional.empty();
            default:
                if (!uri) {
                    return Optional.of(new Issue(table.keyOrigin(), header.get() + " uses a short (version-1) plugin id in a "
                            + "version-" + schema.number() + " file: " + RuntimeRuleSupport.name(target) + " has no plugin "
                            + "registered under it and ignores the table" + ignoredSettings(table.table())
                            + ". Name the plugin by URI" + uriHint(id), "short plugin id ignored"));
                }
                if (id.equals(ContainerdPlugins.GRPC_CRI) && release.compareTo(MIGRATES_EACH_FILE) < 0
                        && !oneX && criSettings) {
                    return Optional.of(new Issue(table.keyOrigin(), header.get() + " holds version-2 CRI settings in a version-"
                            + schema.number() + " file, where this plugin keeps only the streaming server settings: "
                            + RuntimeRuleSupport.name(target) + " does not migrate them and ignores them"
                            + ignoredSettings(nonServerPart(table.table())) + ". Move runtimes and CNI settings to "
                            + "[plugins.\"io.containerd.cri.v1.runtime\"] and the sandbox image and registry to "
                            + "[plugins.\"io.containerd.cri.v1.images\"]", "version-2 CRI settings not migrated"));
                }
                return Optional.empty();
        }
    }

    private static void referenceIssues(ContainerdFile file, Schema schema, TargetVersion target, List<Issue> out) {
        ComponentVersion release = target.version();
        for (String key : List.of("disabled_plugins", "required_plugins")) {
            Optional<ConfigValue> list = file.tree().get(key);
            if (list.isEmpty() || list.get().asArray().isEmpty()) {
                continue;
            }
            for (ConfigValue item : list.get().asArray().get().items()) {
                Optional<String> id = item.asString();
                if (id.isEmpty()) {
                    continue;
                }
                String v = id.get();
                if (ContainerdPlugins.rejectsPluginReference(v, schema, release)) {
                    if (key.equals("disabled_plugins") && ContainerdPlugins.migrateV1Id(v).equals(ContainerdPlugins.GRPC_CRI)) {
                        continue; // containerd-cri-disabled reports it with its fix
                    }
                    String kind = key.equals("disabled_plugins") ? "disabled" : "required";
                    out.add(new Issue(item.origin(), key + " lists \"" + v + "\", a short (version-1) plugin id, in a version-"
                            + schema.number() + " file: " + RuntimeRuleSupport.name(target) + " refuses to load the file "
                            + "(invalid " + kind + " plugin URI \"" + v + "\" expect io.containerd.x.vx). Write \""
                            + ContainerdPlugins.migrateV1Id(v) + "\" instead", "short plugin id: file rejected"));
                } else if (schema == Schema.V1 && release.major() < 2 && key.equals("disabled_plugins") && v.contains(".")) {
                    out.add(new Issue(item.origin(), "disabled_plugins lists \"" + v + "\", a version-2 plugin URI, in a "
                            + "version-1 file: " + RuntimeRuleSupport.name(target) + " matches disabled plugins by short id "
                            + "there, so this entry has no effect and the plugin stays enabled. Add version = 2 as the "
                            + "first line, or write the short id", "URI has no effect in a version-1 file"));
                }
            }
        }
    }

    private static String uriHint(String id) {
        String uri = ContainerdPlugins.migrateV1Id(id);
        return uri.equals(id) ? "" : " ([plugins.\"" + uri + "\"])";
    }

    private static boolean carriesCriSettings(ContainerdConfig.PluginTable table) {
        return !nonServerPart(table.table()).isEmpty();
    }

    private static ConfigTable nonServerPart(ConfigTable t) {
        ConfigTable.Builder b = ConfigTable.builder(t.origin());
        for (ConfigEntry e : t.entries()) {
            if (!ContainerdPlugins.V3_SERVER_KEYS.contains(e.key())) {
                b.put(e);
            }
        }
        return b.build();
    }

    /** {@code : sandbox_image, ...options.SystemdCgroup have no effect} for the settings of an ignored table. */
    private static String ignoredSettings(ConfigTable table) {
        List<String> names = new ArrayList<>();
        for (RuntimeRuleSupport.Leaf l : RuntimeRuleSupport.leaves(table)) {
            names.add(l.path().toString());
        }
        // sorted: the message must not change when the file's keys are reordered
        names.sort(null);
        if (names.isEmpty()) {
            return "";
        }
        return " (" + RuntimeRuleSupport.list(names) + (names.size() == 1 ? " has" : " have") + " no effect)";
    }
}
