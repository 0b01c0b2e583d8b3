package dev.criconf.model.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Splits release numbers such as {@code v1.30.2}, {@code 1.7}, {@code 2.0.0-rc.1},
 * {@code 24.0.7+dfsg1} or Debian's {@code 1.6.20~ds1-1+deb12u3} into numbers. Only a {@code -}
 * directly after the numbers starts a pre-release; {@code +} and {@code ~} start build or packaging
 * metadata, which never affects ordering.
 */
public final class VersionText {

    /** The numbers and pre-release label of a release. */
    public record Parts(int major, int minor, OptionalInt patch, String preRelease) {}

    private VersionText() {}

    /** The parts, or an error message. */
    public static Result parse(String text) {
        String s = text;
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        int[] numbers = new int[3];
        int count = 0;
        int i = 0;
        while (true) {
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return Result.error("expected a number at '" + s.substring(start) + "'");
            }
            if (i - start > 9) {
                return Result.error("number too large: " + s.substring(start, i));
            }
            numbers[count++] = Integer.parseInt(s.substring(start, i));
            if (count == 3 || i >= s.length() || s.charAt(i) != '.') {
                break;
            }
            i++;
        }
        if (count < 2) {
            return Result.error("expected MAJOR.MINOR[.PATCH]");
        }
        String preRelease = "";
        if (i < s.length()) {
            char c = s.charAt(i);
            String rest = s.substring(i + 1);
            if (c == '-') {
                int end = firstOf(rest, '+', '~');
                preRelease = end < 0 ? rest : rest.substring(0, end);
                if (preRelease.isEmpty() || !preRelease.matches("[0-9A-Za-z.-]+")) {
                    return Result.error("bad pre-release label '" + preRelease + "'");
                }
            } else if (c == '+' || c == '~') {
                if (rest.isEmpty()) {
                    return Result.error("empty build metadata");
                }
            } else {
                return Result.error("unexpected '" + s.substring(i) + "' after the version numbers");
            }
        }
        OptionalInt patch = count == 3 ? OptionalInt.of(numbers[2]) : OptionalInt.empty();
        return new Result(Optional.of(new Parts(numbers[0], numbers[1], patch, preRelease)), "");
    }

    private static int firstOf(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** Compares pre-release labels the semver way: none sorts after any; numeric identifiers numerically. */
    public static int comparePreRelease(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isEmpty()) {
            return 1;
        }
        if (b.isEmpty()) {
            return -1;
        }
        String[] x = a.split("\\.", -1);
        String[] y = b.split("\\.", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xn = x[i].matches("[0-9]{1,9}");
            boolean yn = y[i].matches("[0-9]{1,9}");
            int c;
            if (xn && yn) {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } else if (xn) {
                c = -1;
            } else if (yn) {
                c = 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /**
     * Orders two releases: numbers first (a missing patch counts as 0), then pre-release (none is
     * later), then a release that names its patch after one that does not, which keeps the order
     * consistent with equality.
     */
    public static int compare(Parts a, Parts b) {
        int c = Integer.compare(a.major(), b.major());
        if (c == 0) {
            c = Integer.compare(a.minor(), b.minor());
        }
        if (c == 0) {
            c = Integer.compare(a.patch().orElse(0), b.patch().orElse(0));
        }
        if (c == 0) {
            c = comparePreRelease(a.preRelease(), b.preRelease());
        }
        if (c == 0) {
            c = Boolean.compare(a.patch().isPresent(), b.patch().isPresent());
        }
        return c;
    }

    /** {@code 1.30}, {@code 1.30.2} or {@code 1.30.0-rc.1}. */
    public static String format(Parts p) {
        StringBuilder sb = new StringBuilder().append(p.major()).append('.').append(p.minor());
        p.patch().ifPresent(x -> sb.append('.').append(x));
        if (!p.preRelease().isEmpty()) {
            sb.append('-').append(p.preRelease());
        }
        return sb.toString();
    }

    /** Either parts or an error. */
    public record Result(Optional<Parts> parts, String error) {

        static Result error(String message) {
            return new Result(Optional.empty(), message);
        }
    }
}
