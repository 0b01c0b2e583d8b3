package dev.criconf.io.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical lines of a text, each with the offsets of its content and of its terminator, so
 * line-based formats can rebuild the text byte for byte. LF, CRLF and a lone CR end a line, as in
 * {@link SourceText}; the last line may have no terminator.
 */
public final class PhysicalLines {

    private PhysicalLines() {}

    /**
     * One physical line.
     *
     * @param start      offset of the first character
     * @param contentEnd offset just past the content (where the terminator starts)
     * @param end        offset just past the terminator ({@code == contentEnd} for an unterminated last line)
     */
    public record Line(int start, int contentEnd, int end) {

        public String content(String text) {
            return text.substring(start, contentEnd);
        }

        public String terminator(String text) {
            return text.substring(contentEnd, end);
        }

        public boolean terminated() {
            return end > contentEnd;
        }
    }

    /** Splits a text into lines; an empty text has no lines, a text ending in a terminator has no empty last line. */
    public static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.add(new Line(start, i, i + 1));
                start = i + 1;
            } else if (c == '\r') {
                int end = i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                lines.add(new Line(start, i, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < n) {
            lines.add(new Line(start, n, n));
        }
        return lines;
    }

    /** Whether the character is blank the way systemd's {@code strstrip()} sees it on one line. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** First offset in {@code [from, to)} that is not blank, or {@code to}. */
    public static int skipBlanks(String text, int from, int to) {
        int i = from;
        while (i < to && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Offset just past the last non-blank character in {@code [from, to)}, or {@code from}. */
    public static int trimBlanksEnd(String text, int from, int to) {
        int i = to;
        while (i > from && isBlank(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
