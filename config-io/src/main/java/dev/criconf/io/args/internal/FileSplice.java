package dev.criconf.io.args.internal;

import dev.criconf.io.EditException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replace file chars {@code [start, end)} with {@code text}. */
public record FileSplice(int start, int end, String text) {

    /** Applies disjoint splices; throws when two of them touch the same bytes. */
    public static String apply(String file, List<FileSplice> splices) {
        if (!disjoint(splices)) {
            throw new EditException("overlapping edits");
        }
        List<FileSplice> sorted = sorted(splices);
        StringBuilder sb = new StringBuilder(file);
        for (int i = sorted.size() - 1; i >= 0; i--) {
            FileSplice s = sorted.get(i);
            sb.replace(s.start, s.end, s.text);
        }
        return sb.toString();
    }

    /** Whether no two splices overlap (two insertions at one point, or an insertion at a replaced edge, count as overlap). */
    public static boolean disjoint(List<FileSplice> splices) {
        List<FileSplice> sorted = sorted(splices);
        for (int i = 1; i < sorted.size(); i++) {
            FileSplice prev = sorted.get(i - 1);
            FileSplice cur = sorted.get(i);
            if (cur.start < prev.end || (cur.start == prev.end && (cur.start == cur.end || prev.start == prev.end))) {
                return false;
            }
        }
        return true;
    }

    private static List<FileSplice> sorted(List<FileSplice> splices) {
        List<FileSplice> sorted = new ArrayList<>(splices);
        sorted.sort(Comparator.comparingInt(FileSplice::start).thenComparingInt(FileSplice::end));
        return sorted;
    }
}
