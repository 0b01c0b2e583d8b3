package dev.criconf.cli.internal;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * How {@code criconf get} prints a value, whatever the file's format: a scalar plainly (a string
 * as its text, without quotes; a number in decimal; {@code true}/{@code false}; {@code null}), and
 * a table, mapping, object, array or list as JSON with two-space indentation and the keys in
 * document order (dates and times become strings, non-finite floats the strings {@code inf},
 * {@code -inf}, {@code nan}).
 *
 * <p>Values are the plain Java forms the documents give: {@code String}, {@code Boolean}, a
 * {@code Number}, a java.time value, {@code List}, {@code Map}, or {@code null}.
 */
public final class JsonText {

    private JsonText() {
    }

    /** A value as {@code get} prints it (without a final newline). */
    public static String show(Object value) {
        if (value instanceof Map || value instanceof List) {
            StringBuilder b = new StringBuilder();
            write(b, value, "");
            return b.toString();
        }
        return scalar(value);
    }

    /** A scalar's plain text. */
    public static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return floatText(d);
        }
        if (value instanceof Float f) {
            return floatText(f.doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return d.toString();
        }
        return value.toString();
    }

    /** A string as a JSON string literal. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\b': b.append("\\b"); break;
                case '\f': b.append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            String inner = indent + "  ";
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(inner).append(quote(String.valueOf(e.getKey()))).append(": ");
                write(b, e.getValue(), inner);
                b.append(++i < m.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < l.size(); i++) {
                b.append(inner);
                write(b, l.get(i), inner);
                b.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            b.append(indent).append(']');
        } else if (v == null || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            b.append(Double.isFinite(d) ? floatText(d) : quote(floatText(d)));
        } else if (v instanceof Number) {
            b.append(scalar(v));
        } else if (v instanceof String s) {
            b.append(quote(s));
        } else if (v instanceof TemporalAccessor) {
            b.append(quote(v.toString()));
        } else {
            b.append(quote(String.valueOf(v)));
        }
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return Double.toString(d).replace('E', 'e');
    }
}
