package dev.criconf.cli.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The VALUE of {@code criconf set}, typed by its spelling: {@code true} and {@code false} are
 * booleans, {@code 5} and {@code -12} integers, {@code 1.5} and {@code 2e-3} floats, and anything
 * else a string. A value in double quotes ({@code '"5"'} in a shell) is always a string, read with
 * JSON escapes ({@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \u00e9}); one in single
 * quotes ({@code "'5'"}) is the literal text between them. {@code null} is not special: formats
 * differ too much on what it means.
 *
 * <p>Each format takes what it can represent: env files and units hold text only, so there a
 * number or a boolean is written as spelled.
 *
 * @param kind    what the spelling means
 * @param text    the text of a string (quotes removed), or the spelling of a boolean or number
 * @param quoted  whether the user quoted it (a string on purpose)
 */
public record CliValue(Kind kind, String text, boolean quoted) {

    /** What a VALUE means. */
    public enum Kind {
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A decimal integer. */
        INTEGER,
        /** A decimal number with a fraction or an exponent. */
        FLOAT,
        /** Text. */
        STRING
    }

    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(0|[1-9][0-9]*)(\\.[0-9]+([eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)");

    /** Checks the parts. */
    public CliValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Reads a command-line VALUE.
     *
     * @throws CliException (usage) for a double-quoted value with a bad escape
     */
    public static CliValue parse(String arg) {
        if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")) {
            return new CliValue(Kind.STRING, unescape(arg.substring(1, arg.length() - 1), arg), true);
        }
        if (arg.length() >= 2 && arg.startsWith("'") && arg.endsWith("'")) {
            return new CliValue(Kind.STRING, arg.substring(1, arg.length() - 1), true);
        }
        if (arg.equals("true") || arg.equals("false")) {
            return new CliValue(Kind.BOOLEAN, arg, false);
        }
        if (INTEGER.matcher(arg).matches()) {
            return new CliValue(Kind.INTEGER, arg, false);
        }
        if (FLOAT.matcher(arg).matches()) {
            return new CliValue(Kind.FLOAT, arg, false);
        }
        return new CliValue(Kind.STRING, arg, false);
    }

    /** The boolean; only for {@link Kind#BOOLEAN}. */
    public boolean booleanValue() {
        return Boolean.parseBoolean(text);
    }

    /** The integer; only for {@link Kind#INTEGER}. */
    public BigInteger integerValue() {
        return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    }

    /** The number, exactly as spelled; for {@link Kind#INTEGER} and {@link Kind#FLOAT}. */
    public BigDecimal decimalValue() {
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }

    /** A phrase for messages: {@code the boolean true}, {@code the string "5"}. */
    public String describe() {
        switch (kind) {
            case BOOLEAN:
                return "the boolean " + text;
            case INTEGER:
                return "the integer " + text;
            case FLOAT:
                return "the float " + text;
            default:
                return "the string " + JsonText.quote(text);
        }
    }

    private static String unescape(String s, String arg) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw badEscape(arg, "a lone backslash at the end");
            }
            char e = s.charAt(i);
            switch (e) {
                case '"': case '\\': case '/': b.append(e); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    String hex = s.substring(i + 1, Math.min(s.length(), i + 5));
                    if (hex.length() != 4 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        throw badEscape(arg, "\\u needs four hex digits");
                    }
                    b.append((char) Integer.parseInt(hex, 16));
                    i += 4;
                    break;
                default:
                    throw badEscape(arg, "unknown escape \\" + e);
            }
        }
        return b.toString();
    }

    private static CliException badEscape(String arg, String why) {
        return CliException.usage("bad VALUE " + arg + ": " + why,
                "in double quotes, VALUE is read as a JSON string; use single quotes for literal text");
    }
}
