package dev.criconf.validate.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A TOML document given as entries (table path, key, value) and written in one of the many
 * layouts TOML allows for the same tables: {@code [header]} tables at any depth with dotted keys
 * for the rest (down to no header at all), tables and keys in any order, bare or quoted keys, basic
 * or literal strings, comments, blank lines and indentation. Every layout of the same entries
 * parses to the same tables, so nothing a rule reports about them may change.
 *
 * <p>Layouts never define a table twice: headers are the entries' table paths cut at one depth, so
 * a header is never longer than that depth and a table made by dotted keys always is.
 */
final class TomlLayout {

    private TomlLayout() {
    }

    /** A value as written. */
    sealed interface Value permits Str, Raw, Strs {
    }

    /** A string: written basic ({@code "..."}) or literal ({@code '...'}) where it can be. */
    record Str(String text) implements Value {
    }

    /** Any other value, written as given ({@code true}, {@code 2}, {@code "true"} to keep a string that must stay one). */
    record Raw(String text) implements Value {
    }

    /** An array of strings, each quoted either way. */
    record Strs(List<String> items) implements Value {
    }

    /**
     * One key.
     *
     * @param table the table's key path, empty for the root table
     * @param key   the key inside it
     * @param value its value
     */
    record Entry(List<String> table, String key, Value value) {
        static Entry of(String table, String key, Value value) {
            return new Entry(table.isEmpty() ? List.of() : split(table), key, value);
        }
    }

    /**
     * How one rendering looks. All random choices come from {@code seed}.
     *
     * @param headerDepth how many table path segments go into headers; the rest become dotted keys (0: no headers)
     */
    record Style(long seed, int headerDepth, boolean comments, boolean blankLines, boolean shuffle, boolean quoteKeys,
            boolean literalStrings, int indent) {
    }

    static Arbitrary<Style> styles() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(0, 8), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(0, 2, 4)).as(Style::new);
    }

    /** The layout most hand-written files use: one header per table, no comments, nothing moved. */
    static Style plain() {
        return new Style(0, Integer.MAX_VALUE, false, false, false, false, false, 2);
    }

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    /** Splits a dotted key path; segments in double quotes may contain dots. */
    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : path.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String render(List<Entry> entries, Style style) {
        Random random = new Random(style.seed());
        List<Entry> root = new ArrayList<>();
        Map<List<String>, List<String[]>> groups = new LinkedHashMap<>();
        for (Entry e : entries) {
            int cut = Math.min(style.headerDepth(), e.table().size());
            List<String> header = e.table().subList(0, cut);
            List<String> keyPath = new ArrayList<>(e.table().subList(cut, e.table().size()));
            keyPath.add(e.key());
            String line = keys(keyPath, style, random) + " = " + value(e.value(), style, random);
            if (header.isEmpty()) {
                root.add(new Entry(List.of(), line, null));
            } else {
                groups.computeIfAbsent(header, h -> new ArrayList<>()).add(new String[] {line});
            }
        }
        StringBuilder out = new StringBuilder();
        if (style.comments()) {
            out.append("# written by a layout property\n");
        }
        List<String> rootLines = new ArrayList<>(root.stream().map(Entry::key).toList());
        if (style.shuffle()) {
            Collections.shuffle(rootLines, random);
        }
        for (String line : rootLines) {
            line(out, "", line, style, random);
        }
        List<List<String>> headers = new ArrayList<>(groups.keySet());
        if (style.shuffle()) {
            Collections.shuffle(headers, random);
        }
        String pad = " ".repeat(style.indent());
        for (List<String> header : headers) {
            out.append(style.blankLines() || random.nextBoolean() ? "\n" : "");
            if (style.comments() && random.nextBoolean()) {
                out.append("# the next table\n");
            }
            out.append('[').append(keys(header, style, random)).append(']');
            out.append(style.comments() && random.nextBoolean() ? "  # trailing comment\n" : "\n");
            List<String> lines = new ArrayList<>(groups.get(header).stream().map(a -> a[0]).toList());
            if (style.shuffle()) {
                Collections.shuffle(lines, random);
            }
            for (String line : lines) {
                line(out, pad, line, style, random);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String pad, String line, Style style, Random random) {
        if (style.blankLines() && random.nextInt(3) == 0) {
            out.append('\n');
        }
        if (style.comments() && random.nextInt(3) == 0) {
            out.append(pad).append("# about the next key\n");
        }
        out.append(pad).append(line);
        out.append(style.comments() && random.nextInt(3) == 0 ? " # why\n" : "\n");
    }

    private static String keys(List<String> path, Style style, Random random) {
        StringBuilder sb = new StringBuilder();
        for (String k : path) {
            if (!sb.isEmpty()) {
                sb.append(style.quoteKeys() && random.nextBoolean() ? " . " : ".");
            }
            if (BARE.matcher(k).matches() && !(style.quoteKeys() && random.nextBoolean())) {
                sb.append(k);
            } else {
                sb.append(string(k, style.literalStrings() && random.nextBoolean()));
            }
        }
        return sb.toString();
    }

    private static String value(Value v, Style style, Random random) {
        if (v instanceof Str s) {
            return string(s.text(), style.literalStrings() && random.nextBoolean());
        }
        if (v instanceof Raw r) {
            return r.text();
        }
        List<String> items = new ArrayList<>();
        for (String item : ((Strs) v).items()) {
            items.add(string(item, style.literalStrings() && random.nextBoolean()));
        }
        String sep = style.shuffle() && random.nextBoolean() ? " , " : ", ";
        return "[" + String.join(sep, items) + "]";
    }

    private static String string(String s, boolean literal) {
        if (literal && s.indexOf('\'') < 0 && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
            return "'" + s + "'";
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
