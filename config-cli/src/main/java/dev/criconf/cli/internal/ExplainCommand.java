package dev.criconf.cli.internal;

import dev.criconf.cli.Terminal;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleExample;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code criconf explain RULE-ID}. */
@Command(name = "explain",
        header = "Explain a rule: what it checks, why it matters, and an example.",
        descriptionHeading = "%n",
        description = "Prints the rule's title, default severity, rationale, references and a before/after "
                + "example. The rules are the built-in ones plus those registered on the class path.",
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the rule was explained",
            "2:usage error, or no rule has that id (the message lists close ids)"
        },
        footerHeading = "%nExample:%n",
        footer = "  criconf explain syntax-error")
public final class ExplainCommand implements Callable<Integer> {

    private static final int WIDTH = 80;
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "RULE-ID", description = "The rule's id, e.g. syntax-error.")
    String id;

    /** An explain command writing for {@code terminal}. */
    public ExplainCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        RuleSet rules = RuleSet.discover();
        Optional<RuleDescriptor> found = rules.find(id).map(r -> r.descriptor());
        if (found.isEmpty() && id.equals(Validator.INTERNAL_ERROR_ID)) {
            found = Optional.of(Validator.INTERNAL_ERROR);
        }
        if (found.isEmpty()) {
            String close = Suggestions.didYouMean(id, rules.ids());
            throw CliException.usage("no rule has the id '" + id + "'"
                    + (close.isEmpty() ? "; known rules: " + String.join(", ", rules.ids()) : "; " + close), "");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(found.get()));
        out.flush();
        return 0;
    }

    private String render(RuleDescriptor d) {
        StringBuilder b = new StringBuilder();
        b.append(bold(d.id() + ": " + d.title())).append('\n');
        b.append("Default severity: ").append(d.defaultSeverity().word())
                .append(d.fixable() ? " (fixable with criconf fix)" : "").append('\n');
        b.append('\n');
        for (String line : wrap(d.rationale(), WIDTH)) {
            b.append(line).append('\n');
        }
        if (!d.references().isEmpty()) {
            b.append('\n').append(bold("References:")).append('\n');
            for (URI ref : d.references()) {
                b.append("  ").append(ref).append('\n');
            }
        }
        RuleExample e = d.example();
        b.append('\n').append(bold("Example (" + e.file() + "):")).append('\n');
        b.append("  Before:\n");
        indent(b, e.before());
        b.append("  After:\n");
        indent(b, e.after().isBlank() ? "(the file without those lines)\n" : e.after());
        return b.toString();
    }

    private static void indent(StringBuilder b, String text) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : t.split("\r\n|\r|\n", -1)) {
            b.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
    }

    private String bold(String s) {
        return terminal.colour() ? BOLD + s + RESET : s;
    }

    /** Words joined into lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
