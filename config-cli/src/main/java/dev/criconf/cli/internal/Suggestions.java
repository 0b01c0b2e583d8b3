package dev.criconf.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the known words closest to a mistyped one. */
public final class Suggestions {

    private static final int MAX = 3;

    private Suggestions() {
    }

    /**
     * The candidates close to {@code input}, closest first, at most three: those within an edit
     * distance of about a third of the word's length, and those that contain it or that it
     * contains (a partial id such as {@code cgroup}).
     */
    public static List<String> closest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, in.length() / 3);
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = distance(in, lc);
            boolean related = in.length() >= 3 && (lc.contains(in) || in.contains(lc));
            if (d <= limit || related) {
                scored.add(new Scored(c, related && d > limit ? limit + 1 : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::word));
        List<String> out = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(MAX, scored.size()))) {
            out.add(s.word());
        }
        return out;
    }

    /** {@code did you mean a, b or c?}, or an empty string when nothing is close. */
    public static String didYouMean(String input, Collection<String> candidates) {
        List<String> c = closest(input, candidates);
        if (c.isEmpty()) {
            return "";
        }
        return "did you mean " + orList(c) + "?";
    }

    /** {@code a}, {@code a or b}, {@code a, b or c}. */
    public static String orList(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** Damerau-Levenshtein (optimal string alignment) distance: a swap of two letters counts once. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String word, int score) {
    }
}
