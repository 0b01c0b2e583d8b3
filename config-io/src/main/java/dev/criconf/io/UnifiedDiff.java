package dev.criconf.io;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context, the form {@code patch}
 * and {@code git apply} read. Lines keep their own terminators, so a CRLF file diffs as CRLF and a
 * missing final newline is marked as diff(1) marks it.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** The diff, or an empty string when the texts are equal. */
    public static String of(String fromName, String toName, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = diff(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(fromName).append('\n');
        out.append("+++ ").append(toName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while changes are closer than two contexts apart
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end).kind != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            appendHunk(out, ops, start, end);
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Op> ops, int start, int end) {
        int aStart = ops.get(start).aLine;
        int bStart = ops.get(start).bLine;
        int aCount = 0;
        int bCount = 0;
        for (int k = start; k < end; k++) {
            char kind = ops.get(k).kind;
            if (kind != '+') {
                aCount++;
            }
            if (kind != '-') {
                bCount++;
            }
        }
        out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount)).append(" @@\n");
        for (int k = start; k < end; k++) {
            Op op = ops.get(k);
            out.append(op.kind).append(op.text);
            if (!op.text.endsWith("\n")) {
                out.append("\n\\ No newline at end of file\n");
            }
        }
    }

    private static String range(int start, int count) {
        // diff(1) numbers an empty range by the line before it
        return count == 0 ? (start - 1) + ",0" : count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private record Op(char kind, String text, int aLine, int bLine) {}

    /** Longest-common-subsequence diff; configuration files are small enough for O(n*m). */
    private static List<Op> diff(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        // trim the common prefix and suffix first: an edit usually touches a line or two
        int prefix = 0;
        while (prefix < n && prefix < m && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < n - prefix && suffix < m - prefix
                && a.get(n - 1 - suffix).equals(b.get(m - 1 - suffix))) {
            suffix++;
        }
        int an = n - prefix - suffix;
        int bm = m - prefix - suffix;
        int[][] lcs = new int[an + 1][bm + 1];
        for (int x = an - 1; x >= 0; x--) {
            for (int y = bm - 1; y >= 0; y--) {
                lcs[x][y] = a.get(prefix + x).equals(b.get(prefix + y))
                        ? lcs[x + 1][y + 1] + 1
                        : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<Op> ops = new ArrayList<>(n + m);
        for (int k = 0; k < prefix; k++) {
            ops.add(new Op(' ', a.get(k), k + 1, k + 1));
        }
        int x = 0;
        int y = 0;
        while (x < an || y < bm) {
            if (x < an && y < bm && a.get(prefix + x).equals(b.get(prefix + y))) {
                ops.add(new Op(' ', a.get(prefix + x), prefix + x + 1, prefix + y + 1));
                x++;
                y++;
            } else if (x < an && (y == bm || lcs[x + 1][y] >= lcs[x][y + 1])) {
                // deletions first, as diff(1) prints them
                ops.add(new Op('-', a.get(prefix + x), prefix + x + 1, prefix + y + 1));
                x++;
            } else {
                ops.add(new Op('+', b.get(prefix + y), prefix + x + 1, prefix + y + 1));
                y++;
            }
        }
        for (int k = 0; k < suffix; k++) {
            ops.add(new Op(' ', a.get(n - suffix + k), n - suffix + k + 1, m - suffix + k + 1));
        }
        return ops;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
