package dev.criconf.io.toml.internal;

import dev.criconf.io.internal.SourceText;
import dev.criconf.io.toml.internal.TomlTree.Array;
import dev.criconf.io.toml.internal.TomlTree.Entry;
import dev.criconf.io.toml.internal.TomlTree.Header;
import dev.criconf.io.toml.internal.TomlTree.InlineTable;
import dev.criconf.io.toml.internal.TomlTree.Key;
import dev.criconf.io.toml.internal.TomlTree.KeyValue;
import dev.criconf.io.toml.internal.TomlTree.Scalar;
import dev.criconf.io.toml.internal.TomlTree.ScalarKind;
import dev.criconf.io.toml.internal.TomlTree.Section;
import dev.criconf.io.toml.internal.TomlTree.Table;
import dev.criconf.io.toml.internal.TomlTree.TableArray;
import dev.criconf.io.toml.internal.TomlTree.TableKind;
import dev.criconf.io.toml.internal.TomlTree.Value;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Recursive-descent parser over {@link TomlLexer} tokens. It builds the syntax nodes and, as each
 * header and key-value line is read, enters it into the table tree, applying TOML's rules on which
 * table may be defined or extended where. Nesting is checked against the depth limit before
 * descending, so the recursion is bounded by {@code ParseLimits.maxDepth}.
 *
 * <p>After a syntax error the parser resumes at the next line, so several problems are reported
 * in one pass; the first one is always exact.
 */
public final class TomlParser {

    /** Problems beyond this many are not collected; the rest of the file is not checked. */
    static final int MAX_PROBLEMS = 100;

    /** What a parse produced. {@code problems} is in source order. */
    public static final class Result {
        public final char[] chars;
        public final List<Section> sections;
        public final Table root;
        public final List<Problem> problems;

        Result(char[] chars, List<Section> sections, Table root, List<Problem> problems) {
            this.chars = chars;
            this.sections = sections;
            this.root = root;
            this.problems = problems;
        }
    }

    private final char[] s;
    private final int n;
    private final int maxDepth;
    private final TomlLexer lex;
    private final ProblemSink sink;
    private final List<Section> sections = new ArrayList<>();
    private final Table root;

    private TomlParser(SourceText source, boolean v11, int maxDepth) {
        this.s = source.text().toCharArray();
        this.n = s.length;
        this.maxDepth = maxDepth;
        this.sink = new ProblemSink(source);
        this.lex = new TomlLexer(s, v11, sink);
        this.root = new Table(TableKind.ROOT, null, 0, 0, -1, -1);
    }

    /** Parses a whole document. Never throws: every problem is in the result. */
    public static Result parse(SourceText source, boolean v11, int maxDepth) {
        TomlParser parser = new TomlParser(source, v11, maxDepth);
        parser.run();
        List<Problem> problems = parser.sink.problems;
        problems.sort(Comparator.comparingInt(p -> p.origin().offset()));
        return new Result(parser.s, parser.sections, parser.root, List.copyOf(problems));
    }

    private void run() {
        int p = n > 0 && s[0] == '\uFEFF' ? 1 : 0;
        Section current = new Section(null, root, p);
        root.section = current;
        sections.add(current);
        while (p < n) {
            int lineStart = p;
            boolean headerLine = false;
            try {
                p = lex.ws(p);
                if (p >= n) {
                    break;
                }
                char c = s[p];
                if (c == '\n') {
                    p++;
                } else if (c == '\r') {
                    if (p + 1 < n && s[p + 1] == '\n') {
                        p += 2;
                    } else {
                        throw lex.bareCarriageReturn(p);
                    }
                } else if (c == '#') {
                    p = lex.afterNewline(lex.comment(p));
                } else if (c == '[') {
                    headerLine = true;
                    current = header(lineStart, p);
                    p = current.header.lineEnd;
                } else {
                    KeyValue kv = keyValueLine(lineStart, p, current);
                    p = kv.lineEnd;
                }
            } catch (ProblemSink.Abort abort) {
                if (sink.stopped) {
                    return;
                }
                if (sink.problems.size() >= MAX_PROBLEMS) {
                    sink.add(Problem.Kind.SYNTAX, sink.lastOffset, 0,
                            "more than " + MAX_PROBLEMS + " problems; the rest of the file was not checked");
                    return;
                }
                if (headerLine) {
                    // lines under a broken header go to a table of their own, not the one above
                    current = new Section(null, new Table(TableKind.HEADER, null, p, p, p, p), p);
                }
                p = nextLine(Math.max(lineStart, sink.lastOffset));
            } catch (RuntimeException bug) {
                sink.add(Problem.Kind.SYNTAX, Math.min(p, n), 0, "internal parser error: " + bug);
                return;
            }
        }
    }

