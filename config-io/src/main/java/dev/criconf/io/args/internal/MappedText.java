package dev.criconf.io.args.internal;

import java.util.Arrays;
import java.util.Optional;

/**
 * Text decoded from a parent text (the file, or another {@code MappedText}), where every char
 * knows the span of parent text it came from and the quoting context it was written in.
 *
 * <p>This is what lets the systemd, env-file and argument layers point at the exact bytes behind
 * a word (an {@code Origin}) and change one word by splicing only the bytes behind it: an edit
 * made at one level is encoded for the context it lands in and handed to the level below, down to
 * the file (see {@link Splicer}). Chains are short: file, unit value, {@code Environment=} word,
 * specifier-expanded value.
 */
public final class MappedText {

    /** A context for chars no codec may rewrite in place (e.g. the output of a specifier). */
    public static final byte OPAQUE = -1;

    // Most texts are "verbatim": char i comes from parent char base + i, all in one context (a
    // unit-file line, an unquoted or simply quoted word, a value without specifiers). Those keep
    // no per-char arrays (start == null) and their spans are computed; only texts with escapes,
    // quotes inside a word, continuations or specifiers carry arrays, read from index off on
    // (slices share their parent's arrays).
    private final String text;
    private final int[] start;
    private final int[] end;
    private final byte[] ctx;
    private final int off;
    private final int base;
    private final byte uniformCtx;
    private final int rawStart;
    private final int rawEnd;
    private final int emptyPoint;
    private final byte emptyCtx;
    private final MappedText parent;
    private final Codec codec;

