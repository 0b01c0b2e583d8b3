package dev.criconf.io.toml.internal;

import dev.criconf.io.EditException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes keys and Java values as TOML text, for edits. Values are the plain Java forms the document
 * hands out ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, java.time values,
 * {@code List}, {@code Map}); see {@link JavaValues#normalize}.
 */
public final class TomlFormatter {

    private TomlFormatter() {}

    /** A key segment: bare when TOML allows it, otherwise a basic string. */
    public static String key(String name) {
        return isBare(name) ? name : basicString(name);
    }

    /** A key segment, quoted with {@code '} when {@code preferLiteral} and a literal string can hold it. */
    public static String key(String name, boolean preferLiteral) {
        if (isBare(name)) {
            return name;
        }
        return preferLiteral && literalCanHold(name) ? "'" + name + "'" : basicString(name);
    }

    static boolean isBare(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!TomlLexer.isBareKeyChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code '...'} can hold the string: no apostrophe, no newline, no control character but tab. */
    public static boolean literalCanHold(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\'' || c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code '''...'''} can hold the string: no {@code '''}, no control character but tab and LF. */
    public static boolean mlLiteralCanHold(String v) {
        if (v.contains("'''") || v.endsWith("'")) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    public static String basicString(String v) {
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                escapeControl(b, c);
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    public static String literalString(String v) {
        return "'" + v + "'";
    }

    /** {@code """..."""}; newlines in the value are written as {@code newline}, the file's line ending. */
    public static String mlBasicString(String v, String newline) {
        StringBuilder b = new StringBuilder(v.length() + 8).append("\"\"\"");
        if (v.startsWith("\n")) {
            b.append(newline); // the newline right after the delimiter is trimmed by readers
        }
        int quotes = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                if (quotes == 2 || i == v.length() - 1) {
                    b.append("\\\"");
                    quotes = 0;
                } else {
                    b.append(c);
                    quotes++;
                }
                continue;
            }
            quotes = 0;
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '\n') {
                b.append(newline);
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                escapeControl(b, c);
            } else {
                b.append(c);
            }
        }
        return b.append("\"\"\"").toString();
    }

    /** {@code '''...'''}; only for values {@link #mlLiteralCanHold} accepts. */
    public static String mlLiteralString(String v, String newline) {
        StringBuilder b = new StringBuilder(v.length() + 8).append("'''");
        if (v.startsWith("\n")) {
            b.append(newline);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n') {
                b.append(newline);
            } else {
                b.append(c);
            }
        }
        return b.append("'''").toString();
    }

    private static void escapeControl(StringBuilder b, char c) {
        switch (c) {
            case '\b': b.append("\\b"); break;
            case '\n': b.append("\\n"); break;
            case '\f': b.append("\\f"); break;
            case '\r': b.append("\\r"); break;
            default: b.append(String.format("\\u%04X", (int) c));
        }
    }

    /** An integer in the given radix (10, 16, 8, 2); other radixes than 10 only for non-negative values. */
    public static String integer(long v, int radix, boolean upperCase) {
        switch (radix) {
            case 16: {
                String h = Long.toHexString(v);
                return "0x" + (upperCase ? h.toUpperCase(java.util.Locale.ROOT) : h);
            }
            case 8:
                return "0o" + Long.toOctalString(v);
            case 2:
                return "0b" + Long.toBinaryString(v);
            default:
                return Long.toString(v);
        }
    }

    public static String floating(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d).replace('E', 'e');
    }

    /** A value on one line: scalars, {@code [a, b]} arrays and {@code { k = v }} inline tables. */
    public static String inline(Object v) {
        StringBuilder b = new StringBuilder();
        appendInline(b, v);
        return b.toString();
    }

    private static void appendInline(StringBuilder b, Object v) {
        if (v instanceof String) {
            b.append(basicString((String) v));
        } else if (v instanceof Long) {
            b.append((long) (Long) v);
        } else if (v instanceof Double) {
            b.append(floating((Double) v));
        } else if (v instanceof Boolean) {
            b.append((boolean) (Boolean) v);
        } else if (v instanceof List) {
            b.append('[');
            Iterator<?> it = ((List<?>) v).iterator();
            while (it.hasNext()) {
                appendInline(b, it.next());
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            b.append(']');
        } else if (v instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) v;
            if (map.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{ ");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                b.append(key((String) e.getKey())).append(" = ");
                appendInline(b, e.getValue());
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            b.append(" }");
        } else {
            b.append(dateTime(v));
        }
    }

    /** A java.time value as a TOML date-time literal. */
    static String dateTime(Object v) {
        if (v instanceof LocalDate) {
            return date((LocalDate) v);
        }
        if (v instanceof LocalTime) {
            return time((LocalTime) v);
        }
        if (v instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) v;
            return date(t.toLocalDate()) + "T" + time(t.toLocalTime());
        }
        if (v instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) v;
            ZoneOffset offset = t.getOffset();
            int total = offset.getTotalSeconds();
            if (total % 60 != 0) {
                throw new EditException("TOML offsets have no seconds: " + offset);
            }
            String zone;
            if (total == 0) {
                zone = "Z";
            } else {
                int minutes = Math.abs(total) / 60;
                zone = (total < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60);
            }
            return date(t.toLocalDate()) + "T" + time(t.toLocalTime()) + zone;
        }
        throw new EditException("cannot write a " + (v == null ? "null" : v.getClass().getName()) + " as TOML");
    }

    private static String date(LocalDate d) {
        if (d.getYear() < 0 || d.getYear() > 9999) {
            throw new EditException("TOML dates have four-digit years: " + d);
        }
        return d.toString();
    }

    private static String time(LocalTime t) {
        StringBuilder b = new StringBuilder(18);
        b.append(two(t.getHour())).append(':').append(two(t.getMinute())).append(':').append(two(t.getSecond()));
        int nanos = t.getNano();
        if (nanos != 0) {
            String f = String.format("%09d", nanos);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(f, 0, end);
        }
        return b.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