    private int nextLine(int from) {
        for (int i = from; i < n; i++) {
            if (s[i] == '\n') {
                return i + 1;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- statements

    private Section header(int lineStart, int p) {
        boolean arrayOfTables = p + 1 < n && s[p + 1] == '[';
        int i = lex.ws(p + (arrayOfTables ? 2 : 1));
        Key key = key(i);
        if (key.size() > maxDepth) {
            throw sink.limit(key.starts[maxDepth], key.end() - key.starts[maxDepth],
                    "table header nests deeper than " + maxDepth + " levels (ParseLimits.maxDepth)");
        }
        i = lex.ws(key.end());
        if (arrayOfTables) {
            if (i + 1 < n && s[i] == ']' && s[i + 1] == ']') {
                i += 2;
            } else {
                throw sink.fail(i, 1, "expected `]]` to close the array-of-tables header, found " + lex.describe(i));
            }
        } else if (i < n && s[i] == ']') {
            i++;
        } else {
            throw sink.fail(i, 1, "expected `]` to close the table header, found " + lex.describe(i));
        }
        Header h = new Header(key, arrayOfTables, lineStart, p, i);
        h.contentEnd = lex.contentEnd(i, "the table header");
        h.lineEnd = lex.afterNewline(h.contentEnd);
        Table table = defineHeader(h);
        Section section = new Section(h, table, lineStart);
        table.section = section;
        sections.add(section);
        return section;
    }

    private KeyValue keyValueLine(int lineStart, int p, Section section) {
        int depth = section.header == null ? 0 : section.header.key.size();
        KeyValue kv = keyValue(p, depth);
        kv.lineStart = lineStart;
        kv.contentEnd = lex.contentEnd(kv.value.end, "the value");
        kv.lineEnd = lex.afterNewline(kv.contentEnd);
        defineKeyValue(section.table, kv);
        section.entries.add(kv);
        return kv;
    }

    /** {@code key = value} in a table at nesting {@code depth}. */
    private KeyValue keyValue(int p, int depth) {
        Key key = key(p);
        if (depth + key.size() - 1 > maxDepth) {
            int k = Math.max(0, maxDepth - depth);
            throw sink.limit(key.starts[k], key.end() - key.starts[k],
                    "dotted key nests tables deeper than " + maxDepth + " levels (ParseLimits.maxDepth)");
        }
        int i = lex.ws(key.end());
        if (i >= n || s[i] != '=') {
            throw sink.fail(i, 1, "expected `=` after the key `" + key.dotted() + "`, found " + lex.describe(i));
        }
        i = lex.ws(i + 1);
        Value value = value(i, depth + key.size());
        return new KeyValue(key, value);
    }

    private Key key(int p) {
        String[] names = null;
        int[] starts = null;
        int[] ends = null;
        int count = 0;
        while (true) {
            if (p >= n) {
                throw sink.fail(p, 0, "expected a key, found the end of the file");
            }
            char c = s[p];
            int end;
            String name;
            if (c == '"') {
                if (p + 2 < n && s[p + 1] == '"' && s[p + 2] == '"') {
                    throw sink.fail(p, 3, "a key cannot be a multi-line string");
                }
                end = lex.basicString(p);
                name = ScalarDecoder.quotedKey(s, p, end, lex.lastEscapes);
            } else if (c == '\'') {
                if (p + 2 < n && s[p + 1] == '\'' && s[p + 2] == '\'') {
                    throw sink.fail(p, 3, "a key cannot be a multi-line string");
                }
                end = lex.literalString(p);
                name = ScalarDecoder.quotedKey(s, p, end, false);
            } else {
                end = lex.bareKey(p);
                if (end == p) {
                    throw sink.fail(p, 1, "expected a key, found " + lex.describe(p));
                }
                name = new String(s, p, end - p);
            }
            int q = lex.ws(end);
            boolean more = q < n && s[q] == '.';
            if (count == 0 && !more) {
                return new Key(new String[] {name}, new int[] {p}, new int[] {end});
            }
            if (names == null) {
                names = new String[4];
                starts = new int[4];
                ends = new int[4];
            } else if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            names[count] = name;
            starts[count] = p;
            ends[count] = end;
            count++;
            if (!more) {
                return new Key(Arrays.copyOf(names, count), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
            }
            p = lex.ws(q + 1);
        }
    }

    // ---------------------------------------------------------------- values

    /** A value at nesting {@code depth}: an array or inline table there is the depth-th container. */
    private Value value(int p, int depth) {
        if (p >= n) {
            throw sink.fail(p, 0, "expected a value, found the end of the file");
        }
        char c = s[p];
        switch (c) {
            case '"':
                if (p + 2 < n && s[p + 1] == '"' && s[p + 2] == '"') {
                    int end = lex.mlBasicString(p);
                    return new Scalar(ScalarKind.ML_BASIC_STRING, p, end, lex.lastEscapes, 0, 0);
                } else {
                    int end = lex.basicString(p);
                    return new Scalar(ScalarKind.BASIC_STRING, p, end, lex.lastEscapes, 0, 0);
                }
            case '\'':
                if (p + 2 < n && s[p + 1] == '\'' && s[p + 2] == '\'') {
                    return new Scalar(ScalarKind.ML_LITERAL_STRING, p, lex.mlLiteralString(p), false, 0, 0);
                }
                return new Scalar(ScalarKind.LITERAL_STRING, p, lex.literalString(p), false, 0, 0);
            case '[':
            case '{':
                if (depth > maxDepth) {
                    throw sink.limit(p, 1, "arrays and tables nest deeper than " + maxDepth + " levels (ParseLimits.maxDepth)");
                }
                return c == '[' ? array(p, depth) : inlineTable(p, depth);
            default:
                return lex.atom(p);
        }
    }

    private Array array(int p, int depth) {
        Array array = new Array(p);
        int i = p + 1;
        while (true) {
            i = lex.trivia(i);
            if (i >= n) {
                throw sink.fail(p, 1, "array is not closed: missing `]`");
            }
            if (s[i] == ']') {
                array.end = i + 1;
                return array;
            }
            Value item = value(i, depth + 1);
            array.items.add(item);
            i = lex.trivia(item.end);
            if (i >= n) {
                throw sink.fail(p, 1, "array is not closed: missing `]`");
            }
            if (s[i] == ',') {
                item.commaAfter = i;
                i++;
            } else if (s[i] == ']') {
                array.end = i + 1;
                return array;
            } else {
                throw sink.fail(i, 1, "expected `,` or `]` after an array item, found " + lex.describe(i));
            }
        }
    }

    private InlineTable inlineTable(int p, int depth) {
        InlineTable inline = new InlineTable(p);
        int i = inlineGap(p + 1);
        if (i < n && s[i] == '}') {
            inline.end = i + 1;
            closeInline(inline);
            return inline;
        }
        while (true) {
            KeyValue kv = keyValue(i, depth);
            defineKeyValue(inline.table, kv);
            inline.entries.add(kv);
            i = inlineGap(kv.value.end);
            if (i >= n) {
                throw sink.fail(p, 1, "inline table is not closed: missing `}`");
            }
            if (s[i] == ',') {
                kv.commaAfter = i;
                i = inlineGap(i + 1);
                if (i < n && s[i] == '}') {
                    if (!lex.v11) {
                        throw sink.fail(kv.commaAfter, 1, "a trailing comma in an inline table needs TOML 1.1");
                    }
                    inline.end = i + 1;
                    closeInline(inline);
                    return inline;
                }
            } else if (s[i] == '}') {
                inline.end = i + 1;
                closeInline(inline);
                return inline;
            } else {
                throw sink.fail(i, 1, "expected `,` or `}` in an inline table, found " + lex.describe(i));
            }
        }
    }

    private void closeInline(InlineTable inline) {
        inline.table.defEnd = inline.end;
    }

    /** Between the parts of an inline table: whitespace, and from TOML 1.1 also newlines and comments. */
    private int inlineGap(int p) {
        if (lex.v11) {
            return lex.trivia(p);
        }
        p = lex.ws(p);
        if (p < n && (s[p] == '\n' || s[p] == '\r')) {
            throw sink.fail(p, 1, "an inline table must be on one line in TOML 1.0");
        }
        if (p < n && s[p] == '#') {
            throw sink.fail(p, 1, "comments are not allowed in an inline table in TOML 1.0");
        }
        return p;
    }

    // ---------------------------------------------------------------- table rules

    private String at(int offset) {
        return sink.position(offset);
    }

    private static String path(Key key, int lastIndex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= lastIndex; i++) {
            if (i > 0) {
                b.append('.');
            }
            b.append(TomlFormatter.key(key.names[i]));
        }
        return b.toString();
    }

    private Table defineHeader(Header h) {
        Key key = h.key;
        Table t = root;
        int last = key.size() - 1;
        for (int k = 0; k < last; k++) {
            String name = key.names[k];
            Entry e = t.entries.get(name);
            if (e == null) {
                Table child = new Table(TableKind.IMPLICIT, t, key.starts[k], key.ends[k], key.starts[k], key.ends[k]);
                child.name = name;
                t.entries.put(name, new Entry(name, child, key.starts[k], key.ends[k]));
                t = child;
            } else if (e.node instanceof Table) {
                t = (Table) e.node;
            } else if (e.node instanceof TableArray) {
                List<Table> elements = ((TableArray) e.node).elements;
                t = elements.get(elements.size() - 1);
            } else {
                throw notATable(key, k, e);
            }
        }
        String name = key.names[last];
        int ks = key.starts[last];
        int ke = key.ends[last];
        Entry e = t.entries.get(name);
        if (h.arrayOfTables) {
            TableArray array;
            if (e == null) {
                array = new TableArray(t, ks, ke);
                t.entries.put(name, new Entry(name, array, ks, ke));
            } else if (e.node instanceof TableArray) {
                array = (TableArray) e.node;
            } else if (e.node instanceof Table) {
                throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "`" + path(key, last) + "` is a table (defined at "
                        + at(((Table) e.node).defStart) + "); `[[" + path(key, last) + "]]` cannot make it an array of tables");
            } else if (e.node instanceof TomlTree.Array) {
                throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "`" + path(key, last) + "` is an array value (defined at "
                        + at(e.keyStart) + "); `[[" + path(key, last) + "]]` cannot add tables to it");
            } else {
                throw notATable(key, last, e);
            }
            Table element = new Table(TableKind.ARRAY_ELEMENT, t, h.start, h.end, ks, ke);
            element.array = array;
            element.name = name;
            element.header = h;
            array.elements.add(element);
            return element;
        }
        if (e == null) {
            Table table = new Table(TableKind.HEADER, t, h.start, h.end, ks, ke);
            table.header = h;
            table.name = name;
            t.entries.put(name, new Entry(name, table, ks, ke));
            return table;
        }
        if (e.node instanceof Table) {
            Table table = (Table) e.node;
            switch (table.kind) {
                case IMPLICIT:
                    table.kind = TableKind.HEADER;
                    table.header = h;
                    table.defStart = h.start;
                    table.defEnd = h.end;
                    return table;
                case DOTTED:
                    throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "table `" + path(key, last)
                            + "` was already defined with dotted keys at " + at(table.defStart) + "; it cannot get a header too");
                default:
                    throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "duplicate table `[" + path(key, last)
                            + "]`, first defined at " + at(table.defStart));
            }
        }
        if (e.node instanceof TableArray) {
            throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "`" + path(key, last) + "` is an array of tables (defined at "
                    + at(e.keyStart) + "); `[" + path(key, last) + "]` cannot define it as a table");
        }
        throw notATable(key, last, e);
    }

    private ProblemSink.Abort notATable(Key key, int k, Entry e) {
        int ks = key.starts[k];
        int ke = key.ends[k];
        if (e.node instanceof InlineTable) {
            return sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "`" + path(key, k) + "` is an inline table (defined at "
                    + at(e.keyStart) + ") and cannot be extended");
        }
        return sink.fail(Problem.Kind.DUPLICATE_KEY, ks, ke - ks, "key `" + path(key, k) + "` already holds a value (defined at "
                + at(e.keyStart) + "); it cannot be a table too");
    }

    private void defineKeyValue(Table table, KeyValue kv) {
        Key key = kv.key;
        Table t = table;
        int last = key.size() - 1;
        for (int k = 0; k < last; k++) {
            String name = key.names[k];
            Entry e = t.entries.get(name);
            if (e == null) {
                Table child = new Table(TableKind.DOTTED, t, key.starts[k], key.ends[k], key.starts[k], key.ends[k]);
                child.name = name;
                t.entries.put(name, new Entry(name, child, key.starts[k], key.ends[k]));
                t = child;
                continue;
            }
            if (e.node instanceof Table) {
                Table child = (Table) e.node;
                if (child.kind == TableKind.DOTTED) {
                    t = child;
                    continue;
                }
                if (child.kind == TableKind.IMPLICIT) {
                    // a table so far only implied by a header below it; the dotted keys define it here
                    child.kind = TableKind.DOTTED;
                    child.defStart = key.starts[k];
                    child.defEnd = key.ends[k];
                    t = child;
                    continue;
                }
                int ks = key.starts[k];
                throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, key.ends[k] - ks, "table `" + path(key, k)
                        + "` was defined by its header at " + at(child.defStart) + "; dotted keys cannot add to it");
            }
            if (e.node instanceof TableArray) {
                int ks = key.starts[k];
                throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, key.ends[k] - ks, "`" + path(key, k)
                        + "` is an array of tables (defined at " + at(e.keyStart) + "); dotted keys cannot add to it");
            }
            throw notATable(key, k, e);
        }
        String name = key.names[last];
        Entry e = t.entries.get(name);
        if (e != null) {
            int ks = key.starts[last];
            throw sink.fail(Problem.Kind.DUPLICATE_KEY, ks, key.ends[last] - ks, "duplicate key `" + TomlFormatter.key(name)
                    + "`, first defined at " + at(e.keyStart));
        }
        t.entries.put(name, new Entry(name, kv.value, key.starts[last], key.ends[last]));
        kv.owner = t;
    }
}
