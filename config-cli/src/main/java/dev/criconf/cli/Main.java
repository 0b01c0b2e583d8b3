package dev.criconf.cli;

import dev.criconf.cli.internal.CliException;
import dev.criconf.cli.internal.EffectiveCommand;
import dev.criconf.cli.internal.ExplainCommand;
import dev.criconf.cli.internal.FixCommand;
import dev.criconf.cli.internal.GetCommand;
import dev.criconf.cli.internal.LintCommand;
import dev.criconf.cli.internal.SetCommand;
import dev.criconf.cli.internal.Suggestions;
import dev.criconf.model.CriconfException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code criconf} command line: {@code explain}, {@code get}, {@code set}, and, once a
 * {@link NodeSource} is installed, {@code lint}, {@code fix} and {@code effective}.
 *
 * <p>Exit status (CLI.md): 0 success; 1 the command's answer is no (findings at or above
 * {@code --fail-on}, an absent key, an edit that cannot be made); 2 a usage mistake, an input that
 * could not be read, or an internal error. Every failure is one line on standard error,
 * {@code criconf: <message>}; a stack trace only with {@code CRICONF_DEBUG=1}.
 */
@Command(name = "criconf",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        header = "Reads, edits losslessly and cross-checks Kubernetes node configuration.",
        descriptionHeading = "%n",
        description = "containerd, CRI-O, cri-dockerd and Docker, kubelet and kubeadm files. "
                + "Run 'criconf COMMAND --help' for a command's options.",
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success",
            "1:the answer is no: findings at or above --fail-on, an absent key, an edit that cannot be made",
            "2:usage error, an input that could not be read, or an internal error"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  NO_COLOR       set (non-empty) to turn colour off; colour is only used on a terminal",
            "  CRICONF_DEBUG  set to 1 to print stack traces of unexpected errors"
        })
public final class Main implements Callable<Integer> {

    /** The variable that turns on stack traces for unexpected errors. */
    public static final String DEBUG_VARIABLE = "CRICONF_DEBUG";

    /** The commands CLI.md promises that need a {@link NodeSource}. */
    private static final Set<String> LATER_COMMANDS = Set.of("lint", "fix", "effective");

