package dev.criconf.io.toml.internal;

import dev.criconf.io.internal.SourceText;
import dev.criconf.io.toml.TomlArray;
import dev.criconf.io.toml.TomlBoolean;
import dev.criconf.io.toml.TomlFloat;
import dev.criconf.io.toml.TomlInteger;
import dev.criconf.io.toml.TomlLocalDate;
import dev.criconf.io.toml.TomlLocalDateTime;
import dev.criconf.io.toml.TomlLocalTime;
import dev.criconf.io.toml.TomlOffsetDateTime;
import dev.criconf.io.toml.TomlString;
import dev.criconf.io.toml.TomlTable;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.io.toml.internal.TomlTree.Entry;
import dev.criconf.io.toml.internal.TomlTree.InlineTable;
import dev.criconf.io.toml.internal.TomlTree.Scalar;
import dev.criconf.io.toml.internal.TomlTree.Table;
import dev.criconf.io.toml.internal.TomlTree.TableArray;
import dev.criconf.io.toml.internal.TomlTree.Value;
import dev.criconf.model.Origin;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the public read-only view (records with origins) from the parsed table tree. */
public final class TomlViewBuilder {

    private final SourceText source;
    private final char[] s;

    private TomlViewBuilder(SourceText source, char[] s) {
        this.source = source;
        this.s = s;
    }

    /** The root table of a parse result. */
    public static TomlTable root(SourceText source, TomlParser.Result result) {
        TomlViewBuilder b = new TomlViewBuilder(source, result.chars);
        return b.table(result.root, source.originAt(0, 0), Optional.empty());
    }

    private TomlTable table(Table t, Origin origin, Optional<Origin> keyOrigin) {
        Map<String, TomlValue> entries = new LinkedHashMap<>();
        for (Entry e : t.entries.values()) {
            entries.put(e.name, entry(e));
        }
        return new TomlTable(entries, origin, keyOrigin);
    }

    private TomlValue entry(Entry e) {
        Optional<Origin> key = Optional.of(source.span(e.keyStart, e.keyEnd));
        if (e.node instanceof Table) {
            Table t = (Table) e.node;
            return table(t, source.span(t.defStart, t.defEnd), key);
        }
        if (e.node instanceof TableArray) {
            TableArray a = (TableArray) e.node;
            List<TomlValue> items = new ArrayList<>(a.elements.size());
            for (Table element : a.elements) {
                items.add(table(element, source.span(element.defStart, element.defEnd), Optional.empty()));
            }
            Table first = a.elements.get(0);
            return new TomlArray(items, true, source.span(first.defStart, first.defEnd), key);
        }
        return value((Value) e.node, key);
    }

    private TomlValue value(Value v, Optional<Origin> key) {
        Origin origin = source.span(v.start, v.end);
        if (v instanceof InlineTable) {
            return table(((InlineTable) v).table, origin, key);
        }
        if (v instanceof TomlTree.Array) {
            List<Value> raw = ((TomlTree.Array) v).items;
            List<TomlValue> items = new ArrayList<>(raw.size());
            for (Value item : raw) {
                items.add(value(item, Optional.empty()));
            }
            return new TomlArray(items, false, origin, key);
        }
        Scalar sc = (Scalar) v;
        Object decoded = ScalarDecoder.decode(s, sc);
        switch (sc.kind) {
            case INTEGER:
                return new TomlInteger((Long) decoded, origin, key);
            case FLOAT:
                return new TomlFloat((Double) decoded, origin, key);
            case BOOLEAN:
                return new TomlBoolean((Boolean) decoded, origin, key);
            case OFFSET_DATE_TIME:
                return new TomlOffsetDateTime((OffsetDateTime) decoded, origin, key);
            case LOCAL_DATE_TIME:
                return new TomlLocalDateTime((LocalDateTime) decoded, origin, key);
            case LOCAL_DATE:
                return new TomlLocalDate((LocalDate) decoded, origin, key);
            case LOCAL_TIME:
                return new TomlLocalTime((LocalTime) decoded, origin, key);
            default:
                return new TomlString((String) decoded, origin, key);
        }
    }
}
