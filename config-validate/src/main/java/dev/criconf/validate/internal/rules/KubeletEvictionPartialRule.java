package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.EffectiveSetting;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubelet-eviction-partial}: {@code evictionHard} (or {@code --eviction-hard}) sets some
 * thresholds, so the kubelet drops its other default ones ({@code nodefs.available},
 * {@code imagefs.available}, ...): the kubelet fills in its defaults only when the config file
 * leaves the map out, unless {@code mergeDefaultEvictionSettings: true} (1.33+); a flag replaces
 * the whole map.
 */
public final class KubeletEvictionPartialRule implements Rule {

    // the order the kubelet's defaults_linux.go lists them; later releases may add more
    private static final List<String> SIGNAL_ORDER = List.of("memory.available", "nodefs.available", "nodefs.inodesFree",
            "imagefs.available", "imagefs.inodesFree");

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-eviction-partial", Severity.WARNING)
            .title("evictionHard drops the kubelet's other default thresholds")
            .rationale("The kubelet's hard-eviction defaults (on Linux memory.available<100Mi, "
                    + "nodefs.available<10%, nodefs.inodesFree<5%, imagefs.available<15%) apply only while the "
                    + "config file does not set evictionHard. A file that sets just one threshold, typically "
                    + "memory.available, silently turns off the others: a node whose disk or image filesystem "
                    + "fills up no longer evicts pods and ends up with failing writes instead. --eviction-hard "
                    + "on the command line replaces the whole map the same way. List every threshold you want, "
                    + "or, from Kubernetes 1.33, set mergeDefaultEvictionSettings: true to keep the defaults for "
                    + "the signals you leave out.")
            .reference("https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/#hard-eviction-thresholds")
            .reference("https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/eviction/defaults_linux.go")
            .example("var/lib/kubelet/config.yaml",
                    "evictionHard:\n  memory.available: 500Mi\n",
                    "evictionHard:\n  memory.available: 500Mi\n  nodefs.available: 10%\n  nodefs.inodesFree: 5%\n"
                            + "  imagefs.available: 15%\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        if (node.kubeletConfiguration().isEmpty() && node.kubeletDropIns().isEmpty() && node.kubeletFlags().isEmpty()) {
            return;
        }
        TargetVersion target = KubeletRuleSupport.kubernetes(node, ctx);
        KubernetesVersion v = KubeletRuleSupport.kubelet(target);
        EffectiveKubeletConfig e = KubeletRuleSupport.effective(node, v);
        Map<String, String> defaults = KnownVersions.kubeletEvictionHardDefaults(KubeletRuleSupport.isWindows(node));
        Map<String, Setting<String>> effective = e.evictionHard();
        boolean mergeIgnored = v.isBefore(1, 33) && node.kubeletConfiguration()
                .flatMap(KubeletConfiguration::mergeDefaultEvictionSettings).map(Setting::value).orElse(false);
        if (mergeIgnored) {
            // the field only exists from 1.33: older kubelets ignore it and keep just the explicit entries
            Map<String, Setting<String>> explicit = new LinkedHashMap<>();
            e.setting("evictionHard").flatMap(EffectiveSetting::explicitValue)
                    .flatMap(x -> x.value().asTable()).ifPresent(t -> {
                        for (ConfigEntry entry : t.entries()) {
                            explicit.put(entry.key(), Setting.inFile(entry.key(), entry.value().origin()));
                        }
                    });
            effective = explicit;
        }
        List<String> missing = new ArrayList<>();
        for (String signal : SIGNAL_ORDER) {
            if (defaults.containsKey(signal) && !effective.containsKey(signal)) {
                missing.add(signal);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Optional<CommandLineFlag> flag = KubeletRuleSupport.commandLine(node).flags().stream()
                .filter(f -> f.name().equals("eviction-hard")).findFirst();
        Optional<ConfigEntry> inFile = node.kubeletConfiguration()
                .flatMap(c -> c.tree().entry("evictionHard")).filter(x -> x.value() instanceof ConfigTable);
        Origin where;
        String what;
        if (flag.isPresent()) {
            where = flag.get().origin();
            what = "--eviction-hard";
        } else if (inFile.isPresent()) {
            where = inFile.get().keyOrigin();
            what = "evictionHard";
        } else {
            // only drop-ins remove defaults (with null): a deliberate choice
            return;
        }
        List<String> dropped = new ArrayList<>();
        for (String s : missing) {
            dropped.add(s + "<" + defaults.get(s));
        }
        String sets = effective.isEmpty() ? what + " is empty, so hard eviction is off entirely"
                : what + " sets only " + String.join(", ", effective.keySet());
        boolean canMerge = v.isAtLeast(1, 33);
        String message = sets + ", so the kubelet drops its other default hard-eviction thresholds ("
                + String.join(", ", dropped) + "): pods are no longer evicted when those run low; list them in "
                + what + (canMerge && flag.isEmpty() ? " or set mergeDefaultEvictionSettings: true" : "")
                + KubeletRuleSupport.assumption(target);
        Finding.Builder f = ctx.finding(where, message);
        if (flag.isEmpty()) {
            KubeletConfiguration config = node.kubeletConfiguration().orElseThrow();
            List<NodeEdit> restore = new ArrayList<>();
            for (String s : missing) {
                restore.add(new NodeEdit.SetValue(config.file(), List.of("evictionHard", s), defaults.get(s)));
            }
            f.fix(Fix.suggestion("add the default thresholds " + String.join(", ", dropped) + " to evictionHard",
                    restore.toArray(NodeEdit[]::new)));
            if (canMerge) {
                f.fix(Fix.suggestion("set mergeDefaultEvictionSettings: true",
                        new NodeEdit.SetValue(config.file(), List.of("mergeDefaultEvictionSettings"), "true")));
            }
        }
        f.report();
    }
}
