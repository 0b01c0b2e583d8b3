package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdRuntimeOptions;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.containerd.ContainerdRuntime;
import dev.criconf.model.containerd.TomlKeyMatching;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code containerd-option-unchecked}: a key in a runtime handler's {@code options} that the shim's
 * options do not have (so it silently does nothing), or {@code SystemdCgroup} written at the
 * handler level instead of inside {@code options}.
 *
 * <p>containerd keeps {@code options} as a free-form map and decodes it without complaint into the
 * shim's options type only when a sandbox starts: Debian's 1.6.20 keeps {@code SystemdCgroups = true}
 * and {@code systemd_cgroup = true} verbatim and runc uses cgroupfs (rule-facts notes, experiment e4);
 * a handler-level {@code SystemdCgroup} is dropped (e3). Which spellings bind is release-specific
 * ({@link ContainerdRuntimeOptions#bind}: go-toml v1 in 1.x, case-insensitive go-toml v2 in 2.x);
 * runc option names per release and runhcs names come from {@link ContainerdRuntimeOptions}. For
 * runhcs handlers only near-misses of known names are reported, because newer hcsshim releases add
 * options criconf has not read.
 */
public final class ContainerdOptionUncheckedRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-option-unchecked", Severity.WARNING)
            .title("A containerd runtime option is silently ignored")
            .rationale("containerd never checks the options table of a runtime handler: it keeps the keys as written "
                    + "and hands them to the shim when a pod starts, and keys the shim does not know are dropped "
                    + "without a word. A misspelt SystemdCgroups, a snake_case systemd_cgroup, or SystemdCgroup "
                    + "written in the handler table instead of its options table all leave runc on the cgroupfs "
                    + "driver while the file looks right, which then disagrees with a kubelet set to systemd. "
                    + "containerd 1.x also matches option names only in a few spellings (SystemdCgroup, "
                    + "systemdcgroup, SYSTEMDCGROUP, systemdCgroup); containerd 2.x ignores letter case.")
            .reference("https://github.com/containerd/containerd/blob/main/docs/cri/config.md")
            .reference("https://github.com/containerd/containerd/blob/main/api/types/runc/options/oci.proto")
            .example("etc/containerd/config.toml",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                            + "  SystemdCgroups = true\n",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                            + "  SystemdCgroup = true\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<RuntimeRuleSupport.CriInEffect> inEffect = RuntimeRuleSupport.criInEffect(node, ctx);
        if (inEffect.isEmpty()) {
            return;
        }
        ContainerdConfig containerd = inEffect.get().containerd();
        TargetVersion target = inEffect.get().target();
        ComponentVersion release = target.version();
        ContainerdCri cri = containerd.cri();
        for (ContainerdRuntime r : cri.runtimes().values()) {
            // headers are for messages: rendered only for a finding
            Supplier<String> handlerHeader = () -> RuntimeRuleSupport.pluginHeader(cri.runtimePluginId(), "containerd",
                    "runtimes", r.name());
            Supplier<String> optionsHeader = () -> RuntimeRuleSupport.pluginHeader(cri.runtimePluginId(), "containerd",
                    "runtimes", r.name(), "options");
            r.misplacedSystemdCgroup().ifPresent(e -> ctx.finding(e.keyOrigin(), e.key() + " is written in the handler "
                    + "table " + handlerHeader.get() + ", where containerd does not read it: runc options belong in "
                    + optionsHeader.get() + ", so this line does nothing" + effectOnDriver(r, release)
                    + ". Move it there as SystemdCgroup = " + RuntimeRuleSupport.written(e.value())
                    + RuntimeRuleSupport.assumption(target)).report());
            Optional<ConfigTable> options = r.options();
            if (options.isEmpty()) {
                continue;
            }
            String type = r.runtimeType().map(Setting::value).orElse("");
            boolean runc = r.isRunc() || type.isBlank() && r.name().equals("runc");
            boolean runhcs = type.equals(ContainerdRuntimeOptions.RUNHCS_V1);
            if (!runc && !runhcs) {
                continue; // another shim's options: criconf does not know its names
            }
            Set<String> known = runc ? ContainerdRuntimeOptions.runcOptions(release) : ContainerdRuntimeOptions.RUNHCS_OPTIONS;
            String shim = runc ? "runc" : "runhcs";
            for (ConfigEntry e : options.get().entries()) {
                if (ContainerdRuntimeOptions.bind(e.key(), known, release).isPresent()) {
                    continue;
                }
                Optional<String> meant = ContainerdRuntimeOptions.suggest(e.key(), known);
                if (runhcs && meant.isEmpty()) {
                    continue;
                }
                ctx.finding(e.keyOrigin(), explain(e, meant, shim, known, release, target, optionsHeader.get(), r))
                        .report();
            }
        }
    }

    private static String explain(ConfigEntry e, Optional<String> meant, String shim, Set<String> known,
            ComponentVersion release, TargetVersion target, String optionsHeader, ContainerdRuntime r) {
        String key = e.key();
        StringBuilder sb = new StringBuilder(key).append(" in ").append(optionsHeader);
        Optional<String> otherRelease = otherReleaseOption(key, shim, release);
        if (meant.isPresent() && TomlKeyMatching.GO_TOML_V2.matches(key, meant.get()) && release.major() < 2) {
            sb.append(" is not a spelling containerd 1.x matches to the ").append(shim).append(" option ")
                    .append(meant.get()).append(" (it tries only ").append(meant.get()).append(", ")
                    .append(meant.get().toLowerCase(java.util.Locale.ROOT)).append(", ")
                    .append(meant.get().toUpperCase(java.util.Locale.ROOT)).append(" and ")
                    .append(Character.toLowerCase(meant.get().charAt(0))).append(meant.get().substring(1))
                    .append("; containerd 2.x ignores letter case), so ").append(RuntimeRuleSupport.name(target))
                    .append(" keeps it without a word and ").append(shim).append(" never sees it");
        } else if (otherRelease.isPresent()) {
            sb.append(" is a ").append(shim).append(" option of ").append(otherRelease.get()).append(", not of ")
                    .append(RuntimeRuleSupport.name(target)).append(", which keeps it without a word and does not pass it on");
        } else {
            sb.append(" is not a ").append(shim).append(" option, so ").append(RuntimeRuleSupport.name(target))
                    .append(" keeps it without a word and ").append(shim).append(" never sees it");
        }
        if (meant.isPresent() && meant.get().equals("SystemdCgroup")) {
            sb.append(effectOnDriver(r, release));
        }
        sb.append(". ");
        if (meant.isPresent()) {
            sb.append("Did you mean ").append(meant.get()).append("? Rename the key to ").append(meant.get());
        } else {
            sb.append("Remove it, or use one of the ").append(shim).append(" options: ")
                    .append(String.join(", ", new java.util.TreeSet<>(known)));
        }
        return sb.append(RuntimeRuleSupport.assumption(target)).toString();
    }

    /** The release line in which a key is a valid option when it is not one in {@code release} (e.g. TaskApiAddress, 2.x). */
    private static Optional<String> otherReleaseOption(String key, String shim, ComponentVersion release) {
        if (!shim.equals("runc")) {
            return Optional.empty();
        }
        ComponentVersion other = release.major() < 2 ? ComponentVersion.of(2, 0) : ComponentVersion.of(1, 7);
        Set<String> there = new HashSet<>(ContainerdRuntimeOptions.runcOptions(other));
        there.removeAll(ContainerdRuntimeOptions.runcOptions(release));
        return ContainerdRuntimeOptions.bind(key, there, other).map(o -> release.major() < 2 ? "containerd 2.x" : "containerd 1.x");
    }

    /** Says what runc does about cgroups when the written SystemdCgroup is not read. */
    private static String effectOnDriver(ContainerdRuntime r, ComponentVersion release) {
        Optional<Setting<Boolean>> real = r.systemdCgroup(TomlKeyMatching.forRelease(release));
        if (real.isPresent()) {
            return " (the handler's effective SystemdCgroup is the one in its options table: " + real.get().value() + ")";
        }
        return " (SystemdCgroup stays false: runc uses the cgroupfs driver)";
    }
}
