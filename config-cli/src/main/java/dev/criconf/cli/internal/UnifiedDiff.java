package dev.criconf.cli.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} writes it, for {@code fix --dry-run}. Lines keep
 * their line breaks; a last line without one is marked {@code \ No newline at end of file}. Fixes
 * change a few lines of a file, so the common start and end are trimmed before a plain
 * longest-common-subsequence table is built over what is left.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff, or an empty string when the texts are equal. */
    static String of(String name, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = diff(a, b);
        if (ops.stream().allMatch(o -> o.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        // the file's own name on both lines, as 'diff -u old new' of the file in place: patch -p0 applies it
        out.append("--- ").append(name).append('\n').append("+++ ").append(name).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are within 2 * CONTEXT lines of each other
            int j = i;
            while (j < ops.size()) {
                if (ops.get(j).kind != ' ') {
                    end = j;
                    j++;
                } else {
                    int k = j;
                    while (k < ops.size() && ops.get(k).kind == ' ') {
                        k++;
                    }
                    if (k < ops.size() && k - j <= 2 * CONTEXT) {
                        j = k;
                    } else {
                        break;
                    }
                }
            }
            int stop = Math.min(ops.size(), end + 1 + CONTEXT);
            hunk(out, ops, start, stop);
            i = stop;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Op> ops, int start, int stop) {
        int aStart = ops.get(start).aLine;
        int bStart = ops.get(start).bLine;
        int aCount = 0;
        int bCount = 0;
        for (int k = start; k < stop; k++) {
            if (ops.get(k).kind != '+') {
                aCount++;
            }
            if (ops.get(k).kind != '-') {
                bCount++;
            }
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (int k = start; k < stop; k++) {
            Op o = ops.get(k);
            String text = o.text;
            boolean eol = text.endsWith("\n") || text.endsWith("\r");
            // the line's own break goes, the diff's '\n' comes; a CRLF line keeps its '\r' as diff -u does
            out.append(o.kind).append(eol ? text.substring(0, text.length() - 1) : text).append('\n');
            if (!eol) {
                out.append("\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int firstLine, int count) {
        // diff -u names an empty range by the line before it
        return count == 0 ? (firstLine - 1) + ",0" : count == 1 ? Integer.toString(firstLine) : firstLine + "," + count;
    }

    private static List<Op> diff(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int n = a.size() - prefix - suffix;
        int m = b.size() - prefix - suffix;
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = a.get(prefix + x).equals(b.get(prefix + y))
                        ? lcs[x + 1][y + 1] + 1 : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) {
            ops.add(new Op(' ', a.get(k), k + 1, k + 1));
        }
        int x = 0;
        int y = 0;
        while (x < n || y < m) {
            int ai = prefix + x;
            int bi = prefix + y;
            if (x < n && y < m && a.get(ai).equals(b.get(bi))) {
                ops.add(new Op(' ', a.get(ai), ai + 1, bi + 1));
                x++;
                y++;
            } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                ops.add(new Op('-', a.get(ai), ai + 1, bi + 1));
                x++;
            } else {
                ops.add(new Op('+', b.get(bi), ai + 1, bi + 1));
                y++;
            }
        }
        for (int k = 0; k < suffix; k++) {
            int ai = a.size() - suffix + k;
            int bi = b.size() - suffix + k;
            ops.add(new Op(' ', a.get(ai), ai + 1, bi + 1));
        }
        return ops;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** One line of the edit script; aLine and bLine are the 1-based line numbers it stands at. */
    private record Op(char kind, String text, int aLine, int bLine) {
    }
}
