package dev.criconf.io.args.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link MappedText} keeps no per-char arrays for verbatim text, shares arrays between a built text
 * and its slices, and copies them only when its builder is written to after a build. These
 * properties hold it to a plain model that stores every char's span and context in arrays (the
 * representation it replaced), for any sequence of appends, truncations and builds.
 */
class MappedTextProperties {

    private static final Codec CODEC = new Codec() {
        @Override
        public Optional<String> encode(String decoded, byte ctx, boolean atRunStart, boolean atEnd) {
            return Optional.of(decoded);
        }

        @Override
        public Optional<String> encodeWhole(String decoded) {
            return Optional.of(decoded);
        }
    };

    private static final String PARENT = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(3);

    /** The model: what each char maps to, stored char by char. */
    record Model(String text, int[] start, int[] end, byte[] ctx, int rawStart, int rawEnd, int emptyPoint,
            byte emptyCtx) {

        int insertionPoint(int a) {
            if (a > 0) {
                return end[a - 1];
            }
            return text.isEmpty() ? emptyPoint : start[0];
        }

        Optional<Byte> uniformContext(int a, int b) {
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
            return c == MappedText.OPAQUE ? Optional.empty() : Optional.of(c);
        }

        boolean continuesRun(int a) {
            return a > 0 && a <= text.length()
                    && (a == text.length() || (ctx[a - 1] == ctx[a] && end[a - 1] == start[a]));
        }

        int[] span(int a, int b) {
            return a < b ? new int[] {start[a], end[b - 1]} : new int[] {insertionPoint(a), insertionPoint(a)};
        }

        Model slice(int a, int b) {
            int rs = a < b ? start[a] : insertionPoint(a);
            int re = a < b ? end[b - 1] : rs;
            byte ec = a < b ? ctx[a] : uniformContext(a, a).orElse((byte) 0);
            return new Model(text.substring(a, b), Arrays.copyOfRange(start, a, b), Arrays.copyOfRange(end, a, b),
                    Arrays.copyOfRange(ctx, a, b), rs, re, rs, ec);
        }
    }

    @Property(tries = 2000)
    void builtTextsReadLikeTheModel(@ForAll long seed) {
        Random r = new Random(seed);
        MappedText.Builder b = MappedText.builder(null, CODEC);
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        List<Byte> ctxs = new ArrayList<>();
        List<MappedText> built = new ArrayList<>();
        List<Model> models = new ArrayList<>();
        int ops = 1 + r.nextInt(40);
        int next = r.nextInt(20);
        byte ctx = 0;
        for (int op = 0; op < ops; op++) {
            int kind = r.nextInt(20);
            if (kind < 13) {
                // mostly the next char in the same context: the verbatim pattern
                char c = (char) ('a' + r.nextInt(26));
                b.append(c, next, next + 1, ctx);
                text.append(c);
                spans.add(new int[] {next, next + 1});
                ctxs.add(ctx);
                next++;
            } else if (kind < 15) {
                char c = (char) ('A' + r.nextInt(26));
                int from = r.nextInt(60);
                int to = from + r.nextInt(4);
                byte k = (byte) (r.nextInt(4) - 1);
                b.append(c, from, to, k);
                text.append(c);
                spans.add(new int[] {from, to});
                ctxs.add(k);
                if (r.nextBoolean()) {
                    next = to;
                    ctx = k;
                }
            } else if (kind < 17) {
                // a run of a parent text; sometimes an equal string that is another object
                String src = r.nextInt(4) == 0 ? new String(PARENT) : PARENT;
                int from = r.nextInt(3) > 0 ? Math.min(next, 90) : r.nextInt(90);
                int to = from + r.nextInt(8);
                byte k = r.nextInt(3) > 0 ? ctx : (byte) (r.nextInt(4) - 1);
                b.appendRun(src, from, to, k);
                for (int i = from; i < to; i++) {
                    text.append(src.charAt(i));
                    spans.add(new int[] {i, i + 1});
                    ctxs.add(k);
                }
                next = to;
                ctx = k;
            } else if (kind < 18) {
                int n = r.nextInt(text.length() + 1);
                b.truncate(n);
                text.setLength(n);
                spans.subList(n, spans.size()).clear();
                ctxs.subList(n, ctxs.size()).clear();
            } else {
                built.add(build(b, r, text, spans, ctxs, models));
            }
            assertEquals(text.length(), b.length());
            for (int i = 0; i < text.length(); i++) {
                assertEquals(text.charAt(i), b.charAt(i));
                assertEquals(spans.get(i)[1], b.endOf(i));
            }
        }
        built.add(build(b, r, text, spans, ctxs, models));
        for (int i = 0; i < built.size(); i++) {
            same(models.get(i), built.get(i), r, 2);
        }
    }

