package dev.criconf.io.systemd;

import dev.criconf.io.args.Argument;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The argv a command gets when systemd runs it: its words with environment variables expanded as
 * {@code replace_env_argv()} (src/basic/env-util.c) does it.
 * <ul>
 *   <li>a word that is exactly {@code $NAME} becomes the variable's value split on blanks, with
 *       quotes in the value grouping words and removed; an unset variable gives no word at all, and so
 *       does a word like {@code $NAME/x} whose rest is not a valid name;</li>
 *   <li>elsewhere {@code ${NAME}} is replaced by the value as one piece of the word (an unset one by
 *       nothing, leaving the word, possibly empty), {@code $$} is {@code $}, and any other {@code $}
 *       stays as written ({@code a$B} is not expanded);</li>
 *   <li>nothing is expanded with the {@code :} prefix, and the executable path never is.</li>
 * </ul>
 * Quotes around a word in the unit are gone before this happens, so {@code "$A"} splits like
 * {@code $A} and only {@code ${A}} keeps a value with spaces in one word.
 */
public final class CommandLine {

    private final ExecCommand command;
    private final List<ArgWord> argv;
    private final List<String> unset;
    private final List<String> invalid;

    private CommandLine(ExecCommand command, List<ArgWord> argv, Set<String> unset, Set<String> invalid) {
        this.command = command;
        this.argv = List.copyOf(argv);
        this.unset = List.copyOf(unset);
        this.invalid = List.copyOf(invalid);
    }

    /** Expands a command with an environment. */
    public static CommandLine expand(ExecCommand command, UnitEnvironment env) {
        Objects.requireNonNull(command);
        Objects.requireNonNull(env);
        List<ArgWord> out = new ArrayList<>();
        Set<String> unset = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        boolean expand = !command.has(ExecCommand.Prefix.NO_ENV_EXPANSION);
        for (ExecWord w : command.argv()) {
            String v = w.value();
            if (!expand) {
                out.add(new ArgWord(v, w.origin(), ArgWord.Kind.LITERAL, List.of(), 0, 1, w.origin()));
                continue;
            }
            if (v.startsWith("$") && (v.length() < 2 || (v.charAt(1) != '{' && v.charAt(1) != '$'))) {
                String name = v.substring(1);
                if (!EnvironmentEntry.validName(name)) {
                    invalid.add(name);
                    continue;
                }
                Optional<EnvVariable> var = env.get(name);
                if (var.isEmpty()) {
                    unset.add(name);
                    continue;
                }
                List<Argument> words = var.get().words();
                for (int i = 0; i < words.size(); i++) {
                    Argument a = words.get(i);
                    out.add(new ArgWord(a.text(), a.origin(), ArgWord.Kind.SPLIT, List.of(name), i, words.size(),
                            w.origin()));
                }
                continue;
            }
            List<String> used = new ArrayList<>();
            boolean changed = v.contains("$");
            String text = replaceEnv(v, env, used, unset, invalid);
            out.add(new ArgWord(text, w.origin(), changed ? ArgWord.Kind.EXPANDED : ArgWord.Kind.LITERAL, used, 0, 1,
                    w.origin()));
        }
        return new CommandLine(command, out, unset, invalid);
    }

    /** {@code replace_env_full()} with no flags: {@code ${NAME}} and {@code $$} only. */
    static String replaceEnv(String s, UnitEnvironment env, List<String> used, Set<String> unset, Set<String> invalid) {
        StringBuilder out = new StringBuilder();
        int word = 0;
        int state = 0; // 0 WORD, 1 CURLY, 2 VARIABLE
        for (int e = 0; e < s.length(); e++) {
            char c = s.charAt(e);
            switch (state) {
                case 0:
                    if (c == '$') {
                        state = 1;
                    }
                    break;
                case 1:
                    if (c == '{') {
                        out.append(s, word, e - 1);
                        word = e - 1;
                        state = 2;
                    } else if (c == '$') {
                        out.append(s, word, e);
                        word = e + 1;
                        state = 0;
                    } else {
                        state = 0;
                    }
                    break;
                default:
                    if (c == '}') {
                        String name = s.substring(word + 2, e);
                        used.add(name);
                        if (!EnvironmentEntry.validName(name)) {
                            invalid.add(name);
                        } else {
                            Optional<EnvVariable> var = env.get(name);
                            if (var.isPresent()) {
                                out.append(var.get().value());
                            } else {
                                unset.add(name);
                            }
                        }
                        word = e + 1;
                        state = 0;
                    } else if (c == ':') {
                        // ${A:-b} is not supported in command lines: left as written
                        state = 0;
                    }
                    break;
            }
        }
        out.append(s, word, s.length());
        return out.toString();
    }

    /** The command this argv was expanded from. */
    public ExecCommand command() {
        return command;
    }

    /** The full argv, argv[0] first. */
    public List<ArgWord> argv() {
        return argv;
    }

    /** argv as strings. */
    public List<String> strings() {
        return argv.stream().map(ArgWord::text).toList();
    }

    /** argv[1:] as arguments for a flag parser. */
    public List<Argument> arguments() {
        return argv.stream().skip(1).map(ArgWord::toArgument).toList();
    }

    /** The flags of argv[1:]. */
    public ParsedArgs flags(FlagSpec spec) {
        return ParsedArgs.parse(arguments(), spec);
    }

    /**
     * The argv word behind argument {@code i} of {@link #arguments()} (and so behind the indices of
     * {@link ParsedArgs}), to tell, say, whether a stray positional came from splitting a variable.
     */
    public ArgWord wordOf(int argumentIndex) {
        return argv.get(argumentIndex + 1);
    }

    /** The words a {@code $NAME} split of one variable produced, in order. */
    public List<ArgWord> wordsFrom(String variable) {
        return argv.stream().filter(w -> w.kind() == ArgWord.Kind.SPLIT && w.variables().get(0).equals(variable)).toList();
    }

    /** Variables referenced but not set (their words were dropped, or expanded to nothing). */
    public List<String> unsetVariables() {
        return unset;
    }

    /** {@code $...} words whose rest is not a variable name (dropped, like unset ones). */
    public List<String> invalidVariables() {
        return invalid;
    }

    @Override
    public String toString() {
        return strings().toString();
    }
}
