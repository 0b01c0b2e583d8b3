package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void versionComesFromTheBuild() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.status(), r::toString);
        assertEquals("criconf " + ToolVersion.current().version() + "\n", r.out());
        assertTrue(ToolVersion.current().version().matches("\\d+\\.\\d+\\.\\d+.*"), ToolVersion.current().version());
        assertEquals("", r.err());
    }

    @Test
    void topLevelHelpListsTheCommandsAndExitStatuses() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("Reads, edits losslessly"), r.out());
        assertTrue(r.out().contains("Usage: criconf [-hV] COMMAND"), r.out());
        for (String c : List.of("explain", "get", "set")) {
            assertTrue(r.out().contains("\n  " + c + " "), c + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("Exit status:"), r.out());
        assertTrue(r.out().contains("NO_COLOR"), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"explain", "get", "set"})
    void everyCommandHasHelp(String command) {
        for (String flag : List.of("--help", "-h")) {
            Cli.Result r = Cli.run(command, flag);
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().contains("Usage: criconf " + command), r.out());
            assertTrue(r.out().contains("Exit status:"), r.out());
            assertEquals("", r.err());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lint", "fix", "effective"})
    void nodeCommandsHaveHelpOnceANodeSourceIsInstalled(String command) {
        Cli.Result r = Cli.run(Terminal.NONE, Optional.of(new SyntaxOnlyNodeSource()), Map.of(), command, "--help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("Usage: criconf " + command), r.out());
        assertTrue(r.out().contains("--root=DIR"), r.out());
    }

    @Test
    void helpShowsTheNodeCommandsOnlyWithANodeSource() {
        assertFalse(Cli.run("--help").out().contains("  lint "));
        Cli.Result r = Cli.run(Terminal.NONE, Optional.of(new SyntaxOnlyNodeSource()), Map.of(), "--help");
        assertTrue(r.out().contains("\n  lint "), r.out());
        assertTrue(r.out().contains("\n  fix "), r.out());
        assertTrue(r.out().contains("\n  effective "), r.out());
    }

    @Test
    void subcommandsAreListedUnderTheNamesTheyDeclare() {
        // a run whose first word is one of these names builds that command alone, found by this name
        Map<String, java.util.function.Supplier<Object>> commands =
                Main.subcommands(Terminal.NONE, Optional.of(new SyntaxOnlyNodeSource()));
        assertEquals(List.of("lint", "fix", "effective", "explain", "get", "set"), List.copyOf(commands.keySet()));
        commands.forEach((name, command) -> assertEquals(name, new CommandLine(command.get()).getCommandName()));
        assertEquals(List.of("explain", "get", "set"), List.copyOf(Main.subcommands(Terminal.NONE, Optional.empty()).keySet()));
    }

    @Test
    void theShippedBuildDoesNotPretendToLint() {
        Cli.Result r = Cli.run("lint", "--root", "/");
        assertUsageError(r);
        assertTrue(r.err().contains("'lint' is not available in this build yet"), r.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run();
        assertUsageError(r);
        assertTrue(r.err().contains("missing command: explain, get, set"), r.err());
    }

    @Test
    void unknownCommandSuggestsCloseOnes() {
        Cli.Result r = Cli.run("gte", "x", "y");
        assertUsageError(r);
        assertTrue(r.err().startsWith("criconf: unknown command 'gte'; did you mean get"), r.err());
        assertTrue(r.err().contains("(see 'criconf --help')"), r.err());
    }

    @Test
    void unknownOptionNamesTheCommand() {
        Cli.Result r = Cli.run("get", "--frobnicate", "a", "b");
        assertUsageError(r);
        assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
        assertTrue(r.err().contains("see 'criconf get --help'"), r.err());
    }

    @Test
    void missingParametersAreOneLine() {
        Cli.Result r = Cli.run("set", "file.toml", "key");
        assertUsageError(r);
        assertTrue(r.err().contains("Missing required parameter: 'VALUE'"), r.err());
    }

    @Test
    void aValueThatLooksLikeAnOptionGetsAHint() {
        Cli.Result r = Cli.run("set", "kubelet.env", "KUBELET_EXTRA_ARGS", "--node-ip=10.0.0.1");
        assertUsageError(r);
        assertTrue(r.err().contains("goes after '--'"), r.err());
    }

    @Test
    void anOptionAfterDoubleDashIsExplained() {
        Cli.Result r = Cli.run("set", "kubelet.env", "KUBELET_EXTRA_ARGS", "--", "--v=2", "--dry-run");
        assertUsageError(r);
        assertTrue(r.err().contains("option --dry-run comes after '--'"), r.err());
    }

    @Test
    void badOptionValuesNameTheAcceptedWords() {
        Cli.Result r = Cli.run("get", "--type", "ini", "a", "b");
        assertUsageError(r);
        assertTrue(r.err().contains("expected toml, yaml, json, env or unit"), r.err());
    }

    @Test
    void controlCharactersInMessagesAreNotPrinted() {
        Cli.Result r = Cli.run("explain", "x\u001b[2J\ny");
        assertUsageError(r);
        assertTrue(r.err().startsWith("criconf: no rule has the id 'x?[2J y'"), r.err());
    }

    @Test
    void theEmbeddingEntryPointHasNoTerminal() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"explain", "syntax-error"}, new PrintWriter(out), new PrintWriter(err),
                Map.of());
        assertEquals(0, status);
        assertFalse(out.toString().contains("\u001b["), "no colour without a terminal");
        assertEquals("", err.toString());
    }

    @Test
    void helpIsColouredOnlyOnATerminalWithoutNoColor() {
        String coloured = Cli.run(new Terminal(true, false), Optional.empty(), Map.of(), "--help").out();
        assertTrue(coloured.contains("\u001b["), coloured);
        String noColor = Cli.run(Terminal.of(true, Map.of("NO_COLOR", "1")), Optional.empty(),
                Map.of("NO_COLOR", "1"), "--help").out();
        assertFalse(noColor.contains("\u001b["), noColor);
    }

    /** Exit 2 and exactly one line on standard error, nothing on standard output, no stack trace. */
    static void assertUsageError(Cli.Result r) {
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("criconf: "), r::toString);
        assertFalse(r.err().contains("\tat "), r::toString);
        assertEquals("", r.out(), r::toString);
    }
}
