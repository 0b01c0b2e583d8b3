package dev.criconf.io.node.internal;

/**
 * Go's {@code path/filepath.Match} for one path component (Unix): {@code *} any run of characters,
 * {@code ?} one character, {@code [...]} a class with ranges and {@code ^} negation, {@code \} escapes
 * the next character. Unlike shells, a leading dot is matched by {@code *}. A malformed pattern
 * matches nothing (Go returns {@code ErrBadPattern}, which {@code filepath.Glob} reports as an error).
 */
final class GoGlob {

    private GoGlob() {}

    /** Whether the text has characters {@code filepath.Glob} treats as a pattern. */
    static boolean hasMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} matches {@code pattern}. */
    static boolean matches(String pattern, String name) {
        return match(pattern, 0, name, 0);
    }

    // Backtracking on '*' only; patterns are one path component, so this stays small.
    private static boolean match(String p, int pi, String s, int si) {
        int starP = -1;
        int starS = -1;
        while (si < s.length()) {
            if (pi < p.length()) {
                char c = p.charAt(pi);
                if (c == '*') {
                    starP = ++pi;
                    starS = si;
                    continue;
                }
                int consumed = single(p, pi, s.charAt(si));
                if (consumed > 0) {
                    pi += consumed;
                    si++;
                    continue;
                }
                if (consumed < 0) {
                    return false;
                }
            }
            if (starP >= 0) {
                pi = starP;
                si = ++starS;
                continue;
            }
            return false;
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /**
     * Matches one non-star pattern element at {@code pi} against {@code c}: the number of pattern
     * characters consumed, 0 for no match, -1 for a malformed pattern.
     */
    private static int single(String p, int pi, char c) {
        char pc = p.charAt(pi);
        if (pc == '?') {
            return 1;
        }
        if (pc == '\\') {
            if (pi + 1 >= p.length()) {
                return -1;
            }
            return p.charAt(pi + 1) == c ? 2 : 0;
        }
        if (pc != '[') {
            return pc == c ? 1 : 0;
        }
        int i = pi + 1;
        boolean negated = false;
        if (i < p.length() && p.charAt(i) == '^') {
            negated = true;
            i++;
        }
        boolean matched = false;
        boolean first = true;
        while (true) {
            if (i >= p.length()) {
                return -1;
            }
            char lo = p.charAt(i);
            if (lo == ']' && !first) {
                i++;
                break;
            }
            first = false;
            if (lo == '\\') {
                if (++i >= p.length()) {
                    return -1;
                }
                lo = p.charAt(i);
            } else if (lo == '-' || lo == ']') {
                return -1;
            }
            i++;
            char hi = lo;
            if (i < p.length() && p.charAt(i) == '-') {
                i++;
                if (i >= p.length()) {
                    return -1;
                }
                hi = p.charAt(i);
                if (hi == '\\') {
                    if (++i >= p.length()) {
                        return -1;
                    }
                    hi = p.charAt(i);
                } else if (hi == ']' || hi == '-') {
                    return -1;
                }
                i++;
            }
            if (lo <= c && c <= hi) {
                matched = true;
            }
        }
        return matched != negated ? i - pi : 0;
    }
}
