package dev.criconf.cli.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.json.JsonData;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonPath;
import dev.criconf.io.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** A JSON file: Docker's daemon.json. Of a duplicated key the last member counts, as in dockerd. */
final class JsonConfig implements ConfigFile {

    private final JsonDocument doc;

    JsonConfig(JsonDocument doc) {
        this.doc = doc;
    }

    @Override
    public FileType type() {
        return FileType.JSON;
    }

    @Override
    public SyntaxDocument document() {
        return doc;
    }

    @Override
    public Optional<Found> get(String key, OptionalInt document) {
        return doc.find(path(key)).map(v -> new Found(toJava(v), ""));
    }

    @Override
    public Edited set(String key, CliValue value, OptionalInt document) {
        JsonPath path = path(key);
        if (path.isRoot()) {
            throw CliException.usage("KEY is empty: set needs the path of a value", "");
        }
        boolean wasString = doc.find(path).filter(JsonValue.JsonString.class::isInstance).isPresent();
        try {
            JsonDocument edited = doc.set(path, toJson(value));
            return new Edited(edited.text(), Notes.typeChange(key, wasString, value));
        } catch (EditException e) {
            throw CliException.failed(e.getMessage(), e);
        }
    }

    private static JsonPath path(String key) {
        JsonPath p = JsonPath.root();
        for (Object s : KeyPath.segments(key)) {
            p = s instanceof Integer i ? p.index(i) : p.key((String) s);
        }
        return p;
    }

    private static JsonData toJson(CliValue value) {
        switch (value.kind()) {
            case BOOLEAN:
                return JsonData.bool(value.booleanValue());
            case INTEGER:
            case FLOAT:
                return JsonData.number(value.decimalValue());
            default:
                return JsonData.string(value.text());
        }
    }

    private static Object toJava(JsonValue v) {
        if (v instanceof JsonValue.JsonObject o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (JsonValue.JsonMember m : o.members()) {
                out.put(m.key(), toJava(m.value()));
            }
            return out;
        }
        if (v instanceof JsonValue.JsonArray a) {
            List<Object> out = new ArrayList<>();
            for (JsonValue item : a.items()) {
                out.add(toJava(item));
            }
            return out;
        }
        if (v instanceof JsonValue.JsonString s) {
            return s.value();
        }
        if (v instanceof JsonValue.JsonNumber n) {
            return new RawNumber(n.raw());
        }
        if (v instanceof JsonValue.JsonBoolean b) {
            return b.value();
        }
        return null;
    }

    /** A JSON number printed exactly as the file writes it. */
    static final class RawNumber extends Number {
        private static final long serialVersionUID = 1L;
        private final String raw;

        RawNumber(String raw) {
            this.raw = raw;
        }

        @Override
        public int intValue() {
            return new java.math.BigDecimal(raw).intValue();
        }

        @Override
        public long longValue() {
            return new java.math.BigDecimal(raw).longValue();
        }

        @Override
        public float floatValue() {
            return new java.math.BigDecimal(raw).floatValue();
        }

        @Override
        public double doubleValue() {
            return new java.math.BigDecimal(raw).doubleValue();
        }

        @Override
        public String toString() {
            return raw;
        }
    }
}