    private MappedText(String text, int[] start, int[] end, byte[] ctx, int off, int base, byte uniformCtx,
            int rawStart, int rawEnd, int emptyPoint, byte emptyCtx, MappedText parent, Codec codec) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.ctx = ctx;
        this.off = off;
        this.base = base;
        this.uniformCtx = uniformCtx;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
        this.emptyPoint = emptyPoint;
        this.emptyCtx = emptyCtx;
        this.parent = parent;
        this.codec = codec;
    }

    /** A builder for text decoded from {@code parent} ({@code null}: the file itself). */
    public static Builder builder(MappedText parent, Codec codec) {
        return new Builder(parent, codec);
    }

    /** The file text as the root of a chain: every char maps to itself. */
    public static MappedText identity(String text, int from, int to, Codec codec) {
        return verbatim(null, text, from, to, codec, (byte) 0);
    }

    /**
     * Chars {@code [from, to)} of {@code parentText} taken as they are, char {@code i} coming from
     * parent char {@code from + i}, all in context {@code context}: what a builder given those chars
     * one by one would build with {@code build(from, to, from, context)}.
     *
     * @param parent     the text {@code parentText} belongs to ({@code null}: the file itself)
     * @param parentText the parent's text (the file text when {@code parent} is {@code null})
     */
    public static MappedText verbatim(MappedText parent, String parentText, int from, int to, Codec codec,
            byte context) {
        return new MappedText(parentText.substring(from, to), null, null, null, 0, from, context, from, to, from,
                context, parent, codec);
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public byte context(int i) {
        return start == null ? uniformCtx : ctx[off + i];
    }

    public MappedText parent() {
        return parent;
    }

    public Codec codec() {
        return codec;
    }

    /** Start of the construct in parent coordinates (including quotes and escapes around the text). */
    public int rawStart() {
        return rawStart;
    }

    public int rawEnd() {
        return rawEnd;
    }

    /** Parent span of char {@code i}. */
    public int startOf(int i) {
        return start == null ? base + i : start[off + i];
    }

    public int endOf(int i) {
        return start == null ? base + i + 1 : end[off + i];
    }

    /** File offsets {@code [start, end)} behind chars {@code [a, b)}; a point for {@code a == b}. */
    public int[] fileSpan(int a, int b) {
        int pa;
        int pb;
        if (a < b) {
            pa = startOf(a);
            pb = endOf(b - 1);
        } else {
            pa = insertionPoint(a);
            pb = pa;
        }
        return parent == null ? new int[] {pa, pb} : parent.fileSpan(pa, pb);
    }

    /** File offsets behind the whole construct, quotes included. */
    public int[] fileSpanOfConstruct() {
        return parent == null ? new int[] {rawStart, rawEnd} : parent.fileSpan(rawStart, rawEnd);
    }

    /** Where text inserted before char {@code a} goes, in parent coordinates. */
    public int insertionPoint(int a) {
        if (a > 0) {
            return endOf(a - 1);
        }
        return text.isEmpty() ? emptyPoint : startOf(0);
    }

    /** The context shared by chars {@code [a, b)} (or of the insertion point), if there is one. */
    public Optional<Byte> uniformContext(int a, int b) {
        byte c;
        if (a == b) {
            c = a > 0 ? context(a - 1) : text.isEmpty() ? emptyCtx : context(0);
        } else {
            c = context(a);
            for (int i = a + 1; i < b; i++) {
                if (context(i) != c) {
                    return Optional.empty();
                }
            }
        }
        return c == OPAQUE ? Optional.empty() : Optional.of(c);
    }

    /** Whether chars {@code a-1} and {@code a} are written next to each other in one context. */
    public boolean continuesRun(int a) {
        return a > 0 && a <= text.length()
                && (a == text.length() || (context(a - 1) == context(a) && endOf(a - 1) == startOf(a)));
    }

    /** The chars {@code [a, b)} as text of the same parent (used for the part of a word after {@code =}). */
    public MappedText slice(int a, int b, Codec sliceCodec) {
        int rs = a < b ? startOf(a) : insertionPoint(a);
        int re = a < b ? endOf(b - 1) : rs;
        byte ec = a < b ? context(a) : uniformContext(a, a).orElse((byte) 0);
        if (start == null) {
            return new MappedText(text.substring(a, b), null, null, null, 0, base + a, uniformCtx, rs, re, rs, ec,
                    parent, sliceCodec);
        }
        // the arrays are never written once a text is built, so a slice can read them in place
        return new MappedText(text.substring(a, b), start, end, ctx, off + a, 0, (byte) 0, rs, re, rs, ec, parent,
                sliceCodec);
    }

    /** Accumulates decoded chars with their parent spans. */
    public static final class Builder {
        private final MappedText parent;
        private final Codec codec;
        // While every char so far was appended as a run of one string, taken where it was written
        // (a word without quotes or escapes), the text is that piece of the string: no
        // StringBuilder until a char breaks the pattern.
        private StringBuilder sb;
        private String src;
        private int srcFrom;
        private int len;
        // Until a char breaks the pattern "next parent char, same context" the spans are only
        // base and context; the arrays are made when one does.
        private int base;
        private byte uniformCtx;
        private int[] start;
        private int[] end;
        private byte[] ctx;
        // the arrays were handed to a built text: copy them before writing again
        private boolean shared;

        private Builder(MappedText parent, Codec codec) {
            this.parent = parent;
            this.codec = codec;
        }

        public Builder append(char c, int from, int to, byte context) {
            text().append(c);
            span(from, to, context);
            len++;
            return this;
        }

        /**
         * Appends chars {@code [from, to)} of {@code s}, each from its own position in the parent
         * ({@code s} is the parent's text): the same as appending them one by one.
         */
        public Builder appendRun(String s, int from, int to, byte context) {
            if (from >= to) {
                return this;
            }
            if (sb == null && (len == 0 || (s == src && from == srcFrom + len))) {
                if (len == 0) {
                    src = s;
                    srcFrom = from;
                }
            } else {
                text().append(s, from, to);
            }
            if (start == null && (len == 0 || (from == base + len && context == uniformCtx))) {
                if (len == 0) {
                    base = from;
                    uniformCtx = context;
                }
                len += to - from;
                return this;
            }
            for (int i = from; i < to; i++) {
                span(i, i + 1, context);
                len++;
            }
            return this;
        }

        private StringBuilder text() {
            if (sb == null) {
                sb = new StringBuilder(Math.max(16, len + 16));
                if (len > 0) {
                    sb.append(src, srcFrom, srcFrom + len);
                }
            }
            return sb;
        }

        /** Records the span of char {@code len} (the caller counts it). */
        private void span(int from, int to, byte context) {
            int n = len;
            if (start == null) {
                if (n == 0 && to == from + 1) {
                    base = from;
                    uniformCtx = context;
                    return;
                }
                if (n > 0 && from == base + n && to == from + 1 && context == uniformCtx) {
                    return;
                }
                spell(n);
            } else if (shared || n == start.length) {
                int cap = n == start.length ? n * 2 : start.length;
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
                ctx = Arrays.copyOf(ctx, cap);
                shared = false;
            }
            start[n] = from;
            end[n] = to;
            ctx[n] = context;
        }

        /** Writes out the spans of the first {@code n} chars, which follow the verbatim pattern. */
        private void spell(int n) {
            int cap = Math.max(16, n * 2);
            start = new int[cap];
            end = new int[cap];
            ctx = new byte[cap];
            for (int i = 0; i < n; i++) {
                start[i] = base + i;
                end[i] = base + i + 1;
                ctx[i] = uniformCtx;
            }
        }

        /** Appends a string whose chars all come from one parent span (a code point, a specifier). */
        public Builder appendAll(String s, int from, int to, byte context) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), from, to, context);
            }
            return this;
        }

        public int length() {
            return len;
        }

        /** Drops chars from {@code n} on (systemd's trailing-whitespace chomp). */
        public void truncate(int n) {
            if (sb != null) {
                sb.setLength(n);
            }
            len = n;
        }

        public char charAt(int i) {
            if (i >= len) {
                throw new StringIndexOutOfBoundsException("index " + i + ", length " + len);
            }
            return sb == null ? src.charAt(srcFrom + i) : sb.charAt(i);
        }

        public int endOf(int i) {
            return start == null ? base + i + 1 : end[i];
        }

        public MappedText build(int rawStart, int rawEnd, int emptyPoint, byte emptyCtx) {
            String text = sb != null ? sb.toString() : len == 0 ? "" : src.substring(srcFrom, srcFrom + len);
            if (start == null) {
                return new MappedText(text, null, null, null, 0, base, uniformCtx, rawStart, rawEnd,
                        emptyPoint, emptyCtx, parent, codec);
            }
            shared = true;
            return new MappedText(text, start, end, ctx, 0, 0, (byte) 0, rawStart, rawEnd, emptyPoint,
                    emptyCtx, parent, codec);
        }
    }
}
