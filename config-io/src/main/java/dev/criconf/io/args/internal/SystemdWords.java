package dev.criconf.io.args.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * systemd's word splitter, {@code extract_first_word()} in systemd src/basic/extract-word.c, with
 * the flags systemd uses on the paths criconf follows:
 * <ul>
 *   <li>{@code ExecStart=} and {@code Environment=} values: {@code EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE}
 *       (src/core/load-fragment.c {@code config_parse_exec}, {@code config_parse_environ}); an invalid
 *       escape is retried with {@code EXTRACT_CUNESCAPE_RELAX} (kept verbatim, a warning), unbalanced
 *       quotes reject the line ({@code extract_first_word_and_warn});</li>
 *   <li>the value of a {@code $NAME} word in a command line: {@code EXTRACT_RELAX|EXTRACT_UNQUOTE}
 *       on whitespace (src/basic/env-util.c {@code replace_env_argv}): quotes in the value group
 *       words, a backslash takes the next char literally, an unbalanced quote simply ends the word.</li>
 * </ul>
 * Quotes may open anywhere in a word ({@code a"b c"d} is one word {@code ab cd}); separators are
 * space, tab, CR and LF and runs of them count as one.
 */
public final class SystemdWords {

    public static final int UNQUOTE = 1;
    public static final int CUNESCAPE = 2;
    public static final int RELAX = 4;
    public static final int CUNESCAPE_RELAX = 8;

    /** Contexts of decoded chars: outside quotes, inside double quotes, inside single quotes. */
    public static final byte UNQ = 0;
    public static final byte DQ = 1;
    public static final byte SQ = 2;

    static final String WHITESPACE = " \t\n\r";

    private SystemdWords() {}

    /**
     * One extracted word: its decoded text mapped onto the source, the source span it was written
     * in ({@code [rawStart, rawEnd)}, quotes included), and whether an invalid escape was kept verbatim.
     */
    public record Word(MappedText text, int rawStart, int rawEnd, boolean invalidEscape) {
        public String value() {
            return text.text();
        }
    }

    /** The outcome of one extraction: a word (or none left), where the next one starts, or an error position. */
    public record Extracted(Optional<Word> word, int next, Optional<String> error, int errorAt) {
        static Extracted none(int next) {
            return new Extracted(Optional.empty(), next, Optional.empty(), -1);
        }
    }

    /** Every word of {@code src} from {@code from}; stops at the first error (reported in the result). */
    public static Split splitAll(MappedText src, int from, int flags, Codec wordCodec) {
        List<Word> words = new ArrayList<>();
        int p = from;
        while (true) {
            Extracted e = extractWithWarn(src, p, flags, wordCodec);
            if (e.error().isPresent()) {
                return new Split(words, e.error(), e.errorAt());
            }
            if (e.word().isEmpty()) {
                return new Split(words, Optional.empty(), -1);
            }
            words.add(e.word().get());
            p = e.next();
        }
    }

    /** The words of a text and the first error, if any (its message and source position). */
    public record Split(List<Word> words, Optional<String> error, int errorAt) {
        public Split {
            words = List.copyOf(words);
        }
    }

    /**
     * {@code extract_first_word_and_warn()}: without {@link #RELAX}, an invalid escape sequence is
     * retried with {@link #CUNESCAPE_RELAX} and kept verbatim; unbalanced quoting is an error.
     */
    public static Extracted extractWithWarn(MappedText src, int from, int flags, Codec wordCodec) {
        Extracted e = extract(src, from, flags, wordCodec);
        if (e.error().isPresent() && (flags & CUNESCAPE_RELAX) == 0) {
            Extracted relaxed = extract(src, from, flags | CUNESCAPE_RELAX, wordCodec);
            return relaxed;
        }
        return e;
    }

