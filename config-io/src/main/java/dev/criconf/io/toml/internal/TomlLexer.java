package dev.criconf.io.toml.internal;

import dev.criconf.io.toml.internal.TomlTree.Scalar;
import dev.criconf.io.toml.internal.TomlTree.ScalarKind;

/**
 * Token-level scanning over the char array: whitespace, comments, newlines, the four string forms,
 * bare keys and the unquoted atoms (numbers, booleans, date-times). Each method takes the offset
 * where a token starts and returns the offset just past it; bad input is reported through the
 * {@link ProblemSink}, which aborts the current line. One pass, no regular expressions.
 */
final class TomlLexer {

    private static final boolean[] ATOM = new boolean[128];
    private static final boolean[] BARE = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ATOM[c] = true;
            BARE[c] = true;
            ATOM[Character.toUpperCase(c)] = true;
            BARE[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ATOM[c] = true;
            BARE[c] = true;
        }
        ATOM['_'] = ATOM['-'] = ATOM['+'] = ATOM['.'] = ATOM[':'] = true;
        BARE['_'] = BARE['-'] = true;
    }

    final char[] s;
    final int n;
    final boolean v11;
    final ProblemSink sink;
    /** Set by {@link #basicString} and {@link #mlBasicString}: whether the string held an escape. */
    boolean lastEscapes;

    TomlLexer(char[] s, boolean v11, ProblemSink sink) {
        this.s = s;
        this.n = s.length;
        this.v11 = v11;
        this.sink = sink;
    }

    static boolean isBareKeyChar(char c) {
        return c < 128 && BARE[c];
    }

    // ---------------------------------------------------------------- whitespace, comments, newlines

    int ws(int p) {
        while (p < n) {
            char c = s[p];
            if (c != ' ' && c != '\t') {
                break;
            }
            p++;
        }
        return p;
    }

    /** A comment at {@code p} ({@code #}); returns the offset of the newline that ends it, or the end. */
    int comment(int p) {
        int i = p + 1;
        while (i < n) {
            char c = s[i];
            if (c >= 0x20 && c != 0x7f || c == '\t') {
                i++;
                continue;
            }
            if (c == '\n' || c == '\r' && i + 1 < n && s[i + 1] == '\n') {
                return i;
            }
            throw sink.fail(i, 1, "control character " + unicode(c) + " is not allowed in a comment");
        }
        return n;
    }

    /** Whitespace, comments and newlines, as allowed between array items. */
    int trivia(int p) {
        while (p < n) {
            char c = s[p];
            if (c == ' ' || c == '\t' || c == '\n') {
                p++;
            } else if (c == '\r') {
                if (p + 1 < n && s[p + 1] == '\n') {
                    p += 2;
                } else {
                    throw bareCarriageReturn(p);
                }
            } else if (c == '#') {
                p = comment(p);
            } else {
                break;
            }
        }
        return p;
    }

    /**
     * After a statement: optional whitespace and comment, then a newline or the end of the text.
     * Returns the offset of the newline (or the end).
     */
    int contentEnd(int p, String after) {
        p = ws(p);
        if (p < n && s[p] == '#') {
            p = comment(p);
        }
        if (p >= n || s[p] == '\n' || s[p] == '\r' && p + 1 < n && s[p + 1] == '\n') {
            return p;
        }
        if (s[p] == '\r') {
            throw bareCarriageReturn(p);
        }
        throw sink.fail(p, 1, "expected a new line after " + after + ", found " + describe(p));
    }

    /** The offset after the newline at {@code p} (which is a newline or the end of the text). */
    int afterNewline(int p) {
        if (p >= n) {
            return n;
        }
        return s[p] == '\r' ? p + 2 : p + 1;
    }

    ProblemSink.Abort bareCarriageReturn(int p) {
        return sink.fail(p, 1, "carriage return (U+000D) must be followed by a line feed");
    }

    // ---------------------------------------------------------------- keys

    /** A bare key at {@code p}; returns its end (== p when there is none). */
    int bareKey(int p) {
        while (p < n) {
            char c = s[p];
            if (c >= 128 || !BARE[c]) {
                break;
            }
            p++;
        }
        return p;
    }

    // ---------------------------------------------------------------- strings

    /** {@code "..."} at {@code p}; returns the offset after the closing quote. */
    int basicString(int p) {
        int i = p + 1;
        boolean escapes = false;
        while (true) {
            if (i >= n) {
                throw sink.fail(p, 1, "string is not closed: missing `\"` before the end of the file");
            }
            char c = s[i];
            if (c == '"') {
                lastEscapes = escapes;
                return i + 1;
            }
            if (c == '\\') {
                escapes = true;
                i = escape(i, false);
                continue;
            }
            if (c == '\n' || c == '\r') {
                throw sink.fail(p, i - p, "string is not closed: missing `\"` before the end of the line");
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw sink.fail(i, 1, "control character " + unicode(c) + " must be escaped in a string");
            }
            i++;
        }
    }

    /** {@code """..."""} at {@code p}; returns the offset after the closing delimiter. */
    int mlBasicString(int p) {
        int i = p + 3;
        boolean escapes = false;
        while (true) {
            if (i >= n) {
                throw sink.fail(p, 3, "multi-line string is not closed: missing `\"\"\"`");
            }
            char c = s[i];
            if (c == '"') {
                if (i + 2 < n && s[i + 1] == '"' && s[i + 2] == '"') {
                    int q = i + 3;
                    while (q < n && s[q] == '"') {
                        q++;
                    }
                    if (q - i > 5) {
                        throw sink.fail(i + 5, 1, "too many quotes at the end of a multi-line string");
                    }
                    lastEscapes = escapes;
                    return q;
                }
                i++;
            } else if (c == '\\') {
                escapes = true;
                i = escape(i, true);
            } else if (c == '\n') {
                i++;
            } else if (c == '\r') {
                if (i + 1 < n && s[i + 1] == '\n') {
                    i += 2;
                } else {
                    throw bareCarriageReturn(i);
                }
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw sink.fail(i, 1, "control character " + unicode(c) + " must be escaped in a string");
            } else {
                i++;
            }
        }
    }

    /** {@code '...'} at {@code p}. */
    int literalString(int p) {
        int i = p + 1;
        while (true) {
            if (i >= n) {
                throw sink.fail(p, 1, "string is not closed: missing `'` before the end of the file");
            }
            char c = s[i];
            if (c == '\'') {
                return i + 1;
            }
            if (c == '\n' || c == '\r') {
                throw sink.fail(p, i - p, "string is not closed: missing `'` before the end of the line");
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw sink.fail(i, 1, "control character " + unicode(c) + " is not allowed in a literal string");
            }
            i++;
        }
    }

    /** {@code '''...'''} at {@code p}. */
    int mlLiteralString(int p) {
        int i = p + 3;
        while (true) {
            if (i >= n) {
                throw sink.fail(p, 3, "multi-line literal string is not closed: missing `'''`");
            }
            char c = s[i];
            if (c == '\'') {
                if (i + 2 < n && s[i + 1] == '\'' && s[i + 2] == '\'') {
                    int q = i + 3;
                    while (q < n && s[q] == '\'') {
                        q++;
                    }
                    if (q - i > 5) {
                        throw sink.fail(i + 5, 1, "too many quotes at the end of a multi-line literal string");
                    }
                    return q;
                }
                i++;
            } else if (c == '\n') {
                i++;
            } else if (c == '\r') {
                if (i + 1 < n && s[i + 1] == '\n') {
                    i += 2;
                } else {
                    throw bareCarriageReturn(i);
                }
            } else if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw sink.fail(i, 1, "control character " + unicode(c) + " is not allowed in a literal string");
            } else {
                i++;
            }
        }
    }

    /** A backslash escape at {@code i}; returns the offset after it. */
    private int escape(int i, boolean multiline) {
        if (i + 1 >= n) {
            throw sink.fail(i, 1, "incomplete escape sequence at the end of the file");
        }
        char e = s[i + 1];
        switch (e) {
            case 'b': case 't': case 'n': case 'f': case 'r': case '"': case '\\':
                return i + 2;
            case 'e':
                if (v11) {
                    return i + 2;
                }
                throw sink.fail(i, 2, "escape sequence `\\e` needs TOML 1.1");
            case 'x':
                if (!v11) {
                    throw sink.fail(i, 2, "escape sequence `\\x` needs TOML 1.1");
                }
                hex(i, 2);
                return i + 4;
            case 'u':
                hex(i, 4);
                return i + 6;
            case 'U':
                hex(i, 8);
                return i + 10;
            default:
                if (multiline && (e == ' ' || e == '\t' || e == '\n' || e == '\r')) {
                    // line-ending backslash: only whitespace may sit between it and the newline
                    int j = ws(i + 1);
                    if (j < n && (s[j] == '\n' || s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')) {
                        return j;
                    }
                    throw sink.fail(i, j - i, "a line-ending backslash must be followed by a new line");
                }
                throw sink.fail(i, 2, "invalid escape sequence `\\" + printable(e) + "`");
        }
    }

    private void hex(int i, int digits) {
        long cp = 0;
        for (int k = 0; k < digits; k++) {
            int at = i + 2 + k;
            int d = at < n ? Character.digit(s[at], 16) : -1;
            if (d < 0 || s[at] >= 128) {
                throw sink.fail(i, Math.min(2 + digits, n - i), "escape sequence `\\" + s[i + 1] + "` needs "
                        + digits + " hexadecimal digits");
            }
            cp = cp * 16 + d;
        }
        if (cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            throw sink.fail(i, 2 + digits, "escape sequence `" + new String(s, i, 2 + digits)
                    + "` is not a Unicode scalar value");
        }
    }

    // ---------------------------------------------------------------- atoms

    /** A number, boolean or date-time at {@code p}. */
    Scalar atom(int p) {
        int e = p;
        while (e < n && s[e] < 128 && ATOM[s[e]]) {
            e++;
        }
        if (e == p) {
            throw sink.fail(p, 1, "expected a value, found " + describe(p));
        }
        char c = s[p];
        if (e - p == 10 && isDate(p) && e + 3 < n && s[e] == ' ' && digit(e + 1) && digit(e + 2) && s[e + 3] == ':') {
            e++;
            while (e < n && s[e] < 128 && ATOM[s[e]]) {
                e++;
            }
        }
        int len = e - p;
        if (c == 't' && len == 4 && s[p + 1] == 'r' && s[p + 2] == 'u' && s[p + 3] == 'e'
                || c == 'f' && len == 5 && s[p + 1] == 'a' && s[p + 2] == 'l' && s[p + 3] == 's' && s[p + 4] == 'e') {
            return new Scalar(ScalarKind.BOOLEAN, p, e, false, c == 't' ? 1 : 0, 0);
        }
        if (len >= 10 && s[p + 4] == '-' && digit(p)) {
            return dateTime(p, e);
        }
        if (len >= 5 && s[p + 2] == ':' && digit(p)) {
            int end = time(p, e, p, e);
            if (end != e) {
                throw invalidDateTime(p, e, "unexpected text after the time");
            }
            return new Scalar(ScalarKind.LOCAL_TIME, p, e, false, 0, 0);
        }
        return number(p, e);
    }

    private boolean digit(int i) {
        return i < n && s[i] >= '0' && s[i] <= '9';
    }

    private boolean isDate(int p) {
        return digit(p) && digit(p + 1) && digit(p + 2) && digit(p + 3) && s[p + 4] == '-'
                && digit(p + 5) && digit(p + 6) && s[p + 7] == '-' && digit(p + 8) && digit(p + 9);
    }

    private int two(int i) {
        return (s[i] - '0') * 10 + (s[i + 1] - '0');
    }

    private Scalar dateTime(int p, int e) {
        if (e - p < 10 || !isDate(p)) {
            throw invalidDateTime(p, e, "a date is written YYYY-MM-DD");
        }
        int year = (s[p] - '0') * 1000 + (s[p + 1] - '0') * 100 + two(p + 2);
        int month = two(p + 5);
        int day = two(p + 8);
        if (month < 1 || month > 12) {
            throw invalidDateTime(p, e, "month " + month + " is out of range");
        }
        if (day < 1 || day > daysInMonth(year, month)) {
            throw invalidDateTime(p, e, "day " + day + " is out of range for " + year + "-" + (month < 10 ? "0" : "") + month);
        }
        if (e == p + 10) {
            return new Scalar(ScalarKind.LOCAL_DATE, p, e, false, 0, 0);
        }
        char delim = s[p + 10];
        if (delim != 'T' && delim != 't' && delim != ' ') {
            throw invalidDateTime(p, e, "the date and the time are separated by `T` or a space");
        }
        int i = time(p + 11, e, p, e);
        if (i == e) {
            return new Scalar(ScalarKind.LOCAL_DATE_TIME, p, e, false, 0, 0);
        }
        char z = s[i];
        if ((z == 'Z' || z == 'z') && i + 1 == e) {
            return new Scalar(ScalarKind.OFFSET_DATE_TIME, p, e, false, 0, 0);
        }
        if ((z == '+' || z == '-') && i + 6 == e && digit(i + 1) && digit(i + 2) && s[i + 3] == ':'
                && digit(i + 4) && digit(i + 5)) {
            int minutes = two(i + 1) * 60 + two(i + 4);
            if (two(i + 1) > 23 || two(i + 4) > 59) {
                throw invalidDateTime(p, e, "offset " + new String(s, i, 6) + " is out of range");
            }
            if (minutes > 18 * 60) {
                // java.time (like tomlj) holds offsets up to 18 hours; real zones stay within 14
                throw invalidDateTime(p, e, "offset " + new String(s, i, 6) + " is beyond the supported -18:00..+18:00");
            }
            return new Scalar(ScalarKind.OFFSET_DATE_TIME, p, e, false, 0, 0);
        }
        throw invalidDateTime(p, e, "the offset is `Z` or `+HH:MM` / `-HH:MM`");
    }

    /** {@code HH:MM[:SS[.fff]]} at {@code i} within the token {@code [p, e)}; returns its end. */
    private int time(int i, int e, int p, int tokenEnd) {
        if (i + 5 > e || !digit(i) || !digit(i + 1) || s[i + 2] != ':' || !digit(i + 3) || !digit(i + 4)) {
            throw invalidDateTime(p, tokenEnd, "a time is written HH:MM:SS");
        }
        int hour = two(i);
        int minute = two(i + 3);
        if (hour > 23) {
            throw invalidDateTime(p, tokenEnd, "hour " + hour + " is out of range");
        }
        if (minute > 59) {
            throw invalidDateTime(p, tokenEnd, "minute " + minute + " is out of range");
        }
        int j = i + 5;
        if (j < e && s[j] == ':') {
            if (j + 3 > e || !digit(j + 1) || !digit(j + 2)) {
                throw invalidDateTime(p, tokenEnd, "seconds are written with two digits");
            }
            int second = two(j + 1);
            if (second > 59) {
                throw invalidDateTime(p, tokenEnd, "second " + second + " is out of range");
            }
            j += 3;
            if (j < e && s[j] == '.') {
                int k = j + 1;
                while (k < e && digit(k)) {
                    k++;
                }
                if (k == j + 1) {
                    throw invalidDateTime(p, tokenEnd, "a decimal point in the seconds must be followed by digits");
                }
                j = k;
            }
        } else if (!v11) {
            throw invalidDateTime(p, tokenEnd, "seconds are required in TOML 1.0");
        }
        return j;
    }

    static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    private ProblemSink.Abort invalidDateTime(int p, int e, String why) {
        return sink.fail(p, e - p, "invalid date-time `" + new String(s, p, e - p) + "`: " + why);
    }

    private Scalar number(int p, int e) {
        int i = p;
        char c = s[i];
        boolean negative = c == '-';
        if (c == '+' || c == '-') {
            i++;
        }
        if (i >= e) {
            throw invalidNumber(p, e, "a sign must be followed by digits");
        }
        if (e - i == 3 && (s[i] == 'i' && s[i + 1] == 'n' && s[i + 2] == 'f' || s[i] == 'n' && s[i + 1] == 'a' && s[i + 2] == 'n')) {
            return new Scalar(ScalarKind.FLOAT, p, e, false, 0, 0);
        }
        if (s[i] == '0' && i + 1 < e && (s[i + 1] == 'x' || s[i + 1] == 'o' || s[i + 1] == 'b')) {
            if (i != p) {
                throw invalidNumber(p, e, "hexadecimal, octal and binary integers cannot have a sign");
            }
            int radix = s[i + 1] == 'x' ? 16 : s[i + 1] == 'o' ? 8 : 2;
            return radixInteger(p, e, radix);
        }
        if (!digit(i)) {
            throw invalidNumber(p, e, null);
        }
        if (s[i] == '0' && i + 1 < e && (digit(i + 1) || s[i + 1] == '_')) {
            throw invalidNumber(p, e, "leading zeros are not allowed");
        }
        int intStart = i;
        i = digits(i, e, p);
        int intEnd = i;
        boolean isFloat = false;
        boolean exponent = false;
        if (i < e && s[i] == '.') {
            isFloat = true;
            i++;
            if (!digit(i) || i >= e) {
                throw invalidNumber(p, e, "a decimal point must be followed by digits");
            }
            i = digits(i, e, p);
        }
        if (i < e && (s[i] == 'e' || s[i] == 'E')) {
            isFloat = true;
            exponent = true;
            i++;
            if (i < e && (s[i] == '+' || s[i] == '-')) {
                i++;
            }
            if (i >= e || !digit(i)) {
                throw invalidNumber(p, e, "an exponent must have digits");
            }
            i = digits(i, e, p);
        }
        if (i != e) {
            throw invalidNumber(p, e, null);
        }
        if (isFloat) {
            if ((exponent || intEnd - intStart > 300) && Double.isInfinite(ScalarDecoder.parseFloat(s, p, e))) {
                throw invalidNumber(p, e, "it is too large for a 64-bit float");
            }
            return new Scalar(ScalarKind.FLOAT, p, e, false, 0, 0);
        }
        // accumulate negatively so that Long.MIN_VALUE fits
        long value = 0;
        for (int k = intStart; k < e; k++) {
            char d = s[k];
            if (d == '_') {
                continue;
            }
            int digit = d - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                throw invalidNumber(p, e, "it does not fit in a 64-bit integer");
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw invalidNumber(p, e, "it does not fit in a 64-bit integer");
            }
            value = -value;
        }
        return new Scalar(ScalarKind.INTEGER, p, e, false, value, 10);
    }

    /** Decimal digits with single underscores between digits, from a digit at {@code i}. */
    private int digits(int i, int e, int p) {
        while (i < e) {
            char c = s[i];
            if (c >= '0' && c <= '9') {
                i++;
            } else if (c == '_') {
                if (!digit(i + 1) || i + 1 >= e) {
                    throw invalidNumber(p, e, "an underscore must sit between two digits");
                }
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private Scalar radixInteger(int p, int e, int radix) {
        int i = p + 2;
        if (i >= e) {
            throw invalidNumber(p, e, "digits must follow the prefix");
        }
        long value = 0;
        boolean previousDigit = false;
        for (; i < e; i++) {
            char c = s[i];
            if (c == '_') {
                if (!previousDigit || i + 1 >= e) {
                    throw invalidNumber(p, e, "an underscore must sit between two digits");
                }
                previousDigit = false;
                continue;
            }
            int d = c < 128 ? Character.digit(c, radix) : -1;
            if (d < 0) {
                throw invalidNumber(p, e, "`" + c + "` is not a base-" + radix + " digit");
            }
            if (value > (Long.MAX_VALUE - d) / radix) {
                throw invalidNumber(p, e, "it does not fit in a 64-bit integer");
            }
            value = value * radix + d;
            previousDigit = true;
        }
        if (!previousDigit) {
            throw invalidNumber(p, e, "an underscore must sit between two digits");
        }
        return new Scalar(ScalarKind.INTEGER, p, e, false, value, radix);
    }

    private ProblemSink.Abort invalidNumber(int p, int e, String why) {
        String text = new String(s, p, e - p);
        if (why != null) {
            return sink.fail(p, e - p, "invalid number `" + text + "`: " + why);
        }
        boolean word = Character.isLetter(s[p]);
        return sink.fail(p, e - p, "invalid value `" + text + "`" + (word ? " (strings must be quoted)" : ""));
    }

    // ---------------------------------------------------------------- messages

    /** The character at {@code p} for a message: {@code `x`}, a code point, or "the end of the file". */
    String describe(int p) {
        if (p >= n) {
            return "the end of the file";
        }
        char c = s[p];
        if (c == '\n' || c == '\r') {
            return "the end of the line";
        }
        if (c < 0x20 || c == 0x7f) {
            return unicode(c);
        }
        if (Character.isHighSurrogate(c) && p + 1 < n) {
            return "`" + new String(s, p, 2) + "`";
        }
        return "`" + c + "`";
    }

    static String unicode(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? unicode(c) : String.valueOf(c);
    }
}
