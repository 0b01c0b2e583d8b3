package dev.criconf.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class UnifiedDiffPatchTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals("", UnifiedDiff.of("f", "f", "a\nb\n", "a\nb\n"));
    }

    @Test
    void oneChangedLineWithContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertEquals("--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", UnifiedDiff.of("f", "f", before, after));
    }

    @Test
    void distantChangesGetTheirOwnHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replaceFirst("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");
        assertEquals("--- f\n+++ f\n"
                + "@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                + "@@ -16,5 +16,5 @@\n 16\n 17\n 18\n-19\n+nineteen\n 20\n", UnifiedDiff.of("f", "f", before.toString(), after));
    }

    @Test
    void addedLinesAndMissingFinalNewlines() {
        assertEquals("--- f\n+++ f\n@@ -1 +1,2 @@\n a\n+b\n", UnifiedDiff.of("f", "f", "a\n", "a\nb\n"));
        assertEquals("--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n", UnifiedDiff.of("f", "f", "", "a\n"));
        assertEquals("--- f\n+++ f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n", UnifiedDiff.of("f", "f", "a", "a\n"));
        assertEquals("--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n", UnifiedDiff.of("f", "f", "a\r\nb\r\n", "a\r\nc\r\n"));
    }

    /** Applying the hunks to the old lines gives the new lines. */
    @Property(tries = 500)
    void patchingTheOldTextGivesTheNewOne(@ForAll @Size(max = 15) List<@IntRange(min = 0, max = 3) Integer> a,
            @ForAll @Size(max = 15) List<@IntRange(min = 0, max = 3) Integer> b) {
        String before = text(a);
        String after = text(b);
        String diff = UnifiedDiff.of("f", "f", before, after);
        assertEquals(after, apply(before, diff));
    }

    private static String text(List<Integer> lines) {
        StringBuilder s = new StringBuilder();
        for (int i : lines) {
            s.append("line").append(i).append('\n');
        }
        return s.toString();
    }

    private static String apply(String before, String diff) {
        if (diff.isEmpty()) {
            return before;
        }
        List<String> old = new ArrayList<>(List.of(before.isEmpty() ? new String[0] : before.split("\n", -1)));
        if (!old.isEmpty()) {
            old.remove(old.size() - 1);
        }
        List<String> out = new ArrayList<>();
        int next = 0;
        String[] lines = diff.split("\n");
        for (int i = 2; i < lines.length; i++) {
            String l = lines[i];
            if (l.startsWith("@@")) {
                String range = l.substring(4, l.indexOf(' ', 4));
                int start = Integer.parseInt(range.split(",")[0]);
                int count = range.contains(",") ? Integer.parseInt(range.split(",")[1]) : 1;
                int firstIndex = count == 0 ? start : start - 1;
                while (next < firstIndex) {
                    out.add(old.get(next++));
                }
            } else if (l.startsWith(" ")) {
                assertEquals(old.get(next), l.substring(1));
                out.add(old.get(next++));
            } else if (l.startsWith("-")) {
                assertEquals(old.get(next), l.substring(1));
                next++;
            } else if (l.startsWith("+")) {
                out.add(l.substring(1));
            }
        }
        while (next < old.size()) {
            out.add(old.get(next++));
        }
        StringBuilder s = new StringBuilder();
        for (String l : out) {
            s.append(l).append('\n');
        }
        return s.toString();
    }
}
