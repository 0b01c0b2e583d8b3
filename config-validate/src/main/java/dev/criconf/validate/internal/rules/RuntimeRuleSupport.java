package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.KeyPath;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.VersionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the containerd and CRI-O rules share: which release to check against, and how to name
 * tables and settings in messages. Versions come, in order, from the validator's target versions
 * (options, and per-node versions the caller passed), the node profile ({@code criconf.yaml}), what
 * the files prove (containerd {@code version = 3} means 2.0 or later), and last an assumption the
 * message states.
 */
final class RuntimeRuleSupport {

    /** The containerd release assumed when nothing says which one runs: the last 1.x line, which reads schema-2 files. */
    static final ComponentVersion ASSUMED_CONTAINERD = ComponentVersion.of(1, 7);

    /** How many settings a message lists before it says "and N more". */
    static final int LIST_LIMIT = 4;

    private RuntimeRuleSupport() {
    }

    /** The containerd release to check against; never empty (falls back to an assumption). */
    static TargetVersion containerdVersion(NodeConfig node, RuleContext ctx) {
        Optional<TargetVersion> given = ctx.versions().containerd();
        if (given.isPresent()) {
            return given.get();
        }
        Optional<NodeProfile> profile = node.profile();
        Optional<Setting<ComponentVersion>> fromProfile = profile.flatMap(NodeProfile::containerdVersion);
        if (fromProfile.isPresent()) {
            return new TargetVersion(TargetComponent.CONTAINERD, fromProfile.get().value(), VersionSource.PROFILE,
                    profile.get().file());
        }
        Optional<Setting<ComponentVersion>> proven = node.containerd().flatMap(ContainerdConfig::minimumRelease);
        if (proven.isPresent()) {
            return new TargetVersion(TargetComponent.CONTAINERD, proven.get().value(), VersionSource.FILES,
                    proven.get().source().describe() + " (version line)");
        }
        return TargetVersion.assumed(TargetComponent.CONTAINERD, ASSUMED_CONTAINERD);
    }

    /** The CRI-O release, when the validator's versions or the node profile say which one runs. */
    static Optional<TargetVersion> crioVersion(NodeConfig node, RuleContext ctx) {
        Optional<TargetVersion> given = ctx.versions().crio();
        if (given.isPresent()) {
            return given;
        }
        Optional<NodeProfile> profile = node.profile();
        return profile.flatMap(NodeProfile::crioVersion)
                .map(s -> new TargetVersion(TargetComponent.CRIO, s.value(), VersionSource.PROFILE, profile.get().file()));
    }

