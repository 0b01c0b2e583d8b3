package dev.criconf.io.args.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.args.Argument;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagOccurrence;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans a {@link FlagEdit} as changes to a list of words, then as replacements in the text the
 * words were split from. The caller encodes words for that text, applies the splices and checks by
 * re-parsing that the words came out as planned.
 */
public final class WordEdits {

    private WordEdits() {}

    /** A change to the word list. */
    public sealed interface Op {
    }

    /** Replace word {@code index} with {@code word}. */
    public record Replace(int index, String word) implements Op {
    }

    /** Remove word {@code index}. */
    public record Remove(int index) implements Op {
    }

    /** Append {@code word} at the end. */
    public record Append(String word) implements Op {
    }

    /** The changes and the word list they lead to. */
    public record Plan(List<Op> ops, List<String> expected) {
        public Plan {
            ops = List.copyOf(ops);
            expected = List.copyOf(expected);
        }

        public boolean isNoop() {
            return ops.isEmpty();
        }
    }

    /**
     * Plans an edit of the flags in {@code words[firstFlag:]} (an {@code ExecStart=} line has the
     * program first).
     */
    public static Plan plan(List<String> words, int firstFlag, FlagSpec spec, FlagEdit edit) {
        ParsedArgs parsed = ParsedArgs.parse(Argument.of(words.subList(firstFlag, words.size())), spec);
        String name = spec.normalize(edit.name());
        List<FlagOccurrence> occ = parsed.occurrences(name);
        List<Op> ops = new ArrayList<>();
        if (edit instanceof FlagEdit.AddFlag add) {
            ops.add(new Append("--" + add.name() + "=" + add.value()));
        } else if (edit instanceof FlagEdit.RemoveFlag) {
            for (FlagOccurrence o : occ) {
                removeOccurrence(words, firstFlag, o, ops);
            }
        } else if (edit instanceof FlagEdit.SetFlag set) {
            if (occ.isEmpty()) {
                ops.add(new Append("--" + set.name() + "=" + set.value()));
            } else {
                FlagOccurrence last = occ.get(occ.size() - 1);
                if (last.kind().accumulates()) {
                    for (FlagOccurrence o : occ.subList(0, occ.size() - 1)) {
                        removeOccurrence(words, firstFlag, o, ops);
                    }
                }
                setOccurrence(words, firstFlag, last, set.value(), ops);
            }
        }
        return new Plan(ops, apply(words, ops));
    }

    private static void removeOccurrence(List<String> words, int first, FlagOccurrence o, List<Op> ops) {
        int i = first + o.nameIndex();
        requireWholeWord(words.get(i), o);
        ops.add(new Remove(i));
        o.valueIndex().ifPresent(v -> ops.add(new Remove(first + v)));
    }

    private static void setOccurrence(List<String> words, int first, FlagOccurrence o, String value, List<Op> ops) {
        int i = first + o.nameIndex();
        String word = words.get(i);
        switch (o.form()) {
            case SEPARATE:
            case SHORTHAND_SEPARATE:
                if (!value.equals(o.value().orElse(null))) {
                    ops.add(new Replace(first + o.valueIndex().getAsInt(), value));
                }
                return;
            case IMPLICIT:
            case SHORTHAND_IMPLICIT:
                requireWholeWord(word, o);
                if (!value.equals("true")) {
                    ops.add(new Replace(i, o.written() + "=" + value));
                }
                return;
            case EQUALS:
                if (!value.equals(o.value().orElse(null))) {
                    ops.add(new Replace(i, o.written() + "=" + value));
                }
                return;
            default:
                requireWholeWord(word, o);
                ops.add(new Replace(i, o.written() + "=" + value));
        }
    }

    /** Shorthand groups ({@code -abv=2}) hold several flags in one word; they are not split by an edit. */
    private static void requireWholeWord(String word, FlagOccurrence o) {
        boolean whole = switch (o.form()) {
            case EQUALS -> true;
            case IMPLICIT, SEPARATE, MISSING_VALUE -> word.equals(o.written());
            case SHORTHAND_EQUALS -> word.equals(o.written() + "=" + o.value().orElse(""));
            case SHORTHAND_ATTACHED -> word.equals(o.written() + o.value().orElse(""));
            case SHORTHAND_IMPLICIT, SHORTHAND_SEPARATE -> word.equals(o.written());
        };
        if (!whole) {
            throw new EditException("flag " + o.written() + " is written together with other flags in '" + word + "'");
        }
    }

