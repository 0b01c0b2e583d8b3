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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private static final Map<String, Reading> WORDS_11 = words(TRUE_11, FALSE_11);
    private static final Map<String, Reading> WORDS_12 = words(TRUE_12, FALSE_12);
    // the YAML 1.1 booleans that YAML 1.2 reads as strings: the only words whose readings differ
    private static final Set<String> WORDS_11_ONLY = Set.of("y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
            "n", "N", "no", "No", "NO", "off", "Off", "OFF");
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
        if (readsTheSame(text)) {
            return Optional.empty();
        }
        return slowAmbiguity(text);
    }

    /** {@link #ambiguity} without the pre-checks: both readings computed and compared (tests compare the two). */
    static Optional<Ambiguity> slowAmbiguity(String text) {
        Reading r11 = yaml11(text);
        Reading r12 = yaml12(text);
        return same(r11, r12) ? Optional.empty() : Optional.of(new Ambiguity(text, r11, r12));
    }

    /**
     * Whether both readings agree, decided from the characters alone for the common shapes (every
     * scalar of a file goes through here, and the readings cost set look-ups, regexes and
     * BigIntegers). False means "not decided here", not "ambiguous".
     *
     * <ul>
     * <li>Text starting with an ASCII letter: only the word sets can make it something other than the
     * string (numbers start with a digit, a sign or a dot); the YAML 1.2 words ({@code true},
     * {@code null}, ...) mean the same in 1.1, so only the 1.1-only words are left to compute.</li>
     * <li>Text starting with another ASCII character that is not a digit, sign or dot: a string for
     * both, except {@code ~} (null for both).</li>
     * <li>A decimal integer without a leading zero, of at most 18 digits: the same integer for both
     * (Go's base-0 {@code ParseInt} only gives a leading {@code 0} another meaning).</li>
     * <li>Text with a printable ASCII character no number of either reading can contain (such as
     * {@code s} in {@code 10s}, {@code M} in {@code 100Mi}, {@code %}, {@code /}) and none of the
     * infinity or NaN words: a string for both. Spaces, control and non-ASCII characters (Java's
     * number parsers accept some of them) are left to the readings.</li>
     * <li>Text with two or more dots, such as an IPv4 address: a string for both.</li>
     * </ul>
     */
    static boolean readsTheSame(String text) {
        int n = text.length();
        if (n == 0) {
            return false;
        }
        char c = text.charAt(0);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return n > 3 || !WORDS_11_ONLY.contains(text); // the longest of those words has three letters
        }
        if (c >= 0x80) {
            return false;
        }
        if (!((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
            return true;
        }
        return decimalInteger(text) || noNumber(text);
    }

    /**
     * Whether neither reading can be a number, for text that starts like one: it has a printable
     * ASCII character no number contains and is none of the infinity or NaN words, or it has two
     * decimal points. Both readings are then the string itself.
     */
    private static boolean noNumber(String text) {
        int n = text.length();
        int dots = 0;
        for (int i = 0; i < n; i++) {
            char d = text.charAt(i);
            if (d > ' ' && d < 0x7f && !numberChar(d)) {
                return !(INF.contains(text) || NEG_INF.contains(text) || NAN.contains(text));
            }
            if (d == '.') {
                dots++;
            }
        }
        // no number of either reading (nor Java's parseDouble) has two decimal points: 10.96.0.10
        return dots > 1;
    }

    /**
     * Whether the YAML 1.1 reading of {@code text} leaves the scalar as it is, decided without
     * computing the reading for the most common cases: text that is no word and cannot start a
     * number or has characters no number has (the reading is the string itself), and a small decimal
     * integer the codec already read as that integer.
     */
    private static boolean keepsItsType(ConfigScalar s, String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        if (!(Character.isDigit(c) || c == '+' || c == '-' || c == '.')) {
            return !WORDS_11.containsKey(text);
        }
        if (decimalInteger(text)) {
            return s instanceof ConfigInteger x && x.value().bitLength() < 64 && x.value().longValue() == Long.parseLong(text);
        }
        return noNumber(text); // 10s, 512Mi, 10.96.0.10: the string, whatever the codec made of it
    }

    /** {@code [+-]?(0|[1-9][0-9]{0,17})}: small enough for both readings to be the same exact integer. */
    private static boolean decimalInteger(String text) {
        int n = text.length();
        int i = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        int digits = n - i;
        if (digits < 1 || digits > 18 || (digits > 1 && text.charAt(i) == '0')) {
            return false;
        }
        for (; i < n; i++) {
            char d = text.charAt(i);
            if (d < '0' || d > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A printable ASCII character that can occur in a number of either reading: digits, hexadecimal
     * letters (which include the exponent {@code e} and Java's {@code d}/{@code f} suffixes),
     * radix prefixes, {@code _} (go-yaml v2 drops it), signs and the decimal point.
     */
    private static boolean numberChar(char d) {
        return (d >= '0' && d <= '9') || (d >= 'a' && d <= 'f') || (d >= 'A' && d <= 'F')
                || d == 'x' || d == 'X' || d == 'o' || d == 'O' || d == '_' || d == '.' || d == '+' || d == '-';
    }

    /** The kubelet's reading (go-yaml v2) of a plain scalar. */
    static Reading yaml11(String s) {
        Reading word = WORDS_11.get(s);
        if (word != null) {
            return word;
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
        Reading word = WORDS_12.get(s);
        if (word != null) {
            return word;
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

    /**
     * Every word a reader gives a meaning of its own, with that meaning: one look-up instead of one
     * per set (the sets are disjoint). Readings are immutable values, so one instance serves all.
     */
    private static Map<String, Reading> words(Set<String> trueWords, Set<String> falseWords) {
        Map<String, Reading> out = new HashMap<>();
        trueWords.forEach(w -> out.put(w, new Bool(true)));
        falseWords.forEach(w -> out.put(w, new Bool(false)));
        NULLS.forEach(w -> out.put(w, new Null()));
        INF.forEach(w -> out.put(w, new Num(".inf", Optional.empty(), Double.POSITIVE_INFINITY)));
        NEG_INF.forEach(w -> out.put(w, new Num("-.inf", Optional.empty(), Double.NEGATIVE_INFINITY)));
        NAN.forEach(w -> out.put(w, new Num(".nan", Optional.empty(), Double.NaN)));
        return Map.copyOf(out);
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

    // Returns v itself when the reading changes nothing below it (the usual case: the codec's typing
    // agrees with YAML 1.1 for true/false and decimal numbers), so an unchanged tree costs no copy. A
    // rebuilt table or array with the same parts would be equal to v, so callers cannot tell.
    private static ConfigValue retype(ConfigValue v, int depth) {
        if (depth > MAX_DEPTH) {
            return v;
        }
        if (v instanceof ConfigTable t) {
            List<ConfigEntry> entries = t.entries();
            ConfigTable.Builder b = null;
            for (int i = 0; i < entries.size(); i++) {
                ConfigEntry e = entries.get(i);
                ConfigValue r = retype(e.value(), depth + 1);
                if (b == null && r != e.value()) {
                    b = ConfigTable.builder(t.origin());
                    for (int j = 0; j < i; j++) {
                        b.put(entries.get(j));
                    }
                }
                if (b != null) {
                    b.put(e.key(), e.keyOrigin(), r);
                }
            }
            return b == null ? t : b.build();
        }
        if (v instanceof ConfigArray a) {
            List<ConfigValue> items = null;
            for (int i = 0; i < a.size(); i++) {
                ConfigValue item = a.items().get(i);
                ConfigValue r = retype(item, depth + 1);
                if (items == null && r != item) {
                    items = new ArrayList<>(a.size());
                    items.addAll(a.items().subList(0, i));
                }
                if (items != null) {
                    items.add(r);
                }
            }
            return items == null ? a : new ConfigArray(a.origin(), items);
        }
        ConfigScalar s = (ConfigScalar) v;
        if (!isPlain(s) || s.raw().isEmpty()) {
            return s;
        }
        String text = s.raw().strip();
        if (keepsItsType(s, text)) {
            return s;
        }
        Reading r = yaml11(text);
        if (r instanceof Bool b) {
            return s instanceof ConfigBoolean x && x.value() == b.value() ? s : new ConfigBoolean(b.value(), s.raw(), s.origin());
        }
        if (r instanceof Null) {
            return s instanceof ConfigNull ? s : new ConfigNull(s.raw(), s.origin());
        }
        if (r instanceof Num n) {
            if (n.integer().isPresent()) {
                return s instanceof ConfigInteger x && x.value().equals(n.integer().get())
                        ? s : new ConfigInteger(n.integer().get(), s.raw(), s.origin());
            }
            return s instanceof ConfigFloat x && Double.compare(x.value(), n.value()) == 0
                    ? s : new ConfigFloat(n.value(), s.raw(), s.origin());
        }
        return s;
    }
}
