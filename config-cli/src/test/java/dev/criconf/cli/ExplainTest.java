package dev.criconf.cli;

import static dev.criconf.cli.MainTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleSet;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExplainTest {

    @Test
    void explainsSyntaxError() {
        Cli.Result r = Cli.run("explain", "syntax-error");
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.err());
        RuleDescriptor d = RuleSet.builtIn().find("syntax-error").orElseThrow().descriptor();
        assertTrue(r.out().startsWith("syntax-error: " + d.title() + "\nDefault severity: error\n\n"), r.out());
        assertTrue(r.out().contains("\nReferences:\n  https://toml.io/en/v1.0.0\n"), r.out());
        assertTrue(r.out().contains("\nExample (etc/containerd/config.toml):\n  Before:\n    version = 2\n"
                + "    [plugins.\"io.containerd.grpc.v1.cri\"\n"), r.out());
        assertTrue(r.out().contains("  After:\n    version = 2\n    [plugins.\"io.containerd.grpc.v1.cri\"]\n"), r.out());
        String rationale = r.out().substring(r.out().indexOf("\n\n") + 2, r.out().indexOf("\n\nReferences:"));
        for (String line : rationale.split("\n")) {
            assertTrue(line.length() <= 80, "wrapped at 80 columns: " + line);
        }
        assertTrue(rationale.split("\n").length > 3, rationale);
    }

    @TestFactory
    Iterable<DynamicTest> explainsEveryDiscoveredRuleCompletely() {
        return RuleSet.discover().descriptors().stream().map(d -> DynamicTest.dynamicTest(d.id(), () -> {
            Cli.Result r = Cli.run("explain", d.id());
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().startsWith(d.id() + ": " + d.title() + "\n"), r.out());
            assertTrue(r.out().contains("Default severity: " + d.defaultSeverity().word()), r.out());
            String words = r.out().replaceAll("\\s+", " ");
            assertTrue(words.contains(d.rationale().replaceAll("\\s+", " ").strip()), "the whole rationale: " + r.out());
            for (URI ref : d.references()) {
                assertTrue(r.out().contains("  " + ref + "\n"), r.out());
            }
            for (String line : d.example().before().split("\n")) {
                assertTrue(r.out().contains(line), line);
            }
            assertEquals(d.fixable(), r.out().contains("fixable with criconf fix"), r.out());
        })).toList();
    }

    @Test
    void explainsDuplicateKey() {
        Cli.Result r = Cli.run("explain", "duplicate-key");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("duplicate-key: "), r.out());
        assertTrue(r.out().contains("Example (etc/crio/crio.conf):"), r.out());
    }

    @Test
    void explainsTheInternalErrorFindingsToo() {
        Cli.Result r = Cli.run("explain", "internal-error");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("internal-error: A rule failed while checking this node\n"), r.out());
    }

    @Test
    void unknownIdSuggestsCloseIds() {
        Cli.Result r = Cli.run("explain", "syntax-eror");
        assertUsageError(r);
        assertEquals("criconf: no rule has the id 'syntax-eror'; did you mean syntax-error?\n", r.err());
        Cli.Result partial = Cli.run("explain", "duplicate");
        assertUsageError(partial);
        assertTrue(partial.err().contains("did you mean duplicate-key?"), partial.err());
    }

    @Test
    void unknownIdWithNothingCloseListsTheRules() {
        Cli.Result r = Cli.run("explain", "zzzzzzzzzzzz");
        assertUsageError(r);
        assertTrue(r.err().startsWith("criconf: no rule has the id 'zzzzzzzzzzzz'; known rules: "), r.err());
        for (String id : RuleSet.discover().ids()) {
            assertTrue(r.err().contains(id), id + " in " + r.err());
        }
    }

    @Test
    void titlesAreBoldOnlyOnAColourTerminal() {
        Cli.Result coloured = Cli.run(new Terminal(true, false), Optional.empty(), Map.of(), "explain", "syntax-error");
        assertTrue(coloured.out().startsWith("\u001b[1msyntax-error: "), coloured.out());
        Cli.Result plain = Cli.run(new Terminal(true, true), Optional.empty(), Map.of("NO_COLOR", "1"),
                "explain", "syntax-error");
        assertFalse(plain.out().contains("\u001b"), plain.out());
    }
}
