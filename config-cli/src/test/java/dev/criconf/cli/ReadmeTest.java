package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README true: its rule table comes from the rule metadata, its lint example from the CLI. */
class ReadmeTest {

    private static final Path README = Path.of("../README.md");
    private static final String START = "<!-- rules:start -->";
    private static final String END = "<!-- rules:end -->";
    private static final String PROMPT = "$ ./criconf ";

    /** The rule table as the README must show it, one row per built-in rule, sorted by id. */
    static String ruleTable() {
        StringBuilder b = new StringBuilder("| rule | default severity | what it finds |\n| --- | --- | --- |\n");
        List<RuleDescriptor> rules = new ArrayList<>(RuleSet.builtIn().descriptors());
        rules.sort(Comparator.comparing(RuleDescriptor::id));
        for (RuleDescriptor d : rules) {
            b.append("| `").append(d.id()).append("` | ").append(d.defaultSeverity().word()).append(" | ")
                    .append(d.title().replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void ruleTableIsGeneratedFromTheRuleMetadata() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md needs " + START + " ... " + END);
        String actual = readme.substring(start + START.length(), end).strip();
        String expected = ruleTable().strip();
        assertEquals(expected, actual, () -> "README.md's rule table is out of date; paste this between the markers:\n\n"
                + expected + "\n");
    }

    @Test
    void lintExampleShowsWhatTheCliPrintsToday() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(PROMPT + "lint ")) {
                at = i;
                break;
            }
        }
        assertTrue(at > 0, "README.md needs a '" + PROMPT + "lint ...' example with its output");
        List<String> shown = new ArrayList<>();
        for (int i = at + 1; !lines.get(i).startsWith("```"); i++) {
            shown.add(lines.get(i));
        }
        // the README runs from the repository root, the test from the module directory
        String[] args = lines.get(at).substring(PROMPT.length()).replace("examples/", "../examples/").split(" ");
        Cli.Result r = ExamplesEndToEndTest.run(args);
        String printed = r.out().replace("../examples/", "examples/");
        assertEquals(String.join("\n", shown) + "\n", printed,
                "README.md's lint example is out of date; the CLI prints:\n" + printed);
        assertEquals(1, r.status(), r::toString);
        assertTrue(lines.get(0).equals("# criconf") && lines.get(3).equals(
                "./criconf lint --root examples/broken-cgroup-driver   # lint a node's config tree (needs only a JDK 17+ and Maven)"),
                "README.md must start with the two set-up commands");
    }
}
