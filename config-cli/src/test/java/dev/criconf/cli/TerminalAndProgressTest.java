package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalAndProgressTest {

    @Test
    void colourNeedsATerminalAndNoNoColor() {
        assertTrue(Terminal.of(true, Map.of()).colour());
        assertFalse(Terminal.of(false, Map.of()).colour());
        assertFalse(Terminal.of(true, Map.of("NO_COLOR", "1")).colour());
        assertFalse(Terminal.of(true, Map.of("NO_COLOR", "0")).colour(), "any non-empty value counts");
        assertTrue(Terminal.of(true, Map.of("NO_COLOR", "")).colour(), "an empty NO_COLOR is unset (no-color.org)");
    }

    @Test
    void progressNeedsATerminalButNotColour() {
        assertTrue(Terminal.of(true, Map.of("NO_COLOR", "1")).progress());
        assertFalse(Terminal.NONE.progress());
    }

    @Test
    void detectionInATestRunHasNoConsole() {
        // surefire's forked JVM has no console: output is captured, so no colour and no progress
        Terminal t = Terminal.detect(Map.of());
        assertEquals(System.console() != null, t.interactive());
    }

    @Test
    void progressRewritesOneLineAndClearsIt() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(new Terminal(true, false), new PrintWriter(err), 3)) {
            assertTrue(p.enabled());
            p.step("nodes/a-long-name");
            p.step("nodes/b");
            p.step("nodes/c\u001b[2J");
        }
        String pad = " ".repeat("[1/3] nodes/a-long-name".length() - "[2/3] nodes/b".length());
        assertEquals("\r[1/3] nodes/a-long-name" + "\r[2/3] nodes/b" + pad + "\r[3/3] nodes/c?[2J"
                + "\r" + " ".repeat("[3/3] nodes/c?[2J".length()) + "\r", err.toString());
    }

    @Test
    void progressShortensLongLabels() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(new Terminal(true, false), new PrintWriter(err), 2)) {
            p.step("x".repeat(200));
        }
        String first = err.toString().split("\r")[1];
        assertEquals("[1/2] ..." + "x".repeat(57), first);
    }

    @Test
    void progressIsSilentOffATerminalOrForOneStep() {
        StringWriter err = new StringWriter();
        try (Progress p = Progress.start(Terminal.NONE, new PrintWriter(err), 100)) {
            assertFalse(p.enabled());
            p.step("a");
        }
        try (Progress p = Progress.start(new Terminal(true, false), new PrintWriter(err), 1)) {
            assertFalse(p.enabled());
            p.step("a");
        }
        try (Progress p = Progress.none()) {
            p.step("a");
        }
        assertEquals("", err.toString());
    }
}
