package dev.criconf.io.node.internal;

import dev.criconf.io.args.ArgIssue;
import dev.criconf.io.args.FlagOccurrence;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.args.Positional;
import dev.criconf.io.systemd.ArgWord;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Problem;
import dev.criconf.model.StrayArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
        List<CommandLineFlag> flags = new ArrayList<>();
        for (FlagOccurrence f : parsed.flags()) {
            CommandLineFlag.Form form;
            Optional<String> value;
            switch (f.form()) {
                case EQUALS, SHORTHAND_EQUALS, SHORTHAND_ATTACHED -> {
                    form = CommandLineFlag.Form.EQUALS;
                    value = f.value();
                }
                case SEPARATE, SHORTHAND_SEPARATE -> {
                    form = CommandLineFlag.Form.SEPARATE;
                    value = f.value();
                }
                default -> {
                    form = CommandLineFlag.Form.BARE;
                    value = Optional.empty();
                }
            }
            if (form != CommandLineFlag.Form.BARE && value.isEmpty()) {
                form = CommandLineFlag.Form.BARE;
            }
            flags.add(new CommandLineFlag(f.name(), f.written(), value, form, f.origin(),
                    form == CommandLineFlag.Form.BARE ? Optional.empty() : f.valueOrigin(), variableOf(line, f.nameIndex())));
        }
        List<StrayArgument> stray = new ArrayList<>();
        for (Positional p : parsed.positionals()) {
            stray.add(new StrayArgument(p.argument().text(), p.argument().origin(), variableOf(line, p.index())));
        }
        List<Problem> problems = new ArrayList<>();
        for (ArgIssue issue : parsed.issues()) {
            if (issue.kind() == ArgIssue.Kind.MISSING_VALUE && parsed.flags().stream()
                    .anyMatch(f -> f.nameIndex() == issue.index() && !known.test(f.name()))) {
                continue;
            }
            problems.add(Problem.syntax(issue.origin(), issue.message()));
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
