package dev.criconf.io.sysctl;

import dev.criconf.model.host.SysctlSettings;

/**
 * Sysctl variable names as systemd-sysctl reads them. Either {@code .} or {@code /} separates the
 * parts of a name: if the first separator is a slash, the name is a path and dots stay dots; if it
 * is a dot, dots and slashes swap. So {@code net.ipv4.ip_forward} and {@code net/ipv4/ip_forward}
 * are the same variable, and {@code net.ipv4.conf.enp3s0/200.forwarding} is
 * {@code /proc/sys/net/ipv4/conf/enp3s0.200/forwarding}.
 *
 * <p>The normal form used throughout this package is the model's
 * ({@link SysctlSettings#normalizeKey}): the dotted one (the path with dots and slashes swapped),
 * because that is how people write and search for these names, or, for the rare path whose first
 * component contains a dot, the path behind a leading slash, the only spelling that reads back as
 * that path. Either way the normal form is a spelling of the same variable:
 * {@code normalize(normalize(k)).equals(normalize(k))} and {@code toPath(normalize(k)).equals(toPath(k))}.
 */
public final class SysctlKeys {

    private SysctlKeys() {}

    /**
     * The normal form of a name as written in a file (without the line's {@code -} prefix and
     * surrounding blanks, which the file parser removes): the same variable always gives the same
     * string. Empty when the name has no parts.
     */
    public static String normalize(String name) {
        return SysctlSettings.normalizeKey(name);
    }

    /**
     * The path of a name below {@code /proc/sys}, as systemd's {@code sysctl_normalize()} computes it:
     * separators resolved, repeated slashes and {@code .} parts dropped, no leading or trailing slash.
     */
    public static String toPath(String name) {
        return SysctlSettings.keyPath(name);
    }

    /** Whether a name is a glob pattern ({@code *}, {@code ?} or {@code [}), as systemd's {@code string_is_glob()}. */
    public static boolean isPattern(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a pattern matches a name, both in any accepted spelling. Matching is done on the
     * {@code /proc/sys} paths the way glob(3) does it: {@code *} and {@code ?} never match a
     * {@code /}, {@code [...]} is a character class ({@code !} or {@code ^} negates it) and a
     * backslash quotes the next character.
     */
    public static boolean matches(String pattern, String name) {
        return globMatch(toPath(pattern), toPath(name));
    }

    // glob(3) matching of /proc/sys paths without recursion: a '*' never matches a '/', so when
    // the text after the last star fails, only that star's match needs to grow (one char at a
    // time, never past a '/'); earlier stars cannot help. At most pattern x name steps, however
    // many stars a pattern (read from a file) has: plain backtracking took exponential time.
    private static boolean globMatch(String p, String s) {
        int pi = 0;
        int si = 0;
        int starP = -1;
        int starS = -1;
        while (pi < p.length() || si < s.length()) {
            if (pi < p.length()) {
                if (p.charAt(pi) == '*') {
                    while (pi < p.length() && p.charAt(pi) == '*') {
                        pi++;
                    }
                    starP = pi;
                    starS = si;
                    continue;
                }
                int next = matchOne(p, pi, s, si);
                if (next >= 0) {
                    pi = next;
                    si++;
                    continue;
                }
            }
            if (starP >= 0 && starS < s.length() && s.charAt(starS) != '/') {
                starS++;
                si = starS;
                pi = starP;
                continue;
            }
            return false;
        }
        return true;
    }

    /** Where the pattern goes on if its element at {@code pi} (not a star) matches char {@code si}; -1 if not. */
    private static int matchOne(String p, int pi, String s, int si) {
        if (si >= s.length()) {
            return -1;
        }
        char c = p.charAt(pi);
        char x = s.charAt(si);
        switch (c) {
            case '?':
                return x == '/' ? -1 : pi + 1;
            case '[': {
                int end = classEnd(p, pi);
                if (end < 0) {
                    // an unclosed '[' is an ordinary character, as in fnmatch(3)
                    return x == '[' ? pi + 1 : -1;
                }
                return x != '/' && classMatches(p, pi + 1, end, x) ? end + 1 : -1;
            }
            case '\\':
                if (pi + 1 < p.length()) {
                    return x == p.charAt(pi + 1) ? pi + 2 : -1; // a backslash quotes the next character
                }
                return x == c ? pi + 1 : -1;
            default:
                return x == c ? pi + 1 : -1;
        }
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1. */
    private static int classEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            i++;
        }
        return i < p.length() ? i : -1;
    }

    private static boolean classMatches(String p, int from, int end, char c) {
        boolean negate = from < end && (p.charAt(from) == '!' || p.charAt(from) == '^');
        int i = negate ? from + 1 : from;
        boolean hit = false;
        boolean first = true;
        while (i < end) {
            char lo = p.charAt(i);
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (i + 2 < end && p.charAt(i + 1) == '-') {
                char hi = p.charAt(i + 2);
                if (c >= lo && c <= hi) {
                    hit = true;
                }
                i += 3;
            } else {
                if (c == lo) {
                    hit = true;
                }
                i++;
            }
        }
        return hit != negate;
    }
}
