package dev.criconf.io.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The normal form of sysctl keys against systemd's {@code sysctl_normalize()}, for keys made of
 * separators, dots, blanks, control and ordinary characters (fuzz finding 1 of config-io/FUZZING.md).
 */
class SysctlKeysProperties {

    @Provide
    Arbitrary<String> keys() {
        // separators dominate, so that leading, repeated, "." and ".." components are common
        return Arbitraries.strings().withChars("ab./././ \t\0-*_".toCharArray()).ofMaxLength(14);
    }

    @Property(tries = 3000)
    void normalizingTwiceChangesNothing(@ForAll("keys") String key) {
        String normal = SysctlKeys.normalize(key);
        assertEquals(normal, SysctlKeys.normalize(normal));
    }

    @Property(tries = 3000)
    void theNormalFormNamesTheSamePath(@ForAll("keys") String key) {
        assertEquals(SysctlKeys.toPath(key), SysctlKeys.toPath(SysctlKeys.normalize(key)));
    }

    @Property(tries = 3000)
    void pathsAreSystemdsSysctlNormalize(@ForAll("keys") String key) {
        assertEquals(systemd(key), SysctlKeys.toPath(key));
    }

    @Property(tries = 3000)
    void keysThatNameTheSamePathHaveTheSameNormalForm(@ForAll("keys") String a, @ForAll("keys") String b) {
        // most pairs differ; the property is that the normal form is a function of the path alone
        assertEquals(SysctlKeys.toPath(a).equals(SysctlKeys.toPath(b)), SysctlKeys.normalize(a).equals(SysctlKeys.normalize(b)));
        String path = SysctlKeys.toPath(a);
        assertEquals(SysctlKeys.normalize(a), SysctlKeys.normalize("/" + path));
    }

    /** A key written on a line of a file reads back as its normal form, and both spellings find the line. */
    @Property(tries = 3000)
    void aWrittenKeyIsFoundByItsNormalForm(@ForAll("keys") String key) {
        String k = stripBlanks(key);
        Assume.that(!k.isEmpty() && k.charAt(0) != '-' && !SysctlKeys.normalize(k).isEmpty());
        SysctlFile f = SysctlFile.parse("99-k.conf", k + " = 1\n");
        assertEquals(1, f.entries().size(), f.problems().toString());
        SysctlEntry e = f.entries().get(0);
        assertEquals(k, e.rawKey());
        assertEquals(SysctlKeys.normalize(k), e.key());
        assertEquals(SysctlKeys.toPath(k), e.path());
        assertTrue(f.get(e.key()).isPresent(), "get(key())");
        assertTrue(f.get(e.rawKey()).isPresent(), "get(rawKey())");
        assertTrue(SysctlSettings.of(List.of(f)).effective(e.key()).isPresent(), "effective(key())");
        String normal = e.key();
        if (stripBlanks(normal).equals(normal) && normal.charAt(0) != '-') {
            // a normal form that survives the line parser's trimming, written as a key: the same variable
            assertEquals(normal, SysctlFile.parse("99-k.conf", normal + " = 1\n").entries().get(0).key());
        }
    }

    private static String stripBlanks(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * systemd's {@code sysctl_normalize()} (src/shared/sysctl-util.c) step by step: from the first
     * separator on, if it is a dot, swap dots and slashes; {@code path_simplify()} (repeated slashes,
     * {@code .} components and a trailing slash go, a leading slash stays); drop the leading slash.
     * What is left of "/" or "." names no variable: empty here.
     */
    private static String systemd(String key) {
        char[] s = key.toCharArray();
        int n = nextSeparator(s, 0);
        if (n >= 0 && s[n] == '.') {
            do {
                s[n] = s[n] == '.' ? '/' : '.';
                n = nextSeparator(s, n + 1);
            } while (n >= 0);
        }
        String p = pathSimplify(new String(s));
        if (p.length() > 1 && p.charAt(0) == '/') {
            p = p.substring(1);
        }
        return p.equals("/") || p.equals(".") ? "" : p;
    }

    private static int nextSeparator(char[] s, int from) {
        for (int i = from; i < s.length; i++) {
            if (s[i] == '.' || s[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    private static String pathSimplify(String p) {
        boolean absolute = p.startsWith("/");
        List<String> kept = new ArrayList<>();
        int i = 0;
        while (i <= p.length()) {
            int j = p.indexOf('/', i);
            if (j < 0) {
                j = p.length();
            }
            String part = p.substring(i, j);
            if (!part.isEmpty() && !part.equals(".")) {
                kept.add(part);
            }
            i = j + 1;
        }
        String joined = String.join("/", kept);
        if (absolute) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
