package dev.criconf.io.toml.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The parser's output: syntax nodes that know their exact char spans in the source text, and the
 * tables those nodes define. Offsets are char offsets into the decoded text; an end offset is
 * exclusive. Nodes are filled in by {@link TomlParser} and never change afterwards.
 */
public final class TomlTree {

    private TomlTree() {}

    /** A key as written, {@code a."b.c".'d'}: its decoded segments and each segment's raw span. */
    public static final class Key {
        public final String[] names;
        public final int[] starts;
        public final int[] ends;

        Key(String[] names, int[] starts, int[] ends) {
            this.names = names;
            this.starts = starts;
            this.ends = ends;
        }

        public int size() {
            return names.length;
        }

        public int start() {
            return starts[0];
        }

        public int end() {
            return ends[ends.length - 1];
        }

        public String dotted() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    b.append('.');
                }
                b.append(TomlFormatter.key(names[i]));
            }
            return b.toString();
        }
    }

    /** How a scalar was written. */
    public enum ScalarKind {
        BASIC_STRING, LITERAL_STRING, ML_BASIC_STRING, ML_LITERAL_STRING,
        INTEGER, FLOAT, BOOLEAN, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE, LOCAL_TIME;

        public boolean isString() {
            return ordinal() <= ML_LITERAL_STRING.ordinal();
        }
    }

    /** A value: a scalar, an array or an inline table, spanning {@code [start, end)}. */
    public abstract static sealed class Value permits Scalar, Array, InlineTable {
        public final int start;
        public int end;
        /** Offset of the comma after this value when it is an array item; -1 otherwise. */
        public int commaAfter = -1;

        Value(int start) {
            this.start = start;
        }
    }

    /** A scalar literal. Strings and floats are decoded lazily from the text. */
    public static final class Scalar extends Value {
        public final ScalarKind kind;
        /** Basic strings: whether the raw text holds a backslash escape. */
        public final boolean escapes;
        /** Integers: the value, decoded while validating the range. */
        public final long longValue;
        /** Integers: 10, 16, 8 or 2. */
        public final int radix;

        Scalar(ScalarKind kind, int start, int end, boolean escapes, long longValue, int radix) {
            super(start);
            this.end = end;
            this.kind = kind;
            this.escapes = escapes;
            this.longValue = longValue;
            this.radix = radix;
        }
    }

    /** An array value {@code [ ... ]}. */
    public static final class Array extends Value {
        public final List<Value> items = new ArrayList<>();

        Array(int start) {
            super(start);
        }
    }

    /** An inline table {@code { ... }} and the table it defines. */
    public static final class InlineTable extends Value {
        public final List<KeyValue> entries = new ArrayList<>();
        public final Table table;

        InlineTable(int start) {
            super(start);
            this.table = new Table(TableKind.INLINE, null, start, start + 1, start, start + 1);
            this.table.inline = this;
        }
    }

    /** {@code key = value}, either a line of a section or an entry of an inline table. */
    public static final class KeyValue {
        public final Key key;
        public final Value value;
        /** Top-level lines: where the line starts (before indentation). */
        public int lineStart;
        /** Top-level lines: where the line's content ends (the newline, or the end of the text). */
        public int contentEnd;
        /** Top-level lines: just past the newline (or the end of the text). */
        public int lineEnd;
        /** Inline table entries: offset of the comma after the entry, or -1. */
        public int commaAfter = -1;
        /** The table that holds the last key segment. */
        public Table owner;

        KeyValue(Key key, Value value) {
            this.key = key;
            this.value = value;
        }
    }

    /** {@code [a.b]} or {@code [[a.b]]}. */
    public static final class Header {
        public final Key key;
        public final boolean arrayOfTables;
        public final int lineStart;
        public final int start;
        public final int end;
        public int contentEnd;
        public int lineEnd;

        Header(Key key, boolean arrayOfTables, int lineStart, int start, int end) {
            this.key = key;
            this.arrayOfTables = arrayOfTables;
            this.lineStart = lineStart;
            this.start = start;
            this.end = end;
        }
    }

    /** The root's lines before the first header, or a header and the lines up to the next one. */
    public static final class Section {
        /** Null for the root section. */
        public final Header header;
        public final Table table;
        public final List<KeyValue> entries = new ArrayList<>();
        /** Where the section's first line starts. */
        public final int start;

        Section(Header header, Table table, int start) {
            this.header = header;
            this.table = table;
            this.start = start;
        }

        /** Just past the last line that belongs to the section (its last entry or its header). */
        public int end() {
            if (!entries.isEmpty()) {
                return entries.get(entries.size() - 1).lineEnd;
            }
            return header == null ? start : header.lineEnd;
        }
    }

    /** How a table came to exist; decides which later definitions may extend it. */
    public enum TableKind { ROOT, IMPLICIT, HEADER, DOTTED, INLINE, ARRAY_ELEMENT }

    /** A table of the document (semantic level), with the entries in definition order. */
    public static final class Table {
        public TableKind kind;
        public final Table parent;
        /** The key naming the table in its parent (for an array element: the array's key); null for the root. */
        public String name;
        public final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        /** The array of tables this table is an element of, for ARRAY_ELEMENT. */
        public TableArray array;
        public Header header;
        public Section section;
        public InlineTable inline;
        /** Span of the definition: the header, the key segment or the braces. */
        public int defStart;
        public int defEnd;
        /** Span of the key segment that names the table; -1 for the root. */
        public int keyStart;
        public int keyEnd;

        Table(TableKind kind, Table parent, int defStart, int defEnd, int keyStart, int keyEnd) {
            this.kind = kind;
            this.parent = parent;
            this.defStart = defStart;
            this.defEnd = defEnd;
            this.keyStart = keyStart;
            this.keyEnd = keyEnd;
        }

        /** Whether {@code other} is this table or nested in it (through tables and arrays of tables). */
        public boolean contains(Table other) {
            for (Table t = other; t != null; t = t.parent) {
                if (t == this) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An array of tables, {@code [[a]]}. */
    public static final class TableArray {
        public final List<Table> elements = new ArrayList<>();
        public final Table parent;
        public final int keyStart;
        public final int keyEnd;

        TableArray(Table parent, int keyStart, int keyEnd) {
            this.parent = parent;
            this.keyStart = keyStart;
            this.keyEnd = keyEnd;
        }
    }

    /** A key of a table and what it holds: a {@link Table}, a {@link TableArray} or a {@link Value}. */
    public static final class Entry {
        public final String name;
        public final Object node;
        public final int keyStart;
        public final int keyEnd;

        Entry(String name, Object node, int keyStart, int keyEnd) {
            this.name = name;
            this.node = node;
            this.keyStart = keyStart;
            this.keyEnd = keyEnd;
        }
    }
}