    @Spec
    CommandSpec spec;

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        Map<String, String> env = System.getenv();
        int status = run(args, out, err, env, Terminal.detect(env), NodeSources.installed());
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the command line with the given streams and environment, as if standard output were not
     * a terminal (no colour, no progress); for tests and embedding.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, out, err, env, Terminal.of(false, env), NodeSources.installed());
    }

    /**
     * Runs the command line.
     *
     * @param terminal what output goes to (colour and progress)
     * @param nodes    where {@code lint}, {@code fix} and {@code effective} read nodes; without one
     *                 those commands are not offered
     * @return the exit status
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env,
            Terminal terminal, Optional<NodeSource> nodes) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(env, "env");
        boolean debug = "1".equals(env.get(DEBUG_VARIABLE));
        try {
            CommandLine cl = commandLine(terminal, nodes, args);
            cl.setOut(out);
            cl.setErr(err);
            cl.setParameterExceptionHandler((e, a) -> usageError(e, err, a));
            cl.setExecutionExceptionHandler((e, c, r) -> failure(e, err, debug));
            return cl.execute(args);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // outside a command's execution (parsing, help): the same one-line report
            return failure(e, err, debug);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine(Terminal terminal, Optional<NodeSource> nodes, String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Map<String, Supplier<Object>> commands = subcommands(terminal, nodes);
        Supplier<Object> named = args.length == 0 ? null : commands.get(args[0]);
        if (named != null) {
            // picocli reads a command's annotations (reflection, a parser per command) when it is
            // added: 'criconf lint ...' needs lint's alone; a run whose first word is no command
            // (help, version, a mistake) gets them all, for the command list and suggestions
            cl.addSubcommand(named.get());
        } else {
            commands.values().forEach(c -> cl.addSubcommand(c.get()));
        }
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(terminal.colour() ? Ansi.ON : Ansi.OFF));
        cl.setUsageHelpAutoWidth(false);
        cl.setUsageHelpWidth(100);
        return cl;
    }

    /** The subcommands by name, in the order help lists them; each made only when asked for. */
    static Map<String, Supplier<Object>> subcommands(Terminal terminal, Optional<NodeSource> nodes) {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        nodes.ifPresent(source -> {
            commands.put("lint", () -> new LintCommand(terminal, source));
            commands.put("fix", () -> new FixCommand(terminal, source));
            commands.put("effective", () -> new EffectiveCommand(terminal, source));
        });
        commands.put("explain", () -> new ExplainCommand(terminal));
        commands.put("get", GetCommand::new);
        commands.put("set", SetCommand::new);
        return commands;
    }

    /** {@code criconf} without a command. */
    @Override
    public Integer call() {
        throw CliException.usage("missing command: " + String.join(", ", spec.subcommands().keySet()),
                "see 'criconf --help'");
    }

    private static int usageError(ParameterException e, PrintWriter err, String[] args) {
        CommandLine c = e.getCommandLine();
        CommandSpec spec = c.getCommandSpec();
        String message = oneLine(e.getMessage());
        String hint = "see '" + spec.qualifiedName() + " --help'";
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            List<String> suggestions = u.getSuggestions();
            if (spec.parent() == null && !first.startsWith("-")) {
                boolean later = LATER_COMMANDS.contains(first);
                message = later
                        ? "'" + first + "' is not available in this build yet: the node loader it needs is not wired in"
                        : "unknown command '" + first + "'";
                suggestions = later ? List.of() : Suggestions.closest(first, spec.subcommands().keySet());
            } else if (spec.findOption(first.contains("=") ? first.substring(0, first.indexOf('=')) : first) != null) {
                message = "option " + first + " comes after '--', where every word is an argument";
                hint = "put options before '--'";
                suggestions = List.of();
            }
            if (!suggestions.isEmpty()) {
                message = message + "; did you mean " + Suggestions.orList(suggestions.subList(0,
                        Math.min(3, suggestions.size()))) + "?";
            }
        }
        if (e instanceof CommandLine.MissingParameterException && startsWithDash(args, spec)) {
            hint = "an argument that starts with '-' goes after '--', e.g. criconf set FILE KEY -- -VALUE; " + hint;
        }
        err.println("criconf: " + message + " (" + hint + ")");
        err.flush();
        return CliException.USAGE;
    }

    /** Whether a word before {@code --} starts with a dash but is none of the command's options. */
    private static boolean startsWithDash(String[] args, CommandSpec spec) {
        for (String a : args) {
            if (a.equals("--")) {
                return false;
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (a.startsWith("-") && !a.matches("-[0-9].*") && spec.findOption(name) == null
                    && !spec.subcommands().containsKey(a)) {
                return true;
            }
        }
        return false;
    }

    private static int failure(Throwable e, PrintWriter err, boolean debug) {
        int status;
        String line;
        if (e instanceof CliException x) {
            status = x.exitCode();
            line = oneLine(x.getMessage()) + (x.hint().isEmpty() ? "" : " (" + x.hint() + ")");
        } else if (e instanceof ParameterException p) {
            return usageError(p, err, new String[0]);
        } else if (e instanceof CriconfException || e instanceof UncheckedIOException) {
            // the library's own errors say what is wrong in terms of the input
            status = CliException.USAGE;
            line = oneLine(String.valueOf(e.getMessage()));
        } else {
            status = CliException.USAGE;
            line = "internal error: " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                    + (debug ? "" : "; run with " + DEBUG_VARIABLE + "=1 for the stack trace");
        }
        err.println("criconf: " + line);
        if (debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        err.flush();
        return status;
    }

    /**
     * A message as one printable line: line breaks become blanks, and other control characters
     * (file content quoted in a message could hold terminal escapes) become {@code ?}.
     */
    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.replaceAll("\\s*\\R\\s*", " ").strip();
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            b.append(c < ' ' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0 ? '?' : c);
        }
        return b.toString();
    }

    /** {@code criconf --version}. */
    static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.current().toString()};
        }
    }
}