    private static MappedText build(MappedText.Builder b, Random r, CharSequence text, List<int[]> spans,
            List<Byte> ctxs, List<Model> models) {
        int rawStart = r.nextInt(60);
        int rawEnd = rawStart + r.nextInt(10);
        int emptyPoint = r.nextInt(60);
        byte emptyCtx = (byte) (r.nextInt(4) - 1);
        int n = text.length();
        int[] s = new int[n];
        int[] e = new int[n];
        byte[] c = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = spans.get(i)[0];
            e[i] = spans.get(i)[1];
            c[i] = ctxs.get(i);
        }
        models.add(new Model(text.toString(), s, e, c, rawStart, rawEnd, emptyPoint, emptyCtx));
        return b.build(rawStart, rawEnd, emptyPoint, emptyCtx);
    }

    /** Every accessor of {@code t} agrees with the model, and so do slices (to {@code depth} levels). */
    private static void same(Model m, MappedText t, Random r, int depth) {
        assertEquals(m.text(), t.text());
        assertEquals(m.rawStart(), t.rawStart());
        assertEquals(m.rawEnd(), t.rawEnd());
        int n = m.text().length();
        for (int i = 0; i < n; i++) {
            assertEquals(m.start()[i], t.startOf(i));
            assertEquals(m.end()[i], t.endOf(i));
            assertEquals(m.ctx()[i], t.context(i));
        }
        for (int a = 0; a <= n; a++) {
            assertEquals(m.insertionPoint(a), t.insertionPoint(a));
            assertEquals(m.continuesRun(a), t.continuesRun(a));
            for (int z = a; z <= n; z++) {
                assertEquals(m.uniformContext(a, z), t.uniformContext(a, z));
                assertArrayEquals(m.span(a, z), t.fileSpan(a, z));
            }
        }
        if (depth > 0) {
            for (int k = 0; k < 3; k++) {
                int a = r.nextInt(n + 1);
                int z = a + r.nextInt(n - a + 1);
                MappedText s = t.slice(a, z, CODEC);
                same(m.slice(a, z), s, r, depth - 1);
            }
        }
    }

    /**
     * The fast paths of the unit parser and the specifier layer build verbatim text directly; it
     * must be what a builder given the same chars one by one builds, down the parent chain.
     */
    @Property(tries = 1000)
    void verbatimIsWhatTheBuilderBuilds(@ForAll long seed) {
        Random r = new Random(seed);
        int len = r.nextInt(30);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < len; i++) {
            file.append((char) ('a' + r.nextInt(26)));
        }
        String f = file.toString();
        int from = r.nextInt(len + 1);
        int to = from + r.nextInt(len - from + 1);
        byte ctx = (byte) r.nextInt(3);
        MappedText parent = r.nextBoolean() ? null : MappedText.verbatim(null, f, 0, len, CODEC, (byte) 0);
        MappedText.Builder b = MappedText.builder(parent, CODEC);
        for (int i = from; i < to; i++) {
            b.append(f.charAt(i), i, i + 1, ctx);
        }
        MappedText general = b.build(from, to, from, ctx);
        MappedText fast = MappedText.verbatim(parent, f, from, to, CODEC, ctx);
        int n = to - from;
        int[] s = new int[n];
        int[] e = new int[n];
        byte[] c = new byte[n];
        for (int i = 0; i < n; i++) {
            s[i] = from + i;
            e[i] = from + i + 1;
            c[i] = ctx;
        }
        Model m = new Model(f.substring(from, to), s, e, c, from, to, from, ctx);
        same(m, general, r, 1);
        same(m, fast, r, 1);
        assertArrayEquals(general.fileSpanOfConstruct(), fast.fileSpanOfConstruct());
        for (int a = 0; a <= n; a++) {
            for (int z = a; z <= n; z++) {
                assertArrayEquals(general.fileSpan(a, z), fast.fileSpan(a, z));
            }
        }
    }
}