    /**
     * Whether containerd's CRI plugin is off for this release: a {@code disabled_plugins} entry
     * disables it, or names it so that containerd refuses the whole file. Rules about CRI settings
     * stay quiet then: {@code containerd-cri-disabled} says what matters.
     */
    static boolean criDisabled(ContainerdConfig containerd, ComponentVersion release) {
        Optional<Schema> schema = containerd.schema();
        if (schema.isEmpty()) {
            return false;
        }
        for (Setting<String> entry : containerd.disabledPlugins()) {
            String id = entry.value();
            if (ContainerdPlugins.disablesCri(id, schema.get(), release)
                    || (ContainerdPlugins.rejectsPluginReference(id, schema.get(), release)
                            && ContainerdPlugins.migrateV1Id(id).equals(ContainerdPlugins.GRPC_CRI))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the CRI settings the model reads with the file's schema are the ones this release uses:
     * not while the CRI plugin is off ({@link #criDisabled}), and not when the release cannot read the
     * schema (containerd 1.x and {@code version = 3} or later: ignored or refused; 2.x and a version
     * above its highest: refused). {@code containerd-version-mismatch} and
     * {@code containerd-cri-disabled} report those cases; rules about individual CRI settings stay quiet.
     */
    static boolean criSettingsApply(ContainerdConfig containerd, ComponentVersion release) {
        Optional<Schema> schema = containerd.schema();
        if (schema.isEmpty() || criDisabled(containerd, release)) {
            return false;
        }
        return release.major() < 2 ? schema.get().number() <= 2
                : schema.get().number() <= ContainerdPlugins.highestSchema(release).number();
    }

    /** A node's containerd configuration whose CRI settings apply to the release being checked. */
    record CriInEffect(ContainerdConfig containerd, TargetVersion target) {
        ComponentVersion release() {
            return target.version();
        }

        ContainerdCri cri() {
            return containerd.cri();
        }
    }

    /**
     * The containerd configuration of a node when its CRI settings are the ones the release uses
     * ({@link #criSettingsApply}); empty otherwise, so rules about single CRI settings stay quiet.
     */
    static Optional<CriInEffect> criInEffect(NodeConfig node, RuleContext ctx) {
        Optional<ContainerdConfig> config = node.containerd();
        if (config.isEmpty() || config.get().schema().isEmpty()) {
            return Optional.empty();
        }
        TargetVersion target = containerdVersion(node, ctx);
        return criSettingsApply(config.get(), target.version())
                ? Optional.of(new CriInEffect(config.get(), target)) : Optional.empty();
    }

    /** A TOML table header for a key path: {@code [plugins."io.containerd.grpc.v1.cri".registry]}. */
    static String header(List<String> keys) {
        return "[" + KeyPath.of(keys) + "]";
    }

    /** A header for a key path below {@code plugins.<id>}. */
    static String pluginHeader(String pluginId, String... rest) {
        List<String> keys = new ArrayList<>();
        keys.add("plugins");
        keys.add(pluginId);
        keys.addAll(List.of(rest));
        return header(keys);
    }

    /** The settings a table holds, as dotted paths relative to it (tables descended into, arrays and scalars listed), in file order. */
    static List<Leaf> leaves(ConfigTable table) {
        List<Leaf> out = new ArrayList<>();
        for (ConfigValues.Node n : ConfigValues.walk(table)) {
            if (n.entry().isEmpty() || n.value() instanceof ConfigTable) {
                continue;
            }
            if (n.path().keys().isPresent()) {
                out.add(new Leaf(n.path(), n.entry().get().keyOrigin(), n.value()));
            }
        }
        return out;
    }

    /** One setting of a table: its path relative to the table, where its key is, and its value. */
    record Leaf(KeyPath path, Origin keyOrigin, ConfigValue value) {
        /** {@code key = value} as the file writes it (values shortened). */
        String assignment() {
            return path + " = " + written(value);
        }
    }

    /**
     * A value as written: strings in double quotes whichever TOML quoting the file uses (a literal
     * {@code 'x'} and a basic {@code "x"} are the same string, and messages must not change when a
     * file is requoted), other scalars raw, arrays and tables rendered compactly.
     */
    static String written(ConfigValue value) {
        if (value instanceof ConfigString) {
            return ConfigValues.render(value, Integer.MAX_VALUE);
        }
        if (value instanceof ConfigScalar s) {
            return s.raw();
        }
        if (value instanceof ConfigArray || value instanceof ConfigTable) {
            return ConfigValues.render(value, 60);
        }
        return value.toString();
    }

    /** {@code a, b, c and 2 more}. */
    static String list(List<String> items) {
        if (items.size() <= LIST_LIMIT) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LIST_LIMIT)) + " and " + (items.size() - LIST_LIMIT) + " more";
    }

    /** {@code containerd 1.7.28}: the release a message talks about. */
    static String name(TargetVersion v) {
        return v.component().displayName() + " " + v.version();
    }

    /**
     * Empty for a known release; for an assumed one, a note for the end of a message:
     * {@code  (assuming containerd 1.7; set containerdVersion in criconf.yaml)}.
     */
    static String assumption(TargetVersion v) {
        return v.isAssumed() ? " (" + v.describe() + "; set " + v.component().profileKey() + " in criconf.yaml)" : "";
    }

    /** Where a setting is, or the given fallback for a default. */
    static Origin at(Setting<?> s, Origin fallback) {
        return s.origin().orElse(fallback);
    }
}
