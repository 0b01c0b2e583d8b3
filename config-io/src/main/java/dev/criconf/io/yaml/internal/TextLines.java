package dev.criconf.io.yaml.internal;

/** Small text scans over YAML source: lines, indentation, node properties. */
public final class TextLines {

    private TextLines() {}

    public static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** True when {@code [start, end)} holds a line break: the span covers more than one line. */
    public static boolean hasLineBreak(String text, int start, int end) {
        for (int i = Math.max(0, start), e = Math.min(end, text.length()); i < e; i++) {
            if (isBreak(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the line break ending the line that holds {@code p}, or the text length. */
    public static int lineEnd(String text, int p) {
        int i = Math.max(0, p);
        while (i < text.length() && !isBreak(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Offset where the line holding {@code p} starts. */
    public static int lineStart(String text, int p) {
        int i = Math.min(p, text.length());
        while (i > 0 && !isBreak(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** The offset after the line break at {@code p} (CRLF counts as one), or {@code p} if none is there. */
    public static int afterBreak(String text, int p) {
        if (p < text.length() && text.charAt(p) == '\r') {
            return p + 1 < text.length() && text.charAt(p + 1) == '\n' ? p + 2 : p + 1;
        }
        if (p < text.length() && text.charAt(p) == '\n') {
            return p + 1;
        }
        return p;
    }

    /** Length of the line break that ends just before {@code p}, 0 if none. */
    public static int breakBefore(String text, int p) {
        if (p >= 2 && text.charAt(p - 2) == '\r' && text.charAt(p - 1) == '\n') {
            return 2;
        }
        return p >= 1 && isBreak(text.charAt(p - 1)) ? 1 : 0;
    }

    /**
     * The YAML column of {@code p}: chars since the line start, not counting a byte order mark
     * that opens the line (a BOM is not indentation).
     */
    public static int indentColumn(String text, int p) {
        int ls = lineStart(text, p);
        int col = p - ls;
        if (ls < text.length() && text.charAt(ls) == '\uFEFF' && col > 0) {
            col--;
        }
        return col;
    }

    /** True when only spaces or tabs (or a BOM) stand between the line start and {@code p}. */
    public static boolean onlyIndentBefore(String text, int p) {
        for (int i = lineStart(text, p); i < p; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    /** Number of leading spaces of the line that holds {@code p}. */
    public static int leadingSpaces(String text, int p) {
        int i = lineStart(text, p);
        if (i < text.length() && text.charAt(i) == '\uFEFF') {
            i++;
        }
        int n = 0;
        while (i + n < text.length() && text.charAt(i + n) == ' ') {
            n++;
        }
        return n;
    }

    private static boolean isFlowIndicatorOrSpace(char c) {
        return c == ' ' || c == '\t' || isBreak(c) || c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    /**
     * Skips {@code count} node properties (anchors {@code &a}, tags {@code !t}, {@code !<uri>})
     * starting at {@code p}, and the whitespace and comments after them; never goes past {@code limit}.
     */
    public static int skipProperties(String text, int p, int count, int limit) {
        int i = p;
        int seen = 0;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || isBreak(c)) {
                i++;
            } else if (c == '#' && (i == 0 || " \t\r\n".indexOf(text.charAt(i - 1)) >= 0)) {
                i = lineEnd(text, i);
            } else if (seen < count && c == '&') {
                i++;
                while (i < limit && !isFlowIndicatorOrSpace(text.charAt(i))) {
                    i++;
                }
                seen++;
            } else if (seen < count && c == '!') {
                if (i + 1 < limit && text.charAt(i + 1) == '<') {
                    int close = text.indexOf('>', i);
                    i = close < 0 || close >= limit ? limit : close + 1;
                } else {
                    i++;
                    while (i < limit && !isFlowIndicatorOrSpace(text.charAt(i))) {
                        i++;
                    }
                }
                seen++;
            } else {
                break;
            }
        }
        return Math.min(i, limit);
    }

    /**
     * Where a block scalar's own text ends: the end of its last line holding something other than
     * whitespace (the parser's end mark lies after the trailing blank lines, which a splice keeps).
     */
    public static int blockScalarEnd(String text, int start, int end) {
        int q = end - 1;
        while (q >= start && (text.charAt(q) == ' ' || text.charAt(q) == '\t' || isBreak(text.charAt(q)))) {
            q--;
        }
        if (q < start) {
            return end;
        }
        return Math.min(lineEnd(text, q), end);
    }

    public static String spaces(int n) {
        return " ".repeat(Math.max(0, n));
    }
}
