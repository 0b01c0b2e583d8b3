package dev.criconf.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    @Test
    void oneChangedLineWithContext() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assertEquals("""
                --- a/x
                +++ b/x
                @@ -2,7 +2,7 @@
                 b
                 c
                 d
                -e
                +E
                 f
                 g
                 h
                """, UnifiedDiff.of("a/x", "b/x", before, after));
    }

    @Test
    void newFileAndMissingFinalNewline() {
        assertEquals("""
                --- /dev/null
                +++ b/x
                @@ -0,0 +1,2 @@
                +a
                +b
                \\ No newline at end of file
                """, UnifiedDiff.of("/dev/null", "b/x", "", "a\nb"));
    }

    @Test
    void insertionAtTheEnd() {
        assertEquals("""
                --- a/x
                +++ b/x
                @@ -1,2 +1,3 @@
                 a
                 b
                +c
                """, UnifiedDiff.of("a/x", "b/x", "a\nb\n", "a\nb\nc\n"));
    }

    @Test
    void equalTextsGiveNothing() {
        assertEquals("", UnifiedDiff.of("a", "b", "same\n", "same\n"));
    }
}
