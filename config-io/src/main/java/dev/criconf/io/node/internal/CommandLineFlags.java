package dev.criconf.io.node.internal;

import dev.criconf.io.args.ArgIssue;
import dev.criconf.io.args.Argument;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.FlagOccurrence;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.args.Positional;
import dev.criconf.io.systemd.ArgWord;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Origin;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.Problem;
import dev.criconf.model.StrayArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A parsed command line in the model's terms: flags in command-line order, stray words, and the
 * parser's complaints as problems (pflag stops the program at the first one).
 *
 * @param flags          the flags, in order
 * @param strayArguments words that are neither flags nor values
 * @param problems       missing values, bad flag syntax, invalid values
 */
public record CommandLineFlags(List<CommandLineFlag> flags, List<StrayArgument> strayArguments, List<Problem> problems) {

    /**
     * Converts what {@link ParsedArgs} found in {@code line}'s arguments. A missing value of a flag
     * {@code known} rejects is not reported: the program fails on the unknown flag itself, which
     * the model lists ({@code unknownFlags()}).
     */
    public static CommandLineFlags of(CommandLine line, ParsedArgs parsed, Predicate<String> known) {
        List<Problem> problems = new ArrayList<>();
        for (ArgIssue issue : parsed.issues()) {
            if (issue.kind() == ArgIssue.Kind.MISSING_VALUE && parsed.flags().stream()
                    .anyMatch(f -> f.nameIndex() == issue.index() && !known.test(f.name()))) {
                continue;
            }
            problems.add(Problem.syntax(issue.origin(), issue.message()));
        }
        return convert(line, parsed, n -> n, problems);
    }

    /**
     * The kubelet's command line, read like the node reader reads it: names normalised
     * ({@code _} is {@code -}); only issues that leave no flag behind (an unknown shorthand, bad flag
     * syntax) are problems, the rest are the effective configuration's to report.
     */
    public static CommandLineFlags kubelet(CommandLine line) {
        ParsedArgs parsed = line.flags(FlagSpec.kubelet());
        List<Problem> problems = new ArrayList<>();
        for (ArgIssue issue : parsed.issues()) {
            if (issue.kind() == ArgIssue.Kind.UNKNOWN_SHORTHAND || issue.kind() == ArgIssue.Kind.BAD_SYNTAX) {
                problems.add(Problem.syntax(issue.origin(), "the kubelet exits on its command line: " + issue.message()));
            }
        }
        return convert(line, parsed, KubeletFlagCatalog::normalize, problems);
    }

    private static CommandLineFlags convert(CommandLine line, ParsedArgs parsed, UnaryOperator<String> name, List<Problem> problems) {
        List<Argument> args = parsed.arguments();
        List<CommandLineFlag> flags = new ArrayList<>();
        for (FlagOccurrence f : parsed.flags()) {
            Argument word = args.get(f.nameIndex());
            CommandLineFlag.Form form;
            Optional<String> value = f.value();
            Optional<Origin> valueOrigin;
            switch (f.form()) {
                case EQUALS, SHORTHAND_EQUALS, SHORTHAND_ATTACHED -> {
                    form = CommandLineFlag.Form.EQUALS;
                    valueOrigin = Optional.of(KubeletReader.valueInWord(word, word.text().length() - value.orElse("").length()));
                }
                case SEPARATE, SHORTHAND_SEPARATE -> {
                    form = CommandLineFlag.Form.SEPARATE;
                    valueOrigin = f.valueOrigin();
                }
                default -> {
                    // IMPLICIT (a boolean written bare) and MISSING_VALUE: no value written
                    form = CommandLineFlag.Form.BARE;
                    value = Optional.empty();
                    valueOrigin = Optional.empty();
                }
            }
            if (form != CommandLineFlag.Form.BARE && value.isEmpty()) {
                form = CommandLineFlag.Form.BARE;
                valueOrigin = Optional.empty();
            }
            flags.add(new CommandLineFlag(name.apply(f.name()), word.text(), value, form, word.origin(), valueOrigin,
                    variableOf(line, f.nameIndex())));
        }
        List<StrayArgument> stray = new ArrayList<>();
        for (Positional p : parsed.positionals()) {
            stray.add(new StrayArgument(p.argument().text(), p.argument().origin(), variableOf(line, p.index())));
        }
        return new CommandLineFlags(flags, stray, problems);
    }

    private static Optional<String> variableOf(CommandLine line, int argumentIndex) {
        if (argumentIndex < 0 || argumentIndex + 1 >= line.argv().size()) {
            return Optional.empty();
        }
        ArgWord w = line.wordOf(argumentIndex);
        return w.variables().isEmpty() ? Optional.empty() : Optional.of(w.variables().get(0));
    }
}
