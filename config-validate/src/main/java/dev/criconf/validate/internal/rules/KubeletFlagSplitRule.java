package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.catalog.FlagValueKind;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.EnvAssignment;
import dev.criconf.model.kubelet.KubeadmFlagsEnv;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubelet-flag-split}: words on the kubelet's command line that are neither flags nor flag
 * values. They come from a value with spaces in {@code KUBELET_EXTRA_ARGS} / {@code KUBELET_KUBEADM_ARGS}
 * (systemd's {@code $VAR} splits at whitespace, quotes inside the value do not help), or from a
 * boolean flag given its value as a separate word ({@code --fail-swap-on false}). The kubelet exits
 * with {@code unknown command <word>}.
 */
public final class KubeletFlagSplitRule implements Rule {

    // strconv.ParseBool's words: what a person means as a boolean flag's value
    private static final Set<String> GO_BOOLS = Set.of("1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE",
            "false", "False");
    private static final Set<FlagValueKind> COMMA_SEPARATED = Set.of(FlagValueKind.KEY_VALUE_MAP,
            FlagValueKind.THRESHOLD_MAP, FlagValueKind.FEATURE_GATES, FlagValueKind.LIST);

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-flag-split", Severity.ERROR)
            .title("A kubelet flag value is split into stray arguments")
            .rationale("The packaged kubelet drop-in starts the kubelet with '$KUBELET_KUBEADM_ARGS "
                    + "$KUBELET_EXTRA_ARGS'. systemd replaces a $VAR that stands as a word of its own by the "
                    + "variable's value split at whitespace; quotes inside the value are not honoured. So "
                    + "KUBELET_EXTRA_ARGS=\"--node-labels=a=b, c=d\" gives the kubelet the two words "
                    + "'--node-labels=a=b,' and 'c=d'. pflag cannot place the second one, and the kubelet exits "
                    + "with 'unknown command c=d'. The same happens to '--fail-swap-on false': a boolean flag only "
                    + "takes its value after '='. Write values without spaces (label and taint lists are "
                    + "comma-separated), and booleans as --flag=false.")
            .reference("https://www.freedesktop.org/software/systemd/man/latest/systemd.service.html#Command%20lines")
            .reference("https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/kubelet-integration/")
            .example("etc/default/kubelet",
                    "KUBELET_EXTRA_ARGS=\"--node-labels=pool=batch, tier=2\"\n",
                    "KUBELET_EXTRA_ARGS=\"--node-labels=pool=batch,tier=2\"\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        KubeletRuleSupport.CommandLine cl = KubeletRuleSupport.commandLine(node);
        Map<CommandLineFlag, List<StrayArgument>> byFlag = new IdentityHashMap<>();
        List<CommandLineFlag> order = new ArrayList<>();
        for (StrayArgument s : cl.strays()) {
            Optional<CommandLineFlag> before = preceding(cl.flags(), s);
            if (before.isEmpty()) {
                ctx.finding(s.origin(), "'" + s.text() + "'" + from(s.variable()) + " is not a flag and no flag takes it "
                        + "as its value: the kubelet exits with \"unknown command " + s.text() + "\"").report();
                continue;
            }
            if (!byFlag.containsKey(before.get())) {
                order.add(before.get());
            }
            byFlag.computeIfAbsent(before.get(), k -> new ArrayList<>()).add(s);
        }
        for (CommandLineFlag flag : order) {
            report(node, flag, byFlag.get(flag), ctx);
        }
    }

    private static void report(NodeConfig node, CommandLineFlag flag, List<StrayArgument> strays, RuleContext ctx) {
        StrayArgument first = strays.get(0);
        String name = "--" + flag.name();
        Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(flag.name());
        boolean isBool = spec.map(KubeletFlagCatalog.Flag::isBoolean).orElse(false);
        if (isBool && flag.form() == CommandLineFlag.Form.BARE && GO_BOOLS.contains(first.text())) {
            Finding.Builder f = ctx.finding(first.origin(), name + " is a boolean flag, so '" + first.text()
                    + "' after it is a separate argument, not its value: the kubelet exits with \"unknown command "
                    + first.text() + "\"; write " + name + "=" + first.text())
                    .related(flag.origin(), name);
            f.report();
            return;
        }
        String variable = first.variable().map(v -> "$" + v).orElse("the command line");
        String words = strays.size() == 1 ? "'" + first.text() + "' becomes a separate argument"
                : "'" + first.text() + "' and " + (strays.size() - 1) + " more word" + (strays.size() > 2 ? "s" : "")
                        + " become separate arguments";
        String got = flag.value().map(v -> " gets only '" + v + "'").orElse(" gets no value from them");
        Finding.Builder f = ctx.finding(first.origin(), words + ": systemd splits " + variable
                + " at whitespace (quotes inside the value do not help), so " + name + got
                + ", and the kubelet exits with \"unknown command " + first.text() + "\"; remove the space"
                + (spec.map(s -> COMMA_SEPARATED.contains(s.kind())).orElse(false) ? " (the list is comma-separated)" : ""))
                .related(flag.origin(), name + ", whose value the split cut short");
        for (StrayArgument s : strays.subList(1, strays.size())) {
            f.related(s.origin(), "also split off: '" + s.text() + "'");
        }
        joinFix(node, flag, strays, spec).ifPresent(f::fix);
        f.report();
    }

    /** The flag on the same line of input (same file and variable) just before the stray word. */
    private static Optional<CommandLineFlag> preceding(List<CommandLineFlag> flags, StrayArgument s) {
        CommandLineFlag best = null;
        for (CommandLineFlag f : flags) {
            if (f.origin().file().equals(s.origin().file()) && f.variable().equals(s.variable())
                    && f.origin().offset() < s.origin().offset()
                    && (best == null || f.origin().offset() > best.origin().offset())) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Rewrites the variable with the split words joined back to the flag's value: machine-applicable
     * when each split is next to a comma (only the space is wrong); with a comma added between
     * pieces of a comma-separated flag it is a suggestion.
     */
    private static Optional<Fix> joinFix(NodeConfig node, CommandLineFlag flag, List<StrayArgument> strays,
            Optional<KubeletFlagCatalog.Flag> spec) {
        if (flag.variable().isEmpty()) {
            return Optional.empty();
        }
        String variable = flag.variable().get();
        Optional<EnvAssignment> assignment = Optional.empty();
        for (KubeadmFlagsEnv env : node.kubeletEnvFiles()) {
            if (env.file().equals(flag.origin().file())) {
                assignment = env.get(variable);
            }
        }
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        String value = assignment.get().value();
        String lastFlagWord = flag.form() == CommandLineFlag.Form.SEPARATE ? flag.value().orElse(flag.written())
                : flag.written();
        int start = value.indexOf(flag.written());
        if (start < 0) {
            return Optional.empty();
        }
        int end = value.indexOf(lastFlagWord, start) + lastFlagWord.length();
        if (end < lastFlagWord.length()) {
            return Optional.empty();
        }
        boolean commaAdded = false;
        StringBuilder joined = new StringBuilder(value.substring(0, end));
        for (StrayArgument s : strays) {
            int idx = value.indexOf(s.text(), end);
            if (idx < 0 || !value.substring(end, idx).isBlank()) {
                return Optional.empty();
            }
            boolean touchesComma = joined.charAt(joined.length() - 1) == ',' || s.text().startsWith(",");
            if (!touchesComma) {
                if (spec.isEmpty() || !COMMA_SEPARATED.contains(spec.get().kind())) {
                    return Optional.empty();
                }
                joined.append(',');
                commaAdded = true;
            }
            joined.append(s.text());
            end = idx + s.text().length();
        }
        joined.append(value.substring(end));
        NodeEdit edit = new NodeEdit.SetValue(assignment.get().valueOrigin().file(), List.of(variable), joined.toString());
        String description = "set " + variable + " to " + joined;
        return Optional.of(commaAdded ? Fix.suggestion(description, edit) : Fix.of(description, edit));
    }

    private static String from(Optional<String> variable) {
        return variable.map(v -> " (from $" + v + ")").orElse("");
    }
}