    /** The word list after the ops. */
    public static List<String> apply(List<String> words, List<Op> ops) {
        List<String> out = new ArrayList<>(words);
        TreeSet<Integer> removed = new TreeSet<>();
        List<String> appended = new ArrayList<>();
        for (Op op : ops) {
            if (op instanceof Replace r) {
                out.set(r.index(), r.word());
            } else if (op instanceof Remove r) {
                removed.add(r.index());
            } else if (op instanceof Append a) {
                appended.add(a.word());
            }
        }
        for (int i : removed.descendingSet()) {
            out.remove(i);
        }
        out.addAll(appended);
        return out;
    }

    /**
     * The replacements in the split text for the ops. {@code spans[i]} is {@code [start, end)} of
     * word i in {@code layer}; removal takes the blank before (or after) a word along, but never a
     * char whose context is {@code keepCtx} (a line continuation).
     */
    public static List<Splicer.Replacement> regions(MappedText layer, List<int[]> spans, List<Op> ops,
            Function<String, Optional<String>> encodeWord, byte keepCtx) {
        List<Splicer.Replacement> out = new ArrayList<>();
        TreeSet<Integer> removed = new TreeSet<>();
        StringBuilder appended = new StringBuilder();
        for (Op op : ops) {
            if (op instanceof Replace r) {
                int[] sp = spans.get(r.index());
                out.add(new Splicer.Replacement(sp[0], sp[1], encode(encodeWord, r.word())));
            } else if (op instanceof Remove r) {
                removed.add(r.index());
            } else if (op instanceof Append a) {
                if (appended.length() > 0 || !spans.isEmpty()) {
                    appended.append(' ');
                }
                appended.append(encode(encodeWord, a.word()));
            }
        }
        int n = spans.size();
        List<Integer> rem = new ArrayList<>(removed);
        for (int k = 0; k < rem.size();) {
            int i = rem.get(k);
            int j = i;
            while (k + 1 < rem.size() && rem.get(k + 1) == j + 1) {
                k++;
                j++;
            }
            k++;
            if (i > 0 && clean(layer, spans.get(i - 1)[1], spans.get(j)[1], keepCtx)) {
                out.add(new Splicer.Replacement(spans.get(i - 1)[1], spans.get(j)[1], ""));
            } else if (j + 1 < n && clean(layer, spans.get(i)[0], spans.get(j + 1)[0], keepCtx)) {
                out.add(new Splicer.Replacement(spans.get(i)[0], spans.get(j + 1)[0], ""));
            } else if (clean(layer, spans.get(i)[0], spans.get(j)[1], keepCtx)) {
                // both neighbours are across a line continuation: take the words and the blanks
                // after them up to the continuation, so the lines keep their layout
                out.add(new Splicer.Replacement(spans.get(i)[0], blanksAfter(layer, spans, j, keepCtx), ""));
            } else {
                // the words themselves are on different continuation lines: each goes on its own
                for (int w = i; w <= j; w++) {
                    out.add(new Splicer.Replacement(spans.get(w)[0], blanksAfter(layer, spans, w, keepCtx), ""));
                }
            }
        }
        if (appended.length() > 0) {
            int at = 0;
            for (int i = n - 1; i >= 0; i--) {
                if (!removed.contains(i)) {
                    at = spans.get(i)[1];
                    break;
                }
            }
            out.add(new Splicer.Replacement(at, at, appended.toString()));
        }
        return out;
    }

    private static int blanksAfter(MappedText layer, List<int[]> spans, int w, byte keepCtx) {
        int end = spans.get(w)[1];
        int limit = w + 1 < spans.size() ? spans.get(w + 1)[0] : layer.length();
        while (end < limit && layer.context(end) != keepCtx && " \t".indexOf(layer.text().charAt(end)) >= 0) {
            end++;
        }
        return end;
    }

    private static String encode(Function<String, Optional<String>> encodeWord, String w) {
        return encodeWord.apply(w).orElseThrow(() -> new EditException("cannot write the argument " + Splicer.quote(w)));
    }

    private static boolean clean(MappedText layer, int a, int b, byte keepCtx) {
        for (int i = a; i < b; i++) {
            if (layer.context(i) == keepCtx) {
                return false;
            }
        }
        return true;
    }
}
