package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.containerd.ContainerdRuntime;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code containerd-runtime-defaults-lost}: a CRI runtime handler that lost containerd's defaults,
 * or a {@code default_runtime_name} that no handler answers to.
 *
 * <p>containerd 1.x decodes the CRI plugin table with go-toml v1, which builds the
 * {@code containerd.runtimes} map from the file instead of merging it into the defaults (research
 * sheet {@code containerd.md} trap 2; containerd issue #6964):
 * <ul>
 *   <li>a handler table without {@code runtime_type} gets an empty type, not
 *       {@code io.containerd.runc.v2} (Debian 1.6.20, experiment e10); containerd then rejects every
 *       container of that handler with {@code container.Runtime.Name must be set} (metadata
 *       {@code validateContainer});</li>
 *   <li>naming only other handlers removes the default {@code runc} one (e9), and the CRI plugin fails
 *       validation with {@code no corresponding runtime configured in `containerd.runtimes` for
 *       `containerd` `default_runtime_name = "runc"`} and is not loaded.</li>
 * </ul>
 * containerd 2.x decodes into the defaults (go-toml v2): {@code runc} survives, so only a
 * {@code default_runtime_name} that names no handler at all fails there.
 */
public final class ContainerdRuntimeDefaultsLostRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-runtime-defaults-lost", Severity.WARNING)
            .title("A containerd runtime handler lost containerd's defaults")
            .rationale("containerd 1.x builds the CRI plugin's runtimes map from config.toml instead of merging it "
                    + "with its built-in one. A [...containerd.runtimes.runc] table that only sets options (for "
                    + "example SystemdCgroup) therefore has an empty runtime_type, and containerd rejects every "
                    + "container of that handler ('container.Runtime.Name must be set'). A file that declares only "
                    + "another handler, such as kata, removes the default runc handler, while default_runtime_name "
                    + "still says runc: the CRI plugin fails validation and is not loaded, so the kubelet finds no "
                    + "runtime. containerd 2.x merges the file into its defaults, so there only a "
                    + "default_runtime_name that names no handler fails. Repeat runtime_type in every handler table "
                    + "and keep a handler for default_runtime_name.")
            .reference("https://github.com/containerd/containerd/blob/release/1.7/docs/cri/config.md")
            .reference("https://github.com/containerd/containerd/issues/6964")
            .example("etc/containerd/config.toml",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                            + "  SystemdCgroup = true\n",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
                            + "  runtime_type = \"io.containerd.runc.v2\"\n"
                            + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
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
        Map<String, ContainerdRuntime> runtimes = cri.runtimes();
        boolean oneX = release.major() < 2;
        if (oneX) {
            for (ContainerdRuntime r : runtimes.values()) {
                Optional<Setting<String>> type = r.runtimeType();
                if (type.isPresent() && !type.get().value().isBlank()) {
                    continue;
                }
                String table = RuntimeRuleSupport.pluginHeader(cri.runtimePluginId(), "containerd", "runtimes", r.name());
                Origin at = type.flatMap(Setting::origin).orElse(r.keyOrigin());
                ctx.finding(at, table + " has " + (type.isPresent() ? "an empty runtime_type" : "no runtime_type")
                        + ": " + RuntimeRuleSupport.name(target) + " builds the runtimes map from this file instead of "
                        + "merging it with its defaults, so this handler's runtime type is empty, not "
                        + ContainerdRuntime.RUNC_V2 + ", and containerd rejects its containers (container.Runtime.Name "
                        + "must be set). " + typeAdvice(r.name(), table) + RuntimeRuleSupport.assumption(target)).report();
            }
        }
        String defaultName = cri.defaultRuntimeName().map(Setting::value)
                .orElse(KnownVersions.containerdDefaultRuntimeName().value());
        List<String> available = new ArrayList<>(runtimes.keySet());
        boolean builtInRuncKept = !oneX || runtimes.isEmpty();
        if (builtInRuncKept && !available.contains("runc")) {
            available.add("runc");
        }
        if (available.contains(defaultName)) {
            return;
        }
        Optional<Setting<String>> explicit = cri.defaultRuntimeName();
        Origin at = explicit.flatMap(Setting::origin)
                .or(() -> cri.runtimesEntry().map(e -> e.keyOrigin()))
                .orElse(Origin.ofFile(containerd.mainFile().path()));
        String runtimesHeader = RuntimeRuleSupport.pluginHeader(cri.runtimePluginId(), "containerd", "runtimes");
        String why;
        if (explicit.isPresent()) {
            why = "default_runtime_name = \"" + defaultName + "\" names no handler: " + RuntimeRuleSupport.name(target)
                    + " has " + (available.isEmpty() ? "none" : RuntimeRuleSupport.list(available))
                    + (oneX && !runtimes.isEmpty() ? " (containerd 1.x keeps only the handlers this configuration declares)" : "");
        } else {
            why = "this configuration declares only " + RuntimeRuleSupport.list(new ArrayList<>(runtimes.keySet()))
                    + " under " + runtimesHeader + ", and " + RuntimeRuleSupport.name(target) + " builds the runtimes map from "
                    + "the file instead of merging it with its defaults, so the default runc handler is gone while "
                    + "default_runtime_name is still \"runc\" (containerd's default)";
        }
        Finding.Builder finding = ctx.finding(at, why + ": the CRI plugin fails validation (no corresponding runtime "
                + "configured in `containerd.runtimes` for `containerd` `default_runtime_name = \"" + defaultName + "\"`) and "
                + "is not loaded, so the kubelet finds no container runtime. Declare " + RuntimeRuleSupport.pluginHeader(
                        cri.runtimePluginId(), "containerd", "runtimes", defaultName)
                + " with its runtime_type" + (runtimes.isEmpty() ? "" : ", or set default_runtime_name to one of: "
                        + RuntimeRuleSupport.list(new ArrayList<>(runtimes.keySet())))
                + RuntimeRuleSupport.assumption(target));
        for (ContainerdRuntime r : runtimes.values()) {
            finding.related(r.keyOrigin(), "declares handler " + r.name());
        }
        finding.report();
    }

    private static String typeAdvice(String handler, String table) {
        String type;
        if (handler.equals("runc") || handler.equals("crun")) {
            type = ContainerdRuntime.RUNC_V2;
        } else if (handler.startsWith("kata")) {
            type = "io.containerd.kata.v2";
        } else if (handler.equals("runsc") || handler.contains("gvisor")) {
            type = "io.containerd.runsc.v1";
        } else {
            return "Add the runtime_type of the shim this handler is for (" + ContainerdRuntime.RUNC_V2
                    + " for runc-compatible runtimes) to " + table;
        }
        return "Add runtime_type = \"" + type + "\" to " + table;
    }
}
