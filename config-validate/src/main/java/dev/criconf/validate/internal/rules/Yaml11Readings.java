package dev.criconf.validate.internal.rules;

import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an unquoted YAML scalar means to the kubelet and kubeadm, which read YAML 1.1 through
 * sigs.k8s.io/yaml and go-yaml v2, and to a YAML 1.2 core-schema reader (yq, most editors and
 * linters). Works on the text as written ({@link ConfigScalar#raw()}), so it does not matter which
 * schema the codec used to type the tree.
 *
 * <p>Sources: go-yaml v2 {@code resolve.go} (v2.4.0): the boolean words, {@code ParseInt(s, 0, 64)}
 * after removing {@code _} (so {@code 0755} is octal, {@code 0b101} binary), then the float pattern;
 * timestamps stay strings when decoding without a target type. YAML 1.2.2 core schema (10.3.2).
 */
final class Yaml11Readings {

    private static final Set<String> TRUE_11 = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE");
    private static final Set<String> FALSE_11 = Set.of("n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE");
    private static final Set<String> TRUE_12 = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSE_12 = Set.of("false", "False", "FALSE");
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> INF = Set.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF");
    private static final Set<String> NEG_INF = Set.of("-.inf", "-.Inf", "-.INF");
    private static final Set<String> NAN = Set.of(".nan", ".NaN", ".NAN");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INT_12 = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT_12 = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX_12 = Pattern.compile("0x[0-9a-fA-F]+");
    // Beyond this depth trees are left as they are (parsers limit depth far below it).
    private static final int MAX_DEPTH = 1000;

    private Yaml11Readings() {
    }

    /** What a reader makes of a scalar. */
    sealed interface Reading permits Str, Bool, Num, Null {
        /** For messages: {@code the boolean false}, {@code the string "no"}, {@code the number 493}. */
        String describe();
    }

    /** A string. */
    record Str(String value) implements Reading {
        @Override
        public String describe() {
            return "the string \"" + value + "\"";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements Reading {
        @Override
        public String describe() {
            return "the boolean " + value;
        }
    }

    /**
     * A number; {@code text} is its canonical spelling ({@code 493}, {@code 1000.5}, {@code .inf}).
     * {@code integer} is set for integers.
     */
    record Num(String text, Optional<BigInteger> integer, double value) implements Reading {
        @Override
        public String describe() {
            return "the number " + text;
        }
    }

    /** Null. */
    record Null() implements Reading {
        @Override
        public String describe() {
            return "null";
        }
    }

    /** The two readings of an ambiguous scalar. */
    record Ambiguity(String text, Reading yaml11, Reading yaml12) {
    }

    /**
     * Whether the scalar was written plain: not quoted, not a block scalar, no tag, anchor or alias.
     * Only plain scalars are resolved by schema rules.
     */
    static boolean isPlain(ConfigScalar s) {
        String raw = s.raw();
        if (raw.isEmpty()) {
            return !(s instanceof ConfigString);
        }
        char c = raw.charAt(0);
        return c != '"' && c != '\'' && c != '|' && c != '>' && c != '!' && c != '&' && c != '*';
    }

    /** The readings of a plain scalar when YAML 1.1 and 1.2 disagree; empty otherwise. */
    static Optional<Ambiguity> ambiguity(ConfigScalar s) {
        if (!isPlain(s)) {
            return Optional.empty();
        }
        String text = s.raw().strip();
        if (plainWord(text)) {
            return Optional.empty();
        }
        Reading r11 = yaml11(text);
        Reading r12 = yaml12(text);
        return same(r11, r12) ? Optional.empty() : Optional.of(new Ambiguity(text, r11, r12));
    }

    /**
     * Whether both readings are the string itself without computing them (most scalars of a file):
     * text that starts with a letter reads as a number under neither schema (their numbers start with
     * a digit, a sign or a dot), so only the word sets can make it something else.
     */
    private static boolean plainWord(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return false;
        }
        return !(TRUE_11.contains(text) || FALSE_11.contains(text) || TRUE_12.contains(text)
                || FALSE_12.contains(text) || NULLS.contains(text));
    }

    /** The kubelet's reading (go-yaml v2) of a plain scalar. */
    static Reading yaml11(String s) {
        if (TRUE_11.contains(s)) {
            return new Bool(true);
        }
        if (FALSE_11.contains(s)) {
            return new Bool(false);
        }
        Optional<Reading> special = special(s);
        if (special.isPresent()) {
            return special.get();
        }
        char c = s.charAt(0);
        boolean numericHint = Character.isDigit(c) || c == '+' || c == '-' || c == '.';
        if (!numericHint) {
            return new Str(s);
        }
        if (c == '.') {
            return parseDouble(s).orElse(new Str(s));
        }
        String plain = s.replace("_", "");
        Optional<BigInteger> i = goParseInt(plain);
        if (i.isPresent()) {
            return integer(i.get());
        }
        if (FLOAT.matcher(plain).matches()) {
            return parseDouble(plain).orElse(new Str(s));
        }
        return new Str(s);
    }

    /** A YAML 1.2 core-schema reader's reading of a plain scalar. */
    static Reading yaml12(String s) {
        if (TRUE_12.contains(s)) {
            return new Bool(true);
        }
        if (FALSE_12.contains(s)) {
            return new Bool(false);
        }
        Optional<Reading> special = special(s);
        if (special.isPresent()) {
            return special.get();
        }
        if (INT_12.matcher(s).matches()) {
            return integer(new BigInteger(s.startsWith("+") ? s.substring(1) : s));
        }
        if (OCT_12.matcher(s).matches()) {
            return integer(new BigInteger(s.substring(2), 8));
        }
        if (HEX_12.matcher(s).matches()) {
            return integer(new BigInteger(s.substring(2), 16));
        }
        if (FLOAT.matcher(s).matches()) {
            return parseDouble(s).orElse(new Str(s));
        }
        return new Str(s);
    }

    private static Optional<Reading> special(String s) {
        if (NULLS.contains(s)) {
            return Optional.of(new Null());
        }
        if (INF.contains(s)) {
            return Optional.of(new Num(".inf", Optional.empty(), Double.POSITIVE_INFINITY));
        }
        if (NEG_INF.contains(s)) {
            return Optional.of(new Num("-.inf", Optional.empty(), Double.NEGATIVE_INFINITY));
        }
        if (NAN.contains(s)) {
            return Optional.of(new Num(".nan", Optional.empty(), Double.NaN));
        }
        return Optional.empty();
    }

    private static Reading integer(BigInteger v) {
        return new Num(v.toString(), Optional.of(v), v.doubleValue());
    }

    private static Optional<Reading> parseDouble(String s) {
        try {
            double d = Double.parseDouble(s);
            String text = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return Optional.of(new Num(text, Optional.empty(), d));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint(s, 0, 64)} as go-yaml v2 does. */
    static Optional<BigInteger> goParseInt(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        boolean negative = false;
        String t = s;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        int radix = 10;
        String digits = t;
        if (t.length() > 1 && t.charAt(0) == '0') {
            char p = Character.toLowerCase(t.charAt(1));
            if (p == 'x') {
                radix = 16;
                digits = t.substring(2);
            } else if (p == 'o') {
                radix = 8;
                digits = t.substring(2);
            } else if (p == 'b') {
                radix = 2;
                digits = t.substring(2);
            } else {
                radix = 8;
                digits = t.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0) {
                return Optional.empty();
            }
        }
        BigInteger v = new BigInteger(digits, radix);
        if (negative) {
            v = v.negate();
        }
        boolean fitsSigned = v.bitLength() < 64;
        boolean fitsUnsigned = !negative && v.signum() >= 0 && v.bitLength() <= 64;
        return fitsSigned || fitsUnsigned ? Optional.of(v) : Optional.empty();
    }

    private static boolean same(Reading a, Reading b) {
        if (a instanceof Num x && b instanceof Num y) {
            if (Double.isNaN(x.value()) || Double.isNaN(y.value())) {
                return Double.isNaN(x.value()) && Double.isNaN(y.value());
            }
            if (x.integer().isPresent() && y.integer().isPresent()) {
                return x.integer().get().equals(y.integer().get());
            }
            // an integer and a float with the same value reach the kubelet as the same JSON number
            return Double.compare(x.value(), y.value()) == 0;
        }
        return a.equals(b);
    }

    /**
     * The tree as the kubelet types it: every plain scalar re-typed by the YAML 1.1 reading
     * ({@code no} a boolean, {@code 0755} the integer 493), origins and raw text kept.
     */
    static ConfigValue asKubeletReadsIt(ConfigValue v) {
        return retype(v, 0);
    }

    private static ConfigValue retype(ConfigValue v, int depth) {
        if (depth > MAX_DEPTH) {
            return v;
        }
        if (v instanceof ConfigTable t) {
            ConfigTable.Builder b = ConfigTable.builder(t.origin());
            for (ConfigEntry e : t.entries()) {
                b.put(e.key(), e.keyOrigin(), retype(e.value(), depth + 1));
            }
            return b.build();
        }
        if (v instanceof ConfigArray a) {
            List<ConfigValue> items = new ArrayList<>(a.size());
            for (ConfigValue item : a.items()) {
                items.add(retype(item, depth + 1));
            }
            return new ConfigArray(a.origin(), items);
        }
        ConfigScalar s = (ConfigScalar) v;
        if (!isPlain(s) || s.raw().isEmpty()) {
            return s;
        }
        Reading r = yaml11(s.raw().strip());
        if (r instanceof Bool b) {
            return new ConfigBoolean(b.value(), s.raw(), s.origin());
        }
        if (r instanceof Null) {
            return new ConfigNull(s.raw(), s.origin());
        }
        if (r instanceof Num n) {
            return n.integer().<ConfigValue>map(i -> new ConfigInteger(i, s.raw(), s.origin()))
                    .orElseGet(() -> new ConfigFloat(n.value(), s.raw(), s.origin()));
        }
        return s;
    }
}
