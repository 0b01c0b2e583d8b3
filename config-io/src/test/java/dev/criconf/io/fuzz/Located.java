package dev.criconf.io.fuzz;

import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts origins may point into, by file name, and the check that an origin really points
 * there: its offset and length lie within the text, and its line and column are the ones of its
 * offset. Lines are counted independently of the parsers' own line index (LF, CRLF and a lone CR
 * end a line, as {@link Origin} documents), so a parser that miscounts is caught. Public, in
 * config-io's test-jar, for the fuzz targets of other modules.
 */
public final class Located {

    private final Map<String, int[]> lineStarts = new HashMap<>();
    private final Map<String, Integer> lengths = new HashMap<>();

    /** Registers a file's decoded text; a name registered twice must have the same text. */
    public Located add(String file, String text) {
        Integer known = lengths.get(file);
        if (known != null && known != text.length()) {
            throw new AssertionError(file + " registered twice with different texts");
        }
        lengths.put(file, text.length());
        lineStarts.put(file, lineStarts(text));
        return this;
    }

    public boolean knows(String file) {
        return lengths.containsKey(file);
    }

    /** Checks an origin against the text of its file, which must be registered. */
    public void check(String what, Origin o) {
        if (!knows(o.file())) {
            throw new AssertionError(what + " at " + describe(o) + " names a file that was not read: " + o.file()
                    + " (known: " + lengths.keySet() + ")");
        }
        int length = lengths.get(o.file());
        if ((long) o.offset() + o.length() > length) {
            throw new AssertionError(what + " at " + describe(o) + " ends past the end of the text (" + length + " chars)");
        }
        int[] starts = lineStarts.get(o.file());
        int i = Arrays.binarySearch(starts, o.offset());
        int line = i >= 0 ? i + 1 : -i - 1;
        int column = o.offset() - starts[line - 1] + 1;
        if (o.line() != line || o.column() != column) {
            throw new AssertionError(what + " at " + describe(o) + ": offset " + o.offset() + " is line " + line
                    + " column " + column);
        }
    }

    public void checkAll(String what, List<Problem> problems) {
        for (Problem p : problems) {
            check(what + " problem '" + p.message() + "'", p.origin());
        }
    }

    public static String describe(Origin o) {
        return o + " @" + o.offset() + "+" + o.length();
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
