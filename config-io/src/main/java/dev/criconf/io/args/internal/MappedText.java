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

    private final String text;
    private final int[] start;
    private final int[] end;
    private final byte[] ctx;
    private final int rawStart;
    private final int rawEnd;
    private final int emptyPoint;
    private final byte emptyCtx;
    private final MappedText parent;
    private final Codec codec;

    private MappedText(String text, int[] start, int[] end, byte[] ctx, int rawStart, int rawEnd,
            int emptyPoint, byte emptyCtx, MappedText parent, Codec codec) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.ctx = ctx;
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
        Builder b = builder(null, codec);
        for (int i = from; i < to; i++) {
            b.append(text.charAt(i), i, i + 1, (byte) 0);
        }
        return b.build(from, to, from, (byte) 0);
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public byte context(int i) {
        return ctx[i];
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
        return start[i];
    }

    public int endOf(int i) {
        return end[i];
    }

    /** File offsets {@code [start, end)} behind chars {@code [a, b)}; a point for {@code a == b}. */
    public int[] fileSpan(int a, int b) {
        int pa;
        int pb;
        if (a < b) {
            pa = start[a];
            pb = end[b - 1];
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
            return end[a - 1];
        }
        return text.isEmpty() ? emptyPoint : start[0];
    }

    /** The context shared by chars {@code [a, b)} (or of the insertion point), if there is one. */
    public Optional<Byte> uniformContext(int a, int b) {
        byte c;
        if (a == b) {
            c = a > 0 ? ctx[a - 1] : text.isEmpty() ? emptyCtx : ctx[0];
        } else {
            c = ctx[a];
            for (int i = a + 1; i < b; i++) {
                if (ctx[i] != c) {
                    return Optional.empty();
                }
            }
        }
        return c == OPAQUE ? Optional.empty() : Optional.of(c);
    }

    /** Whether chars {@code a-1} and {@code a} are written next to each other in one context. */
    public boolean continuesRun(int a) {
        return a > 0 && a <= text.length() && (a == text.length() || (ctx[a - 1] == ctx[a] && end[a - 1] == start[a]));
    }

    /** The chars {@code [a, b)} as text of the same parent (used for the part of a word after {@code =}). */
    public MappedText slice(int a, int b, Codec sliceCodec) {
        int rs = a < b ? start[a] : insertionPoint(a);
        int re = a < b ? end[b - 1] : rs;
        byte ec = a < b ? ctx[a] : uniformContext(a, a).orElse((byte) 0);
        return new MappedText(text.substring(a, b), Arrays.copyOfRange(start, a, b), Arrays.copyOfRange(end, a, b),
                Arrays.copyOfRange(ctx, a, b), rs, re, rs, ec, parent, sliceCodec);
    }

    /** Accumulates decoded chars with their parent spans. */
    public static final class Builder {
        private final MappedText parent;
        private final Codec codec;
        private final StringBuilder sb = new StringBuilder();
        private int[] start = new int[16];
        private int[] end = new int[16];
        private byte[] ctx = new byte[16];

        private Builder(MappedText parent, Codec codec) {
            this.parent = parent;
            this.codec = codec;
        }

        public Builder append(char c, int from, int to, byte context) {
            int n = sb.length();
            if (n == start.length) {
                start = Arrays.copyOf(start, n * 2);
                end = Arrays.copyOf(end, n * 2);
                ctx = Arrays.copyOf(ctx, n * 2);
            }
            sb.append(c);
            start[n] = from;
            end[n] = to;
            ctx[n] = context;
            return this;
        }

        /** Appends a string whose chars all come from one parent span (a code point, a specifier). */
        public Builder appendAll(String s, int from, int to, byte context) {
            for (int i = 0; i < s.length(); i++) {
                append(s.charAt(i), from, to, context);
            }
            return this;
        }

        public int length() {
            return sb.length();
        }

        /** Drops chars from {@code n} on (systemd's trailing-whitespace chomp). */
        public void truncate(int n) {
            sb.setLength(n);
        }

        public char charAt(int i) {
            return sb.charAt(i);
        }

        public int endOf(int i) {
            return end[i];
        }

        public MappedText build(int rawStart, int rawEnd, int emptyPoint, byte emptyCtx) {
            int n = sb.length();
            return new MappedText(sb.toString(), Arrays.copyOf(start, n), Arrays.copyOf(end, n), Arrays.copyOf(ctx, n),
                    rawStart, rawEnd, emptyPoint, emptyCtx, parent, codec);
        }
    }
}
