package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.catalog.ContainerdDeprecations;
import dev.criconf.model.catalog.ContainerdDeprecations.Deprecation;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.containerd.ContainerdRuntime;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code containerd-deprecated}: a setting containerd itself reports as deprecated, or one a later
 * release removed and now ignores, with its replacement. The settings, releases and replacements
 * are {@link ContainerdDeprecations} (containerd {@code pkg/deprecation/deprecation.go} on
 * {@code release/1.7} and in 2.x, {@code RELEASES.md}); where they live follows the file's schema
 * ({@link ContainerdPlugins#runtimePlugin}, {@link ContainerdPlugins#imagesPlugin}). While the CRI
 * plugin is disabled, or the release cannot read the file's schema, its CRI settings are not reported
 * ({@code containerd-cri-disabled} and {@code containerd-version-mismatch} say what matters then).
 */
public final class ContainerdDeprecatedRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-deprecated", Severity.WARNING)
            .title("A containerd setting is deprecated or removed")
            .rationale("containerd deprecates configuration settings for a few releases before removing them: it "
                    + "logs a warning and lists them in 'ctr deprecations list' and in the CRI status condition "
                    + "ContainerdHasNoDeprecationWarnings. Once a release removes a setting, containerd ignores it "
                    + "(2.x logs 'Ignoring unknown key'), so the behaviour it configured silently disappears on "
                    + "upgrade: registry mirrors stop applying, the legacy systemd_cgroup no longer selects the "
                    + "systemd driver, handlers of the removed runc v1 shims fail. Each finding names the "
                    + "replacement.")
            .reference("https://github.com/containerd/containerd/blob/main/RELEASES.md#deprecated-features")
            .reference("https://github.com/containerd/containerd/blob/main/docs/hosts.md")
            .example("etc/containerd/config.toml",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                            + "  endpoint = [\"https://mirror.example.internal\"]\n",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"
                            + "# mirror in /etc/containerd/certs.d/docker.io/hosts.toml\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A deprecated setting found: where to point, and how to name it. */
    private record Hit(Origin origin, String what) {
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<ContainerdConfig> config = node.containerd();
        if (config.isEmpty() || config.get().schema().isEmpty()) {
            return;
        }
        ContainerdConfig containerd = config.get();
        Schema schema = containerd.schema().get();
        TargetVersion target = RuntimeRuleSupport.containerdVersion(node, ctx);
        ComponentVersion release = target.version();
        boolean criOff = !RuntimeRuleSupport.criSettingsApply(containerd, release);
        ContainerdCri cri = containerd.cri();
        List<Hit> hits = new ArrayList<>();
        // the handlers and plugin tables are built from the tree on each call: once for all deprecations
        Collection<ContainerdRuntime> runtimes = null;
        List<ContainerdConfig.PluginTable> pluginTables = null;
        for (Deprecation d : ContainerdDeprecations.all()) {
            if (!d.appliesTo(release) || schema.number() < d.minSchema()) {
                continue;
            }
            hits.clear();
            switch (d.where()) {
                case TOP_LEVEL:
                    find(containerd.merged(), d, () -> "", hits);
                    break;
                case RUNTIME_PLUGIN:
                    if (!criOff) {
                        cri.runtimePluginTable().ifPresent(t -> find(t, d,
                                () -> " in " + RuntimeRuleSupport.pluginHeader(cri.runtimePluginId()), hits));
                    }
                    break;
                case IMAGES_PLUGIN:
                    if (!criOff) {
                        cri.imagesPluginTable().ifPresent(t -> find(t, d,
                                () -> " in " + RuntimeRuleSupport.pluginHeader(cri.imagesPluginId()), hits));
                    }
                    break;
                case HANDLER:
                case HANDLER_OPTIONS:
                    if (!criOff) {
                        if (runtimes == null) {
                            runtimes = cri.runtimes().values();
                        }
                        for (ContainerdRuntime r : runtimes) {
                            Optional<ConfigTable> t = d.where() == ContainerdDeprecations.Where.HANDLER
                                    ? Optional.of(r.table()) : r.options();
                            Supplier<String> where = d.where() == ContainerdDeprecations.Where.HANDLER
                                    ? () -> " in " + RuntimeRuleSupport.pluginHeader(cri.runtimePluginId(), "containerd",
                                            "runtimes", r.name())
                                    : () -> " in " + RuntimeRuleSupport.pluginHeader(cri.runtimePluginId(), "containerd",
                                            "runtimes", r.name(), "options");
                            t.ifPresent(table -> find(table, d, where, hits));
                        }
                    }
                    break;
                default:
                    if (pluginTables == null) {
                        pluginTables = containerd.pluginTables();
                    }
                    for (ContainerdConfig.PluginTable p : pluginTables) {
                        String id = schema == Schema.V1 ? ContainerdPlugins.migrateV1Id(p.id()) : p.id();
                        if (id.equals(d.path().get(0)) && !p.table().isEmpty()) {
                            hits.add(new Hit(p.keyOrigin(), "the " + RuntimeRuleSupport.pluginHeader(p.id()) + " configuration"));
                        }
                    }
                    break;
            }
            for (Hit h : hits) {
                ctx.report(h.origin(), message(d, h.what(), target) + RuntimeRuleSupport.assumption(target));
            }
        }
    }

    // where: " in [table header]" for messages, built only for a hit (most settings are not deprecated
    // and headers cost a KeyPath rendering each, for every deprecation and every runtime handler)
    private static void find(ConfigTable table, Deprecation d, Supplier<String> where, List<Hit> out) {
        Optional<ConfigEntry> entry = table.findEntry(d.path());
        if (entry.isEmpty()) {
            return;
        }
        ConfigEntry e = entry.get();
        String key = String.join(".", d.path());
        if (d.value().isPresent()) {
            if (!e.value().asString().equals(d.value())) {
                return;
            }
            out.add(new Hit(e.value().origin(), key + " = \"" + d.value().get() + "\"" + where.get()));
            return;
        }
        if (e.value() instanceof ConfigTable t && t.isEmpty()) {
            return; // containerd only reports a non-empty map
        }
        out.add(new Hit(e.keyOrigin(), key + where.get()));
    }

    private static String message(Deprecation d, String what, TargetVersion target) {
        ComponentVersion release = target.version();
        String ref = d.id().isEmpty() ? "" : " (io.containerd.deprecation/" + d.id() + ")";
        StringBuilder sb = new StringBuilder(what);
        if (d.isRemovedIn(release)) {
            sb.append(" was deprecated in containerd ").append(d.since()).append(" and removed in containerd ")
                    .append(d.removedIn().orElseThrow()).append(ref).append(": ");
            if (d.value().isPresent()) {
                sb.append(RuntimeRuleSupport.name(target)).append(" no longer has it, so this handler's pods fail to start");
            } else {
                sb.append(RuntimeRuleSupport.name(target)).append(" ignores it, so what it configured no longer applies");
            }
        } else {
            sb.append(" is deprecated since containerd ").append(d.since()).append(ref);
            if (d.removedIn().isPresent()) {
                sb.append(" and removed in containerd ").append(d.removedIn().get());
            } else if (d.plannedRemoval().isPresent()) {
                sb.append(" and slated for removal in containerd ").append(d.plannedRemoval().get());
            }
            sb.append(": ").append(RuntimeRuleSupport.name(target)).append(" still applies it but warns about it");
            if (d.id().equals("cri-systemd-cgroup-v1")) {
                sb.append(", and with the io.containerd.runc.v2 runtime (containerd's default) the CRI plugin refuses "
                        + "to load (`systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux)");
            }
        }
        return sb.append(". Use ").append(d.replacement()).append(" instead").toString();
    }
}