    /** {@code extract_first_word()} on {@code src.text()} starting at {@code from}. */
    public static Extracted extract(MappedText src, int from, int flags, Codec wordCodec) {
        String s = src.text();
        int n = s.length();
        int p = from;
        while (p < n && whitespace(s.charAt(p))) {
            p++;
        }
        if (p >= n) {
            return Extracted.none(n);
        }
        int wordStart = p;
        MappedText.Builder b = MappedText.builder(src, wordCodec);
        char quote = 0;
        boolean invalidEscape = false;
        int lastEnd = p;
        int emptyPoint = -1;
        byte emptyCtx = UNQ;
        while (true) {
            if (p >= n) {
                if (quote != 0 && (flags & RELAX) == 0) {
                    return new Extracted(Optional.empty(), n, Optional.of("unbalanced quoting"), wordStart);
                }
                break;
            }
            char c = s.charAt(p);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    p++;
                    lastEnd = p;
                    continue;
                }
                if (c == '\\') {
                    int r = escape(src, b, p, flags, quote == '"' ? DQ : SQ);
                    if (r < 0) {
                        return new Extracted(Optional.empty(), n, Optional.of(r == -2 ? "unbalanced quoting"
                                : "invalid escape sequence"), p);
                    }
                    if (r == 0) {
                        // trailing backslash inside quotes under RELAX: the word ends here
                        p = n;
                        lastEnd = n;
                        break;
                    }
                    invalidEscape |= r > 1000;
                    p += r % 1000;
                    lastEnd = p;
                    continue;
                }
                // the run up to the closing quote or a backslash, in one piece
                int q = p + 1;
                while (q < n && s.charAt(q) != quote && s.charAt(q) != '\\') {
                    q++;
                }
                b.appendRun(s, p, q, quote == '"' ? DQ : SQ);
                p = q;
                lastEnd = p;
                continue;
            }
            if ((c == '\'' || c == '"') && (flags & UNQUOTE) != 0) {
                quote = c;
                if (b.length() == 0) {
                    emptyPoint = p + 1;
                    emptyCtx = c == '"' ? DQ : SQ;
                }
                p++;
                lastEnd = p;
                continue;
            }
            if (c == '\\') {
                int r = escape(src, b, p, flags, UNQ);
                if (r < 0) {
                    return new Extracted(Optional.empty(), n, Optional.of("invalid escape sequence"), p);
                }
                if (r == 0) {
                    p = n;
                    lastEnd = n;
                    break;
                }
                invalidEscape |= r > 1000;
                p += r % 1000;
                lastEnd = p;
                continue;
            }
            if (whitespace(c)) {
                break;
            }
            // the run of plain chars (no blank, backslash or quote that counts), in one piece
            boolean quotes = (flags & UNQUOTE) != 0;
            int q = p + 1;
            while (q < n) {
                char d = s.charAt(q);
                if (whitespace(d) || d == '\\' || (quotes && (d == '\'' || d == '"'))) {
                    break;
                }
                q++;
            }
            b.appendRun(s, p, q, UNQ);
            p = q;
            lastEnd = p;
        }
        int next = p;
        while (next < n && whitespace(s.charAt(next))) {
            next++;
        }
        MappedText word = b.build(wordStart, lastEnd, emptyPoint >= 0 ? emptyPoint : wordStart, emptyCtx);
        return new Extracted(Optional.of(new Word(word, wordStart, lastEnd, invalidEscape)), next, Optional.empty(), -1);
    }

    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Handles a backslash at {@code p}: appends what it stands for and returns how many source
     * chars it used (plus 1000 when an invalid escape was kept verbatim), 0 when a trailing
     * backslash ends the word, -1 on an invalid escape, -2 on a trailing backslash that is an error.
     */
    private static int escape(MappedText src, MappedText.Builder b, int p, int flags, byte ctx) {
        String s = src.text();
        int n = s.length();
        if (p + 1 >= n) {
            boolean inQuote = ctx != UNQ;
            if ((flags & CUNESCAPE_RELAX) != 0 && (!inQuote || (flags & RELAX) != 0)) {
                b.append('\\', p, p + 1, ctx);
                return 1001;
            }
            if ((flags & RELAX) != 0) {
                return 0;
            }
            return -2;
        }
        char c = s.charAt(p + 1);
        if ((flags & CUNESCAPE) != 0) {
            int[] out = new int[2];
            int r = cunescapeOne(s, p + 1, out);
            if (r < 0) {
                if ((flags & CUNESCAPE_RELAX) != 0) {
                    b.append('\\', p, p + 1, ctx);
                    b.append(c, p + 1, p + 2, ctx);
                    return 1002;
                }
                return -1;
            }
            b.appendAll(new String(Character.toChars(out[0])), p, p + 1 + r, ctx);
            return 1 + r;
        }
        b.append(c, p, p + 2, ctx);
        return 2;
    }

    /**
     * {@code cunescape_one()} (systemd src/basic/escape.c): the C escapes, {@code \s} for a space,
     * {@code \xHH}, {@code \\uHHHH}, {@code \UHHHHHHHH} and three-digit octal; NUL is refused.
     * Returns the number of chars used after the backslash, or -1.
     */
    static int cunescapeOne(String s, int p, int[] out) {
        char c = s.charAt(p);
        switch (c) {
            case 'a': out[0] = 7; return 1;
            case 'b': out[0] = '\b'; return 1;
            case 'f': out[0] = '\f'; return 1;
            case 'n': out[0] = '\n'; return 1;
            case 'r': out[0] = '\r'; return 1;
            case 't': out[0] = '\t'; return 1;
            case 'v': out[0] = 11; return 1;
            case '\\': case '"': case '\'': out[0] = c; return 1;
            case 's': out[0] = ' '; return 1;
            case 'x': {
                int v = hex(s, p + 1, 2);
                if (v <= 0) {
                    return -1;
                }
                out[0] = v;
                return 3;
            }
            case 'u': {
                int v = hex(s, p + 1, 4);
                if (v <= 0 || !validUnichar(v)) {
                    return -1;
                }
                out[0] = v;
                return 5;
            }
            case 'U': {
                int v = hex(s, p + 1, 8);
                if (v <= 0 || !validUnichar(v)) {
                    return -1;
                }
                out[0] = v;
                return 9;
            }
            default:
                if (c >= '0' && c <= '7') {
                    if (p + 2 >= s.length()) {
                        return -1;
                    }
                    int a = s.charAt(p) - '0';
                    int b = s.charAt(p + 1) - '0';
                    int d = s.charAt(p + 2) - '0';
                    if (b < 0 || b > 7 || d < 0 || d > 7) {
                        return -1;
                    }
                    int m = (a << 6) | (b << 3) | d;
                    if (m == 0 || m > 255) {
                        return -1;
                    }
                    out[0] = m;
                    return 3;
                }
                return -1;
        }
    }

    private static boolean validUnichar(int v) {
        return v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) && v != 0xFFFE && v != 0xFFFF;
    }

    private static int hex(String s, int p, int digits) {
        if (p + digits > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(s.charAt(p + i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Whether a word can be written without quotes. */
    public static boolean plain(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '"' || c == '\'' || c == '\\' || c < 0x20 || c == 0x7f || WHITESPACE.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A word written so that the splitter gives it back: as it is when it needs no quoting,
     * otherwise in double quotes with {@code "} and {@code \} escaped (and control chars as C
     * escapes when the splitter unescapes them). Empty when it cannot be written.
     */
    public static Optional<String> quoteWord(String w, boolean cunescape) {
        if (plain(w)) {
            return Optional.of(w);
        }
        return escapeIn(w, '"', cunescape).map(x -> "\"" + x + "\"");
    }

    /** The body of a quoted string in the given quote char. */
    public static Optional<String> escapeIn(String w, char quote, boolean cunescape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '\\' || c == quote) {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                if (!cunescape) {
                    if (c == '\t') {
                        sb.append(c);
                        continue;
                    }
                    return Optional.empty();
                }
                switch (c) {
                    case '\n': sb.append("\\n"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\r': sb.append("\\r"); break;
                    default:
                        if (c == 0) {
                            return Optional.empty();
                        }
                        sb.append(String.format("\\x%02x", (int) c));
                }
            } else {
                sb.append(c);
            }
        }
        return Optional.of(sb.toString());
    }

    // codecs hold no state but the flag: one of each serves every word
    private static final Codec WORD_CUNESCAPE = newWordCodec(true);
    private static final Codec WORD_PLAIN = newWordCodec(false);

    /** The codec of a word's chars inside the text it was split from. */
    public static Codec wordCodec(boolean cunescape) {
        return cunescape ? WORD_CUNESCAPE : WORD_PLAIN;
    }

    private static Codec newWordCodec(boolean cunescape) {
        return new Codec() {
            @Override
            public Optional<String> encode(String decoded, byte ctx, boolean atRunStart, boolean atEnd) {
                switch (ctx) {
                    case DQ:
                        return escapeIn(decoded, '"', cunescape);
                    case SQ:
                        return escapeIn(decoded, '\'', cunescape);
                    default:
                        if (decoded.isEmpty() || plain(decoded)) {
                            return Optional.of(decoded);
                        }
                        return escapeIn(decoded, '"', cunescape).map(x -> "\"" + x + "\"");
                }
            }

            @Override
            public Optional<String> encodeWhole(String decoded) {
                return escapeIn(decoded, '"', cunescape).map(x -> "\"" + x + "\"");
            }
        };
    }
}
