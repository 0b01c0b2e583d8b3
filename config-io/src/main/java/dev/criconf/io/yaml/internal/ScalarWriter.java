package dev.criconf.io.yaml.internal;

import dev.criconf.io.yaml.ScalarStyle;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlValue;
import java.util.Optional;

/**
 * Writes scalars so that every reader gets the intended value back: plain only when both YAML 1.1
 * (the kubelet) and YAML 1.2 read the text as that value, quoted otherwise.
 */
public final class ScalarWriter {

    private ScalarWriter() {}

    /**
     * A scalar as written: the source {@code text}, and the {@code value} and {@code style} the
     * parser will report for it.
     */
    public record Written(String text, String value, ScalarStyle style) {}

    /** Whether a string can be written unquoted and read back as the same string by both schemas. */
    public static boolean plainOk(String s, boolean inFlow) {
        if (s.isEmpty() || s.equals("<<") || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        if (first == ' ' || first == '\t' || last == ' ' || last == '\t' || last == ':') {
            return false;
        }
        if ("-?:".indexOf(first) >= 0) {
            // Allowed before a non-space in block context; in flow context go-yaml v2 (libyaml)
            // is stricter than YAML 1.2 about indicators, so quote there.
            if (inFlow || s.length() < 2 || !isSafePlainChar(s.charAt(1)) || s.charAt(1) == ' ') {
                return false;
            }
        } else if (",[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSafePlainChar(c) || c == '\t' || !pairedIfSurrogate(s, i)) {
                return false;
            }
            if (inFlow && (isFlowIndicator(c) || c == ':')) {
                return false;
            }
            if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == ' ') {
                return false;
            }
            if (c == '#' && i > 0 && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        YamlValue v = YamlValue.of(s);
        return ScalarResolver.resolvePlain(YamlSchema.YAML_1_1_KUBELET, s).equals(v)
                && ScalarResolver.resolvePlain(YamlSchema.YAML_1_2_CORE, s).equals(v);
    }

    private static boolean isFlowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    /** Printable, not a line break (YAML 1.1 also breaks lines at NEL, LS and PS), not a BOM. */
    private static boolean isSafePlainChar(char c) {
        return isPrintable(c) && c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029' && c != '\uFEFF';
    }

    private static boolean isPrintable(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
    }

    /** Whether single quotes can hold the string on one line. */
    public static boolean singleOk(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSafePlainChar(c) || !pairedIfSurrogate(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pairedIfSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }

    public static String singleQuoted(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A double-quoted scalar on one line; anything that is not printable is escaped. */
    public static String doubleQuoted(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\0' -> b.append("\\0");
                case '\u0085' -> b.append("\\N");
                case '\u2028' -> b.append("\\L");
                case '\u2029' -> b.append("\\P");
                default -> {
                    if ((c < 0x20) || (c >= 0x7F && c < 0xA0) || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF'
                            || !pairedIfSurrogate(s, i)) {
                        b.append(c <= 0xFF ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * A literal block scalar ({@code |} or {@code |-}) whose lines are indented by {@code indent},
     * to be followed by a line break; empty when the string needs a form this writer does not
     * produce (several trailing line breaks, a leading space, control characters).
     */
    public static Optional<String> literal(String s, int indent, String eol) {
        int trailing = 0;
        while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        if (trailing > 1 || (trailing == 1 && s.length() == 1)) {
            return Optional.empty();
        }
        String body = s.substring(0, s.length() - trailing);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\n' && (!isSafePlainChar(c) || !pairedIfSurrogate(body, i))) {
                return Optional.empty();
            }
        }
        String[] lines = body.split("\n", -1);
        for (String line : lines) {
            if (!line.isEmpty()) {
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    return Optional.empty();
                }
                break;
            }
        }
        StringBuilder b = new StringBuilder(trailing == 1 ? "|" : "|-");
        if (!body.isEmpty()) {
            for (String line : lines) {
                b.append(eol);
                if (!line.isEmpty()) {
                    b.append(TextLines.spaces(indent)).append(line);
                }
            }
        }
        return Optional.of(b.toString());
    }

    /**
     * A scalar value written in a context without a preferred style: strings plain when that is
     * safe, double quoted otherwise; other scalars in their plain canonical form.
     */
    public static Written scalar(YamlValue v, boolean inFlow) {
        if (v instanceof YamlValue.StringValue s) {
            return plainOk(s.value(), inFlow)
                    ? new Written(s.value(), s.value(), ScalarStyle.PLAIN)
                    : new Written(doubleQuoted(s.value()), s.value(), ScalarStyle.DOUBLE_QUOTED);
        }
        String text = canonical(v);
        return new Written(text, text, ScalarStyle.PLAIN);
    }

    /** The plain form of a non-string scalar that YAML 1.1 and 1.2 both read as that value. */
    public static String canonical(YamlValue v) {
        if (v instanceof YamlValue.NullValue) {
            return "null";
        }
        if (v instanceof YamlValue.BoolValue b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof YamlValue.IntValue i) {
            return i.value().toString();
        }
        if (v instanceof YamlValue.FloatValue f) {
            double d = f.value();
            if (Double.isNaN(d)) {
                return ".nan";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? ".inf" : "-.inf";
            }
            return Double.toString(d);
        }
        throw new IllegalArgumentException("not a non-string scalar: " + v);
    }
}
