package dev.criconf.io.toml.internal;

import dev.criconf.io.toml.internal.TomlTree.Scalar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Turns validated scalar text into Java values. The lexer has already checked the syntax, so
 * decoding does not check again; it runs only when a value is asked for.
 */
public final class ScalarDecoder {

    private ScalarDecoder() {}

    /** The Java value of a scalar: String, Long, Double, Boolean or a java.time value. */
    public static Object decode(char[] s, Scalar sc) {
        switch (sc.kind) {
            case BASIC_STRING:
                return sc.escapes ? unescape(s, sc.start + 1, sc.end - 1, false) : new String(s, sc.start + 1, sc.end - sc.start - 2);
            case LITERAL_STRING:
                return new String(s, sc.start + 1, sc.end - sc.start - 2);
            case ML_BASIC_STRING:
                return unescape(s, skipFirstNewline(s, sc.start + 3, sc.end - 3), sc.end - 3, true);
            case ML_LITERAL_STRING:
                return normalizeNewlines(s, skipFirstNewline(s, sc.start + 3, sc.end - 3), sc.end - 3);
            case INTEGER:
                return sc.longValue;
            case FLOAT:
                return parseFloat(s, sc.start, sc.end);
            case BOOLEAN:
                return sc.longValue != 0;
            case OFFSET_DATE_TIME: {
                LocalDateTime ldt = LocalDateTime.of(date(s, sc.start), time(s, sc.start + 11));
                return OffsetDateTime.of(ldt, offset(s, sc.end));
            }
            case LOCAL_DATE_TIME:
                return LocalDateTime.of(date(s, sc.start), time(s, sc.start + 11));
            case LOCAL_DATE:
                return date(s, sc.start);
            case LOCAL_TIME:
                return time(s, sc.start);
            default:
                throw new IllegalStateException(sc.kind.name());
        }
    }

    /** A quoted key segment's name ({@code "..."} or {@code '...'} spanning {@code [start, end)}). */
    static String quotedKey(char[] s, int start, int end, boolean escapes) {
        if (s[start] == '"' && escapes) {
            return unescape(s, start + 1, end - 1, false);
        }
        return new String(s, start + 1, end - start - 2);
    }

    private static int skipFirstNewline(char[] s, int from, int to) {
        if (from < to && s[from] == '\n') {
            return from + 1;
        }
        if (from + 1 < to && s[from] == '\r' && s[from + 1] == '\n') {
            return from + 2;
        }
        return from;
    }

    /** Multi-line strings read CRLF as LF, as the TOML spec lets parsers normalise newlines. */
    private static String normalizeNewlines(char[] s, int from, int to) {
        StringBuilder b = null;
        int copied = from;
        for (int i = from; i < to; i++) {
            if (s[i] == '\r' && i + 1 < to && s[i + 1] == '\n') {
                if (b == null) {
                    b = new StringBuilder(to - from);
                }
                b.append(s, copied, i - copied);
                copied = i + 1;
            }
        }
        if (b == null) {
            return new String(s, from, to - from);
        }
        b.append(s, copied, to - copied);
        return b.toString();
    }

    private static String unescape(char[] s, int from, int to, boolean multiline) {
        StringBuilder b = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s[i];
            if (c == '\r' && multiline && i + 1 < to && s[i + 1] == '\n') {
                b.append('\n');
                i += 2;
                continue;
            }
            if (c != '\\') {
                b.append(c);
                i++;
                continue;
            }
            char e = s[i + 1];
            switch (e) {
                case 'b': b.append('\b'); i += 2; break;
                case 't': b.append('\t'); i += 2; break;
                case 'n': b.append('\n'); i += 2; break;
                case 'f': b.append('\f'); i += 2; break;
                case 'r': b.append('\r'); i += 2; break;
                case 'e': b.append('\u001b'); i += 2; break;
                case '"': b.append('"'); i += 2; break;
                case '\\': b.append('\\'); i += 2; break;
                case 'x': b.appendCodePoint(Integer.parseInt(new String(s, i + 2, 2), 16)); i += 4; break;
                case 'u': b.appendCodePoint(Integer.parseInt(new String(s, i + 2, 4), 16)); i += 6; break;
                case 'U': b.appendCodePoint(Integer.parseInt(new String(s, i + 2, 8), 16)); i += 10; break;
                default:
                    // line-ending backslash: drop it and all whitespace and newlines after it
                    i++;
                    while (i < to && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
                        i++;
                    }
            }
        }
        return b.toString();
    }

    /** A TOML float literal spanning {@code [start, end)}, underscores and all. */
    static double parseFloat(char[] s, int start, int end) {
        int i = start;
        boolean negative = s[i] == '-';
        if (s[i] == '+' || s[i] == '-') {
            i++;
        }
        if (end - i == 3 && s[i] == 'i') {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (end - i == 3 && s[i] == 'n') {
            return Double.NaN;
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            if (s[k] != '_') {
                b.append(s[k]);
            }
        }
        return Double.parseDouble(b.toString());
    }

    private static int two(char[] s, int i) {
        return (s[i] - '0') * 10 + (s[i + 1] - '0');
    }

    private static LocalDate date(char[] s, int p) {
        int year = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + two(s, p + 2);
        return LocalDate.of(year, two(s, p + 5), two(s, p + 8));
    }

    private static LocalTime time(char[] s, int p) {
        int hour = two(s, p);
        int minute = two(s, p + 3);
        int second = 0;
        int nanos = 0;
        if (p + 5 < s.length && s[p + 5] == ':') {
            second = two(s, p + 6);
            int i = p + 8;
            if (i < s.length && s[i] == '.') {
                int scale = 100_000_000;
                for (i++; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
                    // digits past nanoseconds are truncated, as the spec asks
                    nanos += (s[i] - '0') * scale;
                    scale /= 10;
                }
            }
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    /** The offset at the end of an offset date-time ending at {@code end}. */
    private static ZoneOffset offset(char[] s, int end) {
        char z = s[end - 1];
        if (z == 'Z' || z == 'z') {
            return ZoneOffset.UTC;
        }
        int p = end - 6;
        int sign = s[p] == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * two(s, p + 1), sign * two(s, p + 4));
    }
}
