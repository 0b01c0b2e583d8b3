package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.crio.CrioRuntimeHandler;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crio-dropin-replaces-handler}: a CRI-O drop-in re-declares
 * {@code [crio.runtime.runtimes.<name>]} that an earlier file declared, without some of its keys;
 * those keys become empty.
 *
 * <p>CRI-O decodes each file into the configuration built so far with BurntSushi/toml, whose
 * {@code unifyMap} allocates a fresh value for every map key a file names: plain tables merge key by
 * key, but a named runtime handler starts from zero (research sheet {@code crio-dockerd.md} §4.2,
 * trap 2; reproduced with CRI-O 1.26.4, where a drop-in setting only {@code runtime_root} lost
 * {@code runtime_path}, {@code runtime_type} and {@code monitor_env}). By the examples' convention
 * (rule-facts notes §3) the rule compares with the previous <em>file</em> declaration only: the
 * package's {@code 10-crio.conf} re-declaring CRI-O's built-in handlers is normal. With
 * {@code inherit_default_runtime = true} the handler takes path, type, config path and root from the
 * default runtime ({@code ValidateRuntimes}), so those keys are not reported as lost.
 */
public final class CrioDropinReplacesHandlerRule implements Rule {

    /** How many lost keys are listed as related locations. */
    static final int MAX_RELATED = 10;

    private static final Set<String> INHERITED = Set.of("runtime_path", "runtime_type", "runtime_config_path", "runtime_root");

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("crio-dropin-replaces-handler", Severity.WARNING)
            .title("A CRI-O drop-in replaces a whole runtime handler")
            .rationale("CRI-O merges crio.conf and the files in crio.conf.d key by key for plain tables such as "
                    + "[crio.runtime], but a [crio.runtime.runtimes.<name>] table in a later file replaces the "
                    + "handler completely: every key the later file leaves out becomes empty. A drop-in meant to add "
                    + "one allowed annotation to crun thereby also clears runtime_path (CRI-O then looks crun up in "
                    + "$PATH), runtime_root and monitor_path. Repeat every key of the handler in the drop-in that "
                    + "changes it, or change the handler where it is first declared.")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.conf.d.5.md")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.conf.5.md#crioruntimeruntimes-table")
            .example("etc/crio/crio.conf.d/30-crun-devices.conf",
                    "[crio.runtime.runtimes.crun]\nallowed_annotations = [\"io.kubernetes.cri-o.Devices\"]\n",
                    "[crio.runtime.runtimes.crun]\nruntime_path = \"/usr/libexec/crio/crun\"\nruntime_root = \"/run/crun\"\n"
                            + "monitor_path = \"/usr/libexec/crio/conmon\"\n"
                            + "allowed_annotations = [\"io.kubernetes.cri-o.Devices\"]\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<CrioConfig> config = node.crio();
        if (config.isEmpty()) {
            return;
        }
        Map<String, Map.Entry<CrioFile, CrioRuntimeHandler>> previous = new HashMap<>();
        for (Map.Entry<CrioFile, CrioRuntimeHandler> decl : config.get().handlerDeclarations()) {
            CrioRuntimeHandler h = decl.getValue();
            Map.Entry<CrioFile, CrioRuntimeHandler> before = previous.put(h.name(), decl);
            if (before == null || before.getKey().path().equals(decl.getKey().path())) {
                continue;
            }
            boolean inherits = h.inheritDefaultRuntime().map(s -> s.value()).orElse(false);
            List<ConfigEntry> lost = new ArrayList<>();
            for (ConfigEntry e : before.getValue().table().entries()) {
                String key = e.key().toLowerCase(Locale.ROOT);
                if (h.table().entryIgnoringCase(e.key()).isPresent() || inherits && INHERITED.contains(key)) {
                    continue;
                }
                lost.add(e);
            }
            if (lost.isEmpty()) {
                continue;
            }
            report(ctx, decl.getKey(), h, before.getKey(), before.getValue(), lost);
        }
    }

    private static void report(RuleContext ctx, CrioFile file, CrioRuntimeHandler h, CrioFile earlierFile,
            CrioRuntimeHandler earlier, List<ConfigEntry> lostInFileOrder) {
        // by key: the message and the related places must not change when the file's keys are reordered
        List<ConfigEntry> lost = lostInFileOrder.stream().sorted(java.util.Comparator.comparing(ConfigEntry::key)).toList();
        List<String> keys = new ArrayList<>();
        for (ConfigEntry e : lost) {
            keys.add(e.key());
        }
        StringBuilder msg = new StringBuilder("[crio.runtime.runtimes.").append(h.name()).append("] in ").append(file.path())
                .append(" re-declares the ").append(h.name()).append(" handler of ").append(earlierFile.path())
                .append(", and CRI-O replaces a handler a later file names as a whole: ").append(RuntimeRuleSupport.list(keys))
                .append(keys.size() == 1 ? " becomes" : " become").append(" empty");
        List<String> effects = new ArrayList<>();
        if (keys.stream().anyMatch(k -> k.equalsIgnoreCase("runtime_path"))) {
            effects.add("CRI-O looks " + h.name() + " up in $PATH instead");
        }
        if (keys.stream().anyMatch(k -> k.equalsIgnoreCase("monitor_path"))) {
            effects.add("conmon is looked up in $PATH");
        }
        if (keys.stream().anyMatch(k -> k.equalsIgnoreCase("runtime_type"))) {
            effects.add("the handler type falls back to oci");
        }
        if (!effects.isEmpty()) {
            msg.append(" (").append(String.join("; ", effects)).append(")");
        }
        msg.append(". Repeat ").append(keys.size() == 1 ? "that key" : "those keys").append(" in this table, or make the ")
                .append("change in ").append(earlierFile.path()).append(" instead");
        Finding.Builder finding = ctx.finding(h.keyOrigin(), msg.toString());
        finding.related(earlier.keyOrigin(), "the declaration it replaces");
        for (ConfigEntry e : lost.subList(0, Math.min(lost.size(), MAX_RELATED))) {
            finding.related(e.keyOrigin(), "lost: " + e.key() + " = " + RuntimeRuleSupport.written(e.value()));
        }
        finding.report();
    }
}
