package dev.criconf.io.yaml.internal;

import dev.criconf.io.yaml.ScalarStyle;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlValue;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives a scalar its type under a {@link YamlSchema}. The YAML 1.1 rules follow go-yaml v2's
 * {@code resolve.go} as vendored by sigs.k8s.io/yaml (the kubelet's decoder); the YAML 1.2 rules
 * are the core schema.
 */
public final class ScalarResolver {

    public static final String TAG_PREFIX = "tag:yaml.org,2002:";

    private ScalarResolver() {}

    private static final YamlValue TRUE = YamlValue.of(true);
    private static final YamlValue FALSE = YamlValue.of(false);
    private static final YamlValue NAN = YamlValue.of(Double.NaN);
    private static final YamlValue INF = YamlValue.of(Double.POSITIVE_INFINITY);
    private static final YamlValue NEG_INF = YamlValue.of(Double.NEGATIVE_INFINITY);

    /**
     * go-yaml v2's fixed words (booleans, nulls, infinities, NaN), or null. A switch rather than
     * an immutable map: this runs for most plain scalars, and the length test settles the longer
     * ones (most keys and values) without hashing them.
     */
    private static YamlValue yaml11Word(String in) {
        int n = in.length();
        if (n > 5) {
            return null;
        }
        if (n == 0) {
            return YamlValue.NULL;
        }
        // by first character, so that no string is hashed
        return switch (in.charAt(0)) {
            case 'y', 'Y' -> n == 1 || in.equals("yes") || in.equals("Yes") || in.equals("YES") ? TRUE : null;
            case 't', 'T' -> in.equals("true") || in.equals("True") || in.equals("TRUE") ? TRUE : null;
            case 'o', 'O' -> in.equals("on") || in.equals("On") || in.equals("ON") ? TRUE
                    : in.equals("off") || in.equals("Off") || in.equals("OFF") ? FALSE : null;
            case 'n', 'N' -> n == 1 || in.equals("no") || in.equals("No") || in.equals("NO") ? FALSE
                    : in.equals("null") || in.equals("Null") || in.equals("NULL") ? YamlValue.NULL : null;
            case 'f', 'F' -> in.equals("false") || in.equals("False") || in.equals("FALSE") ? FALSE : null;
            case '~' -> n == 1 ? YamlValue.NULL : null;
            case '.' -> in.equals(".nan") || in.equals(".NaN") || in.equals(".NAN") ? NAN
                    : in.equals(".inf") || in.equals(".Inf") || in.equals(".INF") ? INF : null;
            case '+' -> in.equals("+.inf") || in.equals("+.Inf") || in.equals("+.INF") ? INF : null;
            case '-' -> in.equals("-.inf") || in.equals("-.Inf") || in.equals("-.INF") ? NEG_INF : null;
            default -> null;
        };
    }

    /** go-yaml v2 {@code yamlStyleFloat}. */
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    /** What Go's {@code strconv.ParseFloat} accepts for a string starting with a dot. */
    private static final Pattern GO_DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");

    private static final Pattern CORE_NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern CORE_BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern CORE_INT10 = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern CORE_INT8 = Pattern.compile("0o[0-7]+");
    private static final Pattern CORE_INT16 = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern CORE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern CORE_INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern CORE_NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    /**
     * The value of a scalar node: untagged plain scalars are resolved by the schema, other
     * untagged scalars and the non-specific tag {@code !} are strings, the core tags
     * ({@code !!str !!int !!float !!bool !!null}) convert when the text allows it, and any other
     * tag keeps the text as a string.
     */
    public static YamlValue resolve(YamlSchema schema, String text, ScalarStyle style, Optional<String> tag) {
        if (tag.isEmpty()) {
            return style == ScalarStyle.PLAIN ? resolvePlain(schema, text) : YamlValue.of(text);
        }
        String t = tag.get();
        if (!t.startsWith(TAG_PREFIX)) {
            return YamlValue.of(text);
        }
        YamlValue implicit = resolvePlain(schema, text);
        switch (t.substring(TAG_PREFIX.length())) {
            case "null":
                return YamlValue.NULL;
            case "bool":
                return implicit instanceof YamlValue.BoolValue ? implicit : YamlValue.of(text);
            case "int":
                return implicit instanceof YamlValue.IntValue ? implicit : YamlValue.of(text);
            case "float":
                if (implicit instanceof YamlValue.IntValue i) {
                    return YamlValue.of(i.value().doubleValue());
                }
                return implicit instanceof YamlValue.FloatValue ? implicit : YamlValue.of(text);
            default:
                return YamlValue.of(text);
        }
    }

    /** The value of an untagged plain scalar. */
    public static YamlValue resolvePlain(YamlSchema schema, String text) {
        return schema == YamlSchema.YAML_1_1_KUBELET ? resolveYaml11(text) : resolveCore(text);
    }

    /** True when the two schemas read the plain text differently. */
    public static boolean ambiguous(String plainText) {
        // Either schema reads anything else than a string only from text starting with one of
        // these characters (or from empty text): the rest is a string for both.
        if (!plainText.isEmpty() && "yYnNtTfFoO~+-.0123456789".indexOf(plainText.charAt(0)) < 0) {
            return false;
        }
        return !resolveYaml11(plainText).equals(resolveCore(plainText));
    }

    static YamlValue resolveCore(String s) {
        if (s.isEmpty()) {
            return YamlValue.NULL;
        }
        // Most plain scalars are words: only these first characters can start a null, a boolean
        // or a number, and after a letter or '~' only the fixed words remain, so no regex runs.
        char c = s.charAt(0);
        if ("~nNtTfF".indexOf(c) >= 0) {
            return switch (s) {
                case "~", "null", "Null", "NULL" -> YamlValue.NULL;
                case "true", "True", "TRUE" -> YamlValue.of(true);
                case "false", "False", "FALSE" -> YamlValue.of(false);
                default -> YamlValue.of(s);
            };
        }
        if ("+-.0123456789".indexOf(c) < 0) {
            return YamlValue.of(s);
        }
        if (CORE_NULL.matcher(s).matches()) {
            return YamlValue.NULL;
        }
        if (CORE_BOOL.matcher(s).matches()) {
            return YamlValue.of(s.charAt(0) == 't' || s.charAt(0) == 'T');
        }
        if (CORE_INT10.matcher(s).matches()) {
            return YamlValue.of(new BigInteger(s.startsWith("+") ? s.substring(1) : s));
        }
        if (CORE_INT8.matcher(s).matches()) {
            return YamlValue.of(new BigInteger(s.substring(2), 8));
        }
        if (CORE_INT16.matcher(s).matches()) {
            return YamlValue.of(new BigInteger(s.substring(2), 16));
        }
        if (CORE_FLOAT.matcher(s).matches()) {
            return YamlValue.of(Double.parseDouble(s));
        }
        if (CORE_INF.matcher(s).matches()) {
            return YamlValue.of(s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (CORE_NAN.matcher(s).matches()) {
            return YamlValue.of(Double.NaN);
        }
        return YamlValue.of(s);
    }

    /** go-yaml v2 {@code resolve("", in)} followed by its decoding into {@code interface{}}. */
    static YamlValue resolveYaml11(String in) {
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint == 0) {
            return YamlValue.of(in);
        }
        YamlValue word = yaml11Word(in);
        if (word != null) {
            return word;
        }
        switch (hint) {
            case '.':
                if (GO_DOT_FLOAT.matcher(in).matches()) {
                    double d = Double.parseDouble(in);
                    // Go reports overflow to infinity as an error; the scalar then stays a string.
                    return Double.isInfinite(d) ? YamlValue.of(in) : YamlValue.of(d);
                }
                return YamlValue.of(in);
            case 'D':
            case 'S':
                return resolveYaml11Number(in);
            default:
                return YamlValue.of(in);
        }
    }

    private static char hint(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        if (c == '.') {
            return '.';
        }
        return 0;
    }

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static YamlValue resolveYaml11Number(String in) {
        long small = plainDecimal(in);
        if (small >= 0) {
            return YamlValue.of(BigInteger.valueOf(small));
        }
        if (!mayBeNumber(in)) {
            return YamlValue.of(in);
        }
        // Timestamps (YYYY-...) decode to strings into interface{}; none of them is a number either.
        String plain = in.replace("_", "");
        GoInt signed = parseGoInt(plain, true);
        if (signed.value != null && signed.value.compareTo(INT64_MIN) >= 0 && signed.value.compareTo(INT64_MAX) <= 0) {
            return YamlValue.of(signed.value);
        }
        GoInt unsigned = parseGoInt(plain, false);
        boolean unsignedRange = false;
        if (unsigned.value != null) {
            if (unsigned.value.compareTo(UINT64_MAX) <= 0) {
                return YamlValue.of(unsigned.value);
            }
            unsignedRange = true;
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double d = Double.parseDouble(plain);
            if (!Double.isInfinite(d)) {
                return YamlValue.of(d);
            }
        }
        // strconv.ParseUint failed with ErrRange: math/big takes the same base-prefixed syntax.
        if (unsignedRange) {
            return YamlValue.of(unsigned.value);
        }
        return YamlValue.of(in);
    }

    /**
     * False when no rule below can read the text as a number: Go's integer syntax (after removing
     * underscores) takes only signs, base prefixes and hex digits, and a float has at most one
     * dot. Settles addresses ({@code 10.96.0.10}), durations ({@code 0s}) and the like at once.
     */
    private static boolean mayBeNumber(String s) {
        int dots = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (++dots > 1) {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                    || c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == '+' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of a plain decimal without sign, underscore or leading zero and short enough for a
     * long (the common case, e.g. {@code 10250}), or -1 for anything else.
     */
    private static long plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 18 || (s.charAt(0) == '0' && n > 1)) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Result of Go's integer syntax with base 0; value null when the syntax is wrong. */
    private record GoInt(BigInteger value) {}

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)} / {@code ParseUint} syntax (without the range check):
     * an optional sign (signed only), then {@code 0x}, {@code 0o}, {@code 0b}, a leading {@code 0}
     * for octal, or decimal digits.
     */
    private static GoInt parseGoInt(String s, boolean signed) {
        int i = 0;
        boolean negative = false;
        if (signed && !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        String digits = body;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = body.substring(2);
            } else {
                radix = 8;
                digits = body.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return new GoInt(null);
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0 || digits.charAt(k) > 'z') {
                return new GoInt(null);
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        return new GoInt(negative ? v.negate() : v);
    }
}
