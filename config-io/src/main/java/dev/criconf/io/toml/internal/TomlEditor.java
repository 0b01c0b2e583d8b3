package dev.criconf.io.toml.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.io.toml.internal.TomlTree.Entry;
import dev.criconf.io.toml.internal.TomlTree.Header;
import dev.criconf.io.toml.internal.TomlTree.InlineTable;
import dev.criconf.io.toml.internal.TomlTree.KeyValue;
import dev.criconf.io.toml.internal.TomlTree.Scalar;
import dev.criconf.io.toml.internal.TomlTree.ScalarKind;
import dev.criconf.io.toml.internal.TomlTree.Section;
import dev.criconf.io.toml.internal.TomlTree.Table;
import dev.criconf.io.toml.internal.TomlTree.TableArray;
import dev.criconf.io.toml.internal.TomlTree.TableKind;
import dev.criconf.io.toml.internal.TomlTree.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns one edit into splices on the original text, using the spans of the parse tree, and works
 * out the document value the edit intends. The caller re-parses the spliced text and compares.
 *
 * <p>Placement rules (after tomlj's {@code docs/writing.md}): a replaced value keeps everything
 * around it; a new key goes after the last line of its table's section with that line's
 * indentation, as a dotted key where the table is made of dotted keys, or inside the braces of an
 * inline table in the table's own layout; a missing table becomes a {@code [header]} section after
 * the last section of its parent's subtree; new lines use the file's dominant line ending and a
 * file without a final newline keeps lacking one.
 */
public final class TomlEditor {

    /** What an edit starts from. */
    public record Context(SourceText source, TomlParser.Result tree, Map<String, Object> current, boolean v11) {}

    /** The edited text and the document value it should read back as. */
    public record Result(String text, Map<String, Object> intended) {}

    private final Context ctx;
    private final String text;
    private final char[] s;
    private final int n;
    private final int textStart;
    /** The line ending new lines get; looked up only by edits that add lines (it scans the file). */
    private String nl;
    private final List<Splice> splices = new ArrayList<>();

    private record Splice(int start, int end, String text, int order) {}

    private TomlEditor(Context ctx) {
        this.ctx = ctx;
        this.text = ctx.source().text();
        this.s = ctx.tree().chars;
        this.n = s.length;
        this.textStart = n > 0 && s[0] == '\uFEFF' ? 1 : 0;
    }

    private String nl() {
        if (nl == null) {
            String ending = ctx.source().dominantLineEnding();
            nl = ending.equals("\r") ? "\n" : ending;
        }
        return nl;
    }

    // ================================================================ entry points

    public static Result set(Context ctx, TomlPath path, Object value) {
        if (path.isRoot()) {
            throw new EditException("cannot replace the root table; set its keys one at a time");
        }
        Object v = JavaValues.normalize(value);
        TomlEditor ed = new TomlEditor(ctx);
        ed.set(path, v);
        Map<String, Object> intended = JavaValues.copyAlong(ctx.current(), path.parent());
        JavaValues.set(intended, path, v);
        return new Result(ed.apply(), intended);
    }

    public static Result remove(Context ctx, TomlPath path) {
        if (path.isRoot()) {
            throw new EditException("cannot remove the root table");
        }
        TomlEditor ed = new TomlEditor(ctx);
        Object r = ed.resolve(path);
        if (r instanceof Missing) {
            throw new EditException("nothing to remove at `" + path + "`");
        }
        ed.remove((Found) r);
        Map<String, Object> intended = JavaValues.copyAlong(ctx.current(), path.parent());
        JavaValues.remove(intended, path);
        ed.pruneVanished(intended, path);
        return new Result(ed.apply(), intended);
    }

    public static Result append(Context ctx, TomlPath path, Object value) {
        if (path.isRoot()) {
            throw new EditException("the root table is not an array");
        }
        Object v = JavaValues.normalize(value);
        TomlEditor ed = new TomlEditor(ctx);
        Object r = ed.resolve(path);
        if (r instanceof Missing) {
            return set(ctx, path, List.of(v));
        }
        Found f = (Found) r;
        if (f.node instanceof TomlTree.Array) {
            ed.appendItem((TomlTree.Array) f.node, TomlFormatter.inline(v));
        } else if (f.node instanceof TableArray) {
            if (!(v instanceof Map)) {
                throw new EditException("`" + path + "` is an array of tables; only a table (a Map) can be appended");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) v;
            ed.appendTable((TableArray) f.node, table);
        } else {
            throw new EditException("`" + path + "` is " + describe(f.node) + ", not an array");
        }
        Map<String, Object> intended = JavaValues.copyAlong(ctx.current(), path);
        JavaValues.append(intended, path, v);
        return new Result(ed.apply(), intended);
    }

    /** Where two document values first differ; empty when equal. */
    public static Optional<String> firstDifference(Map<String, Object> expected, Map<String, Object> actual) {
        return JavaValues.firstDifference(expected, actual);
    }

    // ================================================================ resolving paths

    /** A node the path reached, with the container and key or index that hold it. */
    private static final class Found {
        final Object node;
        final Object container;
        final int index;

        Found(Object node, Object container, int index) {
            this.node = node;
            this.container = container;
            this.index = index;
        }
    }

    /** The deepest existing table on the path, and where the missing part starts. */
    private static final class Missing {
        final Table table;
        final int from;

        Missing(Table table, int from) {
            this.table = table;
            this.from = from;
        }
    }

    private Object resolve(TomlPath path) {
        Object cur = ctx.tree().root;
        Found found = null;
        List<TomlPath.Segment> segs = path.segments();
        for (int i = 0; i < segs.size(); i++) {
            TomlPath.Segment seg = segs.get(i);
            if (seg instanceof TomlPath.Key) {
                Table t = tableOf(cur);
                if (t == null) {
                    throw new EditException("`" + path.prefix(i) + "` is " + describe(cur) + ", not a table");
                }
                Entry e = t.entries.get(((TomlPath.Key) seg).name());
                if (e == null) {
                    return new Missing(t, i);
                }
                found = new Found(e.node, t, -1);
                cur = e.node;
            } else {
                int index = ((TomlPath.Index) seg).index();
                int size;
                Object item;
                if (cur instanceof TableArray) {
                    List<Table> elements = ((TableArray) cur).elements;
                    size = elements.size();
                    item = index < size ? elements.get(index) : null;
                } else if (cur instanceof TomlTree.Array) {
                    List<Value> items = ((TomlTree.Array) cur).items;
                    size = items.size();
                    item = index < size ? items.get(index) : null;
                } else {
                    throw new EditException("`" + path.prefix(i) + "` is " + describe(cur) + ", not an array");
                }
                if (item == null) {
                    throw new EditException("`" + path.prefix(i + 1) + "` is past the end: `" + path.prefix(i)
                            + "` has " + size + (size == 1 ? " item" : " items"));
                }
                found = new Found(item, cur, index);
                cur = item;
            }
        }
        return found;
    }

    private static Table tableOf(Object node) {
        if (node instanceof Table) {
            return (Table) node;
        }
        if (node instanceof InlineTable) {
            return ((InlineTable) node).table;
        }
        return null;
    }

    private static String describe(Object node) {
        if (node instanceof Table || node instanceof InlineTable) {
            return "a table";
        }
        if (node instanceof TableArray) {
            return "an array of tables";
        }
        if (node instanceof TomlTree.Array) {
            return "an array";
        }
        if (node instanceof Scalar) {
            ScalarKind k = ((Scalar) node).kind;
            return k.isString() ? "a string" : "a " + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
        return "a value";
    }

    /** The inline table a table belongs to (itself or through dotted keys inside the braces), or null. */
    private static Table inlineRoot(Table t) {
        while (t.kind == TableKind.DOTTED) {
            t = t.parent;
        }
        return t.kind == TableKind.INLINE ? t : null;
    }

    // ================================================================ set

    private void set(TomlPath path, Object v) {
        Object r = resolve(path);
        if (r instanceof Found) {
            Found f = (Found) r;
            if (f.node instanceof Value) {
                Value old = (Value) f.node;
                replace(old.start, old.end, replacement(old, v));
                return;
            }
            throw new EditException("`" + path + "` is " + describe(f.node)
                    + " written as sections; set its keys one at a time, or remove it first");
        }
        Missing m = (Missing) r;
        List<String> rest = new ArrayList<>();
        for (TomlPath.Segment seg : path.segments().subList(m.from, path.size())) {
            if (!(seg instanceof TomlPath.Key)) {
                throw new EditException("`" + path.prefix(m.from + 1) + "` does not exist; add array items with appendToArray");
            }
            rest.add(((TomlPath.Key) seg).name());
        }
        add(m.table, rest, v);
    }

    /** The text for a value replacing {@code old}, in old's notation where that can hold it. */
    private String replacement(Value old, Object v) {
        if (old instanceof Scalar && v instanceof String) {
            String str = (String) v;
            switch (((Scalar) old).kind) {
                case LITERAL_STRING:
                    if (TomlFormatter.literalCanHold(str)) {
                        return TomlFormatter.literalString(str);
                    }
                    break;
                case ML_LITERAL_STRING:
                    return TomlFormatter.mlLiteralCanHold(str) ? TomlFormatter.mlLiteralString(str, nl())
                            : TomlFormatter.mlBasicString(str, nl());
                case ML_BASIC_STRING:
                    return TomlFormatter.mlBasicString(str, nl());
                default:
                    break;
            }
            return TomlFormatter.basicString(str);
        }
        if (old instanceof Scalar && ((Scalar) old).kind == ScalarKind.INTEGER && v instanceof Long) {
            Scalar sc = (Scalar) old;
            long value = (Long) v;
            if (sc.radix != 10 && value >= 0) {
                boolean upper = false;
                for (int i = sc.start + 2; i < sc.end; i++) {
                    upper |= s[i] >= 'A' && s[i] <= 'F';
                }
                return TomlFormatter.integer(value, sc.radix, upper);
            }
        }
        return TomlFormatter.inline(v);
    }

    /** Adds the keys {@code rest} (missing) under table {@code c} with the value {@code v} at the end. */
    private void add(Table c, List<String> rest, Object v) {
        Table inline = inlineRoot(c);
        if (inline != null) {
            List<String> relative = new ArrayList<>();
            for (Table t = c; t != inline; t = t.parent) {
                relative.add(0, t.name);
            }
            relative.addAll(rest);
            appendEntry(inline.inline, keyText(relative, false) + " = " + TomlFormatter.inline(v));
            return;
        }
        switch (c.kind) {
            case DOTTED:
                addDotted(c, rest, v);
                return;
            case ROOT:
            case HEADER:
            case ARRAY_ELEMENT:
                if (rest.size() == 1 && !(v instanceof Map)) {
                    addLine(c.section, keyText(rest, false) + " = " + TomlFormatter.inline(v));
                    return;
                }
                break;
            default:
                break;
        }
        if (v instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) v;
            newSection(c, rest, table);
        } else {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put(rest.get(rest.size() - 1), v);
            newSection(c, rest.subList(0, rest.size() - 1), table);
        }
    }

    /** A new dotted-key line next to the last line that writes into the dotted table {@code c}. */
    private void addDotted(Table c, List<String> rest, Object v) {
        Table base = c;
        int depth = 0;
        while (base.kind == TableKind.DOTTED) {
            base = base.parent;
            depth++;
        }
        KeyValue anchor = null;
        for (KeyValue kv : base.section.entries) {
            if (kv.owner != null && c.contains(kv.owner)) {
                anchor = kv;
            }
        }
        if (anchor == null) {
            throw new EditException("no line writes the dotted table `" + c.name + "`");
        }
        String prefix = text.substring(anchor.key.starts[0], anchor.key.ends[depth - 1]);
        String line = indentOf(anchor.lineStart, anchor.key.start()) + prefix + "." + keyText(rest, prefix.indexOf('\'') >= 0)
                + " = " + TomlFormatter.inline(v);
        insertLineAfter(anchor.lineEnd, line);
    }

    /** A new {@code key = value} line in a section: after its last line, or under its header. */
    private void addLine(Section section, String keyValue) {
        if (!section.entries.isEmpty()) {
            KeyValue last = section.entries.get(section.entries.size() - 1);
            insertLineAfter(last.lineEnd, indentOf(last.lineStart, last.key.start()) + keyValue);
            return;
        }
        if (section.header != null) {
            int depth = section.header.key.size();
            insertLineAfter(section.header.lineEnd, entryIndent(depth, headerIndent(section.header)) + keyValue);
            return;
        }
        // a root without keys: before the first header and the comments directly above it
        List<Section> sections = ctx.tree().sections;
        if (sections.size() < 2) {
            insertLineAfter(n, keyValue);
            return;
        }
        int at = attachedCommentsStart(sections.get(1).header.lineStart);
        insert(at, keyValue + nl() + nl());
    }

    /** A new {@code [header]} section for the table {@code c}.{@code relative}, after c's subtree. */
    private void newSection(Table c, List<String> relative, Map<String, Object> entries) {
        Table a = c;
        List<String> names = new ArrayList<>();
        while (a.kind != TableKind.ROOT && a.header == null) {
            names.add(0, a.name);
            a = a.parent;
        }
        String prefix = a.kind == TableKind.ROOT ? "" : raw(a.header.key);
        names.addAll(relative);
        String path = prefix.isEmpty() ? keyText(names, false)
                : names.isEmpty() ? prefix : prefix + "." + keyText(names, prefix.indexOf('\'') >= 0);
        int depth = depthOf(c) + relative.size();
        String headerIndent = headerIndentFor(c, depth);
        String entryIndent = entryIndent(depth, headerIndent);
        List<String> lines = new ArrayList<>();
        lines.add(headerIndent + "[" + path + "]");
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            lines.add(entryIndent + TomlFormatter.key(e.getKey()) + " = " + TomlFormatter.inline(e.getValue()));
        }
        insertBlock(subtreeEnd(c), lines);
    }

    // ================================================================ append

    private void appendTable(TableArray array, Map<String, Object> entries) {
        Table last = array.elements.get(array.elements.size() - 1);
        Header h = last.header;
        String headerIndent = headerIndent(h);
        String entryIndent = last.section.entries.isEmpty() ? entryIndent(h.key.size(), headerIndent)
                : indentOf(last.section.entries.get(0).lineStart, last.section.entries.get(0).key.start());
        List<String> lines = new ArrayList<>();
        lines.add(headerIndent + "[[" + raw(h.key) + "]]");
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            lines.add(entryIndent + TomlFormatter.key(e.getKey()) + " = " + TomlFormatter.inline(e.getValue()));
        }
        insertBlock(subtreeEnd(last), lines);
    }

    private void appendItem(TomlTree.Array array, String item) {
        List<int[]> items = new ArrayList<>();
        for (Value v : array.items) {
            items.add(new int[] {v.start, v.end, v.commaAfter});
        }
        insertItem(array.start, array.end - 1, items, item, false);
    }

    private void appendEntry(InlineTable inline, String entry) {
        insertItem(inline.start, inline.end - 1, inlineItems(inline), entry, true);
    }

    private static List<int[]> inlineItems(InlineTable inline) {
        List<int[]> items = new ArrayList<>();
        for (KeyValue kv : inline.entries) {
            items.add(new int[] {kv.key.start(), kv.value.end, kv.commaAfter});
        }
        return items;
    }

    /**
     * Inserts an item after the last one of an array or inline table, in the container's layout:
     * one line per item when the items are written so, otherwise with the separator used before.
     * Each item is {start, end, commaAfter}.
     */
    private void insertItem(int open, int close, List<int[]> items, String item, boolean inlineTable) {
        if (items.isEmpty()) {
            if (blank(open + 1, close)) {
                replace(open + 1, close, inlineTable ? " " + item + " " : item);
            } else {
                insert(close, item + (inlineTable ? " " : ""));
            }
            return;
        }
        int[] last = items.get(items.size() - 1);
        boolean trailingComma = last[2] >= 0;
        int sepStart = items.size() >= 2 ? items.get(items.size() - 2)[2] + 1 : open + 1;
        String sep = text.substring(sepStart, last[0]);
        int newline = sep.lastIndexOf('\n');
        if (newline >= 0) {
            String indent = sep.substring(newline + 1);
            int anchor = trailingComma ? last[2] + 1 : last[1];
            int eol = restOfLineIsTrivia(anchor);
            if (!trailingComma) {
                insert(last[1], ",");
            }
            insert(eol >= 0 && eol < close ? eol : anchor, nl() + indent + item + (trailingComma ? "," : ""));
            return;
        }
        String gap = items.size() >= 2 ? sep : " ";
        if (trailingComma) {
            insert(last[2] + 1, gap + item + ",");
        } else {
            insert(last[1], "," + gap + item);
        }
    }

    // ================================================================ remove

    private void remove(Found f) {
        if (f.container instanceof TomlTree.Array) {
            TomlTree.Array array = (TomlTree.Array) f.container;
            List<int[]> items = new ArrayList<>();
            for (Value v : array.items) {
                items.add(new int[] {v.start, v.end, v.commaAfter});
            }
            removeItem(array.start, array.end - 1, items, f.index);
            return;
        }
        if (f.container instanceof TableArray) {
            Table element = (Table) f.node;
            removeSections(element::contains);
            return;
        }
        Table container = (Table) f.container;
        Table inline = inlineRoot(container);
        if (inline != null) {
            removeInlineEntries(inline.inline, f.node);
            return;
        }
        if (f.node instanceof Value) {
            for (Section section : ctx.tree().sections) {
                for (KeyValue kv : section.entries) {
                    if (kv.value == f.node) {
                        removeRange(kv.lineStart, kv.lineEnd);
                        return;
                    }
                }
            }
            throw new EditException("no line holds the value to remove");
        }
        if (f.node instanceof TableArray) {
            List<Table> elements = ((TableArray) f.node).elements;
            removeSections(t -> elements.stream().anyMatch(e -> e.contains(t)));
        } else {
            removeSections(((Table) f.node)::contains);
        }
    }

    /** Removes every section of a table inside the subtree, and every line writing into it. */
    private void removeSections(Predicate<Table> inside) {
        for (Section section : ctx.tree().sections) {
            if (section.header != null && inside.test(section.table)) {
                removeSection(section);
                continue;
            }
            for (KeyValue kv : section.entries) {
                if (kv.owner != null && inside.test(kv.owner)) {
                    removeRange(kv.lineStart, kv.lineEnd);
                }
            }
        }
    }

    /**
     * Removes a section from its header to its last line, with the blank lines after it (or, for
     * the last section of the file, the blank lines before it), so the sections around it stay
     * separated as before.
     */
    private void removeSection(Section section) {
        int start = section.header.lineStart;
        int end = section.end();
        int after = end;
        while (after < n && lineIsBlank(after)) {
            after = afterNewline(restOfLineIsTrivia(after));
        }
        if (after < n) {
            end = after;
        } else {
            end = n;
            while (start > textStart && lineIsBlank(lineStartOf(start - 1))) {
                start = lineStartOf(start - 1);
            }
        }
        removeRange(start, end);
    }

    private void removeInlineEntries(InlineTable inline, Object node) {
        List<Integer> doomed = new ArrayList<>();
        for (int i = 0; i < inline.entries.size(); i++) {
            KeyValue kv = inline.entries.get(i);
            if (kv.value == node || node instanceof Table && kv.owner != null && ((Table) node).contains(kv.owner)) {
                doomed.add(i);
            }
        }
        if (doomed.size() == 1) {
            removeItem(inline.start, inline.end - 1, inlineItems(inline), doomed.get(0));
            return;
        }
        // several entries of one dotted table: write the braces anew from the entries that stay
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < inline.entries.size(); i++) {
            if (!doomed.contains(i)) {
                KeyValue kv = inline.entries.get(i);
                kept.add(text.substring(kv.key.start(), kv.value.end));
            }
        }
        replace(inline.start, inline.end, kept.isEmpty() ? "{}" : "{ " + String.join(", ", kept) + " }");
    }

    /** Removes item {@code k} of an array or inline table, with one comma, or its whole line(s). */
    private void removeItem(int open, int close, List<int[]> items, int k) {
        int[] item = items.get(k);
        int after = item[2] >= 0 ? item[2] + 1 : item[1];
        int lineStart = lineStartOf(item[0]);
        int eol = restOfLineIsTrivia(after);
        boolean last = k == items.size() - 1;
        if (lineStart > open && blank(lineStart, item[0]) && eol >= 0 && eol < close && (item[2] >= 0 || last)) {
            removeRange(lineStart, afterNewline(eol));
            return;
        }
        if (!last) {
            removeRange(item[0], items.get(k + 1)[0]);
        } else if (k > 0) {
            int[] prev = items.get(k - 1);
            if (item[2] >= 0) {
                removeRange(prev[2] + 1, item[2] + 1);
            } else {
                removeRange(prev[1], item[1]);
            }
        } else if (blank(open + 1, item[0]) && blank(after, close)) {
            removeRange(open + 1, close);
        } else {
            removeRange(item[0], after);
        }
    }

    /** After a removal, tables that only existed through what was removed vanish from the value too. */
    private void pruneVanished(Map<String, Object> intended, TomlPath path) {
        for (int len = path.size() - 1; len >= 1; len--) {
            TomlPath prefix = path.prefix(len);
            Object r = resolve(prefix);
            if (!(r instanceof Found)) {
                return;
            }
            Object node = ((Found) r).node;
            Object now = JavaValues.get(intended, prefix);
            boolean vanished = node instanceof Table
                    && (((Table) node).kind == TableKind.IMPLICIT || ((Table) node).kind == TableKind.DOTTED)
                    && now instanceof Map && ((Map<?, ?>) now).isEmpty()
                    || node instanceof TableArray && now instanceof List && ((List<?>) now).isEmpty();
            if (!vanished) {
                return;
            }
            JavaValues.remove(intended, prefix);
        }
    }

    // ================================================================ layout helpers

    private String raw(TomlTree.Key key) {
        return text.substring(key.start(), key.end());
    }

    private static String keyText(List<String> names, boolean preferLiteral) {
        StringBuilder b = new StringBuilder();
        for (String name : names) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(TomlFormatter.key(name, preferLiteral));
        }
        return b.toString();
    }

    private String indentOf(int lineStart, int tokenStart) {
        return text.substring(lineStart, tokenStart);
    }

    private String headerIndent(Header h) {
        return indentOf(h.lineStart, h.start);
    }

    private static int depthOf(Table t) {
        int depth = 0;
        for (Table p = t; p.kind != TableKind.ROOT; p = p.parent) {
            depth++;
        }
        return depth;
    }

    /**
     * Indentation for a new header of the given depth under table {@code c}: that of the headers of
     * the same depth in c's subtree, else c's header indented one step further, else that of any
     * header of the same depth.
     */
    private String headerIndentFor(Table c, int depth) {
        String sibling = null;
        String same = null;
        for (Section section : ctx.tree().sections) {
            if (section.header != null && section.header.key.size() == depth) {
                same = headerIndent(section.header);
                if (c.contains(section.table)) {
                    sibling = same;
                }
            }
        }
        if (sibling != null) {
            return sibling;
        }
        if (c.header != null) {
            return headerIndent(c.header) + headerStep();
        }
        return same == null ? "" : same;
    }

    /** How much deeper a header is indented than its parent's header, as the file does it. */
    private String headerStep() {
        for (Section section : ctx.tree().sections) {
            if (section.header == null || section.header.key.size() < 2) {
                continue;
            }
            String child = headerIndent(section.header);
            for (Section parent : ctx.tree().sections) {
                if (parent.header != null && parent.header.key.size() == section.header.key.size() - 1) {
                    String p = headerIndent(parent.header);
                    if (child.startsWith(p) && child.length() > p.length()) {
                        return child.substring(p.length());
                    }
                }
            }
        }
        return "";
    }

    /** Indentation for the lines of a section whose header has the given depth and indentation. */
    private String entryIndent(int depth, String headerIndent) {
        for (Section section : ctx.tree().sections) {
            if (section.header != null && section.header.key.size() == depth && !section.entries.isEmpty()
                    && headerIndent(section.header).equals(headerIndent)) {
                KeyValue kv = section.entries.get(0);
                return indentOf(kv.lineStart, kv.key.start());
            }
        }
        for (Section section : ctx.tree().sections) {
            if (section.header != null && !section.entries.isEmpty()) {
                String h = headerIndent(section.header);
                KeyValue kv = section.entries.get(0);
                String e = indentOf(kv.lineStart, kv.key.start());
                if (e.startsWith(h)) {
                    return headerIndent + e.substring(h.length());
                }
            }
        }
        return headerIndent;
    }

    /**
     * Where the subtree of a table ends: after the last section inside it, including the comments
     * and blank lines that follow that section (often commented-out settings that belong to it),
     * but not the comments directly above the next header. For the root, the end of the document.
     */
    private int subtreeEnd(Table c) {
        List<Section> sections = ctx.tree().sections;
        int last = -1;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (c.kind == TableKind.ROOT || section.header != null && c.contains(section.table)) {
                if (last < 0 || section.end() >= sections.get(last).end()) {
                    last = i;
                }
            }
        }
        if (last < 0 || last == sections.size() - 1) {
            return n;
        }
        Section next = sections.get(last + 1);
        return Math.max(sections.get(last).end(), attachedCommentsStart(next.header.lineStart));
    }

    private int attachedCommentsStart(int lineStart) {
        int at = lineStart;
        while (at > textStart) {
            int prev = lineStartOf(at - 1);
            int i = prev;
            while (i < at && (s[i] == ' ' || s[i] == '\t')) {
                i++;
            }
            if (i < at && s[i] == '#') {
                at = prev;
            } else {
                break;
            }
        }
        return at;
    }

    private int lineStartOf(int offset) {
        int i = offset;
        while (i > textStart && s[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] != ' ' && s[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** If only whitespace and a comment follow {@code p} on its line, the newline's offset (or the end); else -1. */
    private int restOfLineIsTrivia(int p) {
        int i = p;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        if (i < n && s[i] == '#') {
            while (i < n && s[i] != '\n' && !(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')) {
                i++;
            }
        }
        if (i >= n || s[i] == '\n' || s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') {
            return i;
        }
        return -1;
    }

    private int afterNewline(int p) {
        if (p >= n) {
            return n;
        }
        return s[p] == '\r' ? p + 2 : p + 1;
    }

    private boolean endsWithNewline() {
        return n > textStart && s[n - 1] == '\n';
    }

    private boolean lineIsBlank(int lineStart) {
        int eol = restOfLineIsTrivia(lineStart);
        return eol >= 0 && blank(lineStart, eol);
    }

    /** Inserts a line that follows the line ending at {@code lineEnd} (just past its newline, or the end). */
    private void insertLineAfter(int lineEnd, String line) {
        if (lineEnd >= n && n > textStart && !endsWithNewline()) {
            insert(n, nl() + line);
        } else {
            insert(lineEnd, line + nl());
        }
    }

    /** Inserts lines at a line start, set off by blank lines from the lines around them. */
    private void insertBlock(int at, List<String> lines) {
        String block = String.join(nl(), lines);
        if (at >= n && n > textStart && !endsWithNewline()) {
            insert(n, nl() + nl() + block);
            return;
        }
        boolean blankBefore = at > textStart && !lineIsBlank(lineStartOf(at - 1));
        boolean blankAfter = at < n && !lineIsBlank(at);
        insert(at, (blankBefore ? nl() : "") + block + nl() + (blankAfter ? nl() : ""));
    }

    // ================================================================ splices

    private void insert(int at, String value) {
        splices.add(new Splice(at, at, value, splices.size()));
    }

    private void replace(int start, int end, String value) {
        splices.add(new Splice(start, end, value, splices.size()));
    }

    private void removeRange(int start, int end) {
        if (end >= n && n > textStart && !endsWithNewline() && start > textStart && s[start - 1] == '\n') {
            // keep the file without a final newline: take the newline before the removed last line
            start -= start >= 2 && s[start - 2] == '\r' ? 2 : 1;
        }
        splices.add(new Splice(start, end, "", splices.size()));
    }

    private String apply() {
        if (splices.size() == 1) {
            // The common edit: one value replaced. Bulk copies of the text around it (String's
            // own, instead of a StringBuilder fed from the char array, which copies char by char).
            Splice sp = splices.get(0);
            return text.substring(0, sp.start()) + sp.text() + text.substring(sp.end());
        }
        List<Splice> sorted = new ArrayList<>(splices);
        sorted.sort(Comparator.comparingInt(Splice::start).thenComparingInt(Splice::order));
        StringBuilder b = new StringBuilder(n + 64);
        int copied = 0;
        for (Splice sp : sorted) {
            if (sp.start() > copied) {
                b.append(s, copied, sp.start() - copied);
            }
            b.append(sp.text());
            copied = Math.max(copied, sp.end());
        }
        if (copied < n) {
            b.append(s, copied, n - copied);
        }
        return b.toString();
    }
}
