package dev.criconf.io.args.internal;

import dev.criconf.io.EditException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns "replace chars {@code [a, b)} of a decoded text with X" into a splice of the file. The
 * replacement is encoded for the context of the chars it replaces and handed down level by level;
 * where a context cannot hold it (or the chars mix contexts) the whole construct at that level is
 * written again, which still leaves every byte outside the construct alone.
 */
public final class Splicer {

    private Splicer() {}

    /** One replacement at one level. */
    public record Replacement(int start, int end, String text) {}

    public static FileSplice plan(MappedText t, int a, int b, String replacement) {
        Optional<Byte> ctx = t.uniformContext(a, b);
        if (ctx.isPresent()) {
            boolean runStart = a == 0 || !t.continuesRun(a) && a != b;
            boolean atEnd = b == t.length();
            Optional<String> raw = t.codec().encode(replacement, ctx.get(), runStart, atEnd);
            if (raw.isPresent()) {
                int pa;
                int pb;
                if (a < b) {
                    pa = t.startOf(a);
                    pb = t.endOf(b - 1);
                } else {
                    pa = t.insertionPoint(a);
                    pb = pa;
                }
                return t.parent() == null ? new FileSplice(pa, pb, raw.get()) : plan(t.parent(), pa, pb, raw.get());
            }
        }
        String whole = t.text().substring(0, a) + replacement + t.text().substring(b);
        return planWhole(t, whole);
    }

    /** Writes the whole construct again with new decoded text. */
    public static FileSplice planWhole(MappedText t, String whole) {
        Optional<String> raw = t.codec().encodeWhole(whole);
        if (raw.isEmpty()) {
            throw new EditException("cannot write " + quote(whole) + " here");
        }
        return t.parent() == null
                ? new FileSplice(t.rawStart(), t.rawEnd(), raw.get())
                : plan(t.parent(), t.rawStart(), t.rawEnd(), raw.get());
    }

    /**
     * Plans several replacements at one level (non-overlapping, any order); when their splices
     * would touch each other the level is rewritten once with all of them applied.
     */
    public static List<FileSplice> planAll(MappedText t, List<Replacement> replacements) {
        List<FileSplice> out = new ArrayList<>();
        for (Replacement r : replacements) {
            out.add(plan(t, r.start, r.end, r.text));
        }
        if (FileSplice.disjoint(out)) {
            return out;
        }
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort((x, y) -> Integer.compare(y.start, x.start));
        StringBuilder sb = new StringBuilder(t.text());
        for (Replacement r : sorted) {
            sb.replace(r.start, r.end, r.text);
        }
        return List.of(plan(t, 0, t.length(), sb.toString()));
    }

    /**
     * Ways to make the replacements, finest first: each one spliced on its own (or together when they
     * touch), then the whole text of the level written once with all of them applied. A caller
     * tries them in order and keeps the first whose result reads back as intended: two splices that
     * are each right can still interact (removing the words before a replacement moves it to the
     * start of an unquoted value, where a quote means something else).
     */
    public static List<List<FileSplice>> candidates(MappedText t, List<Replacement> replacements) {
        List<List<FileSplice>> out = new ArrayList<>();
        try {
            out.add(planAll(t, replacements));
        } catch (EditException e) {
            // the coarser candidate may still work
        }
        List<Replacement> sorted = new ArrayList<>(replacements);
        sorted.sort((x, y) -> Integer.compare(y.start, x.start));
        StringBuilder sb = new StringBuilder(t.text());
        for (Replacement r : sorted) {
            sb.replace(r.start, r.end, r.text);
        }
        try {
            out.add(List.of(plan(t, 0, t.length(), sb.toString())));
        } catch (EditException e) {
            if (out.isEmpty()) {
                throw e;
            }
        }
        return out;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
