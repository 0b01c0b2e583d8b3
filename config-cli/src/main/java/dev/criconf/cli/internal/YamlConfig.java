package dev.criconf.cli.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.yaml.YamlAlias;
import dev.criconf.io.yaml.YamlDocument;
import dev.criconf.io.yaml.YamlMapping;
import dev.criconf.io.yaml.YamlNode;
import dev.criconf.io.yaml.YamlPath;
import dev.criconf.io.yaml.YamlScalar;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.io.yaml.YamlValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A YAML stream: KubeletConfiguration, kubeadm's multi-document configuration. Values are read as
 * the kubelet reads them ({@link YamlSchema#YAML_1_1_KUBELET}: aliases followed, merge keys
 * applied, the last of duplicated keys wins). Documents are numbered from 0.
 */
final class YamlConfig implements ConfigFile {

    private static final YamlSchema SCHEMA = YamlSchema.YAML_1_1_KUBELET;

    private final YamlStream stream;

    YamlConfig(YamlStream stream) {
        this.stream = stream;
    }

    @Override
    public FileType type() {
        return FileType.YAML;
    }

    @Override
    public SyntaxDocument document() {
        return stream;
    }

    @Override
    public Optional<Found> get(String key, OptionalInt document) {
        List<Object> path = KeyPath.segments(key);
        if (document.isPresent()) {
            YamlDocument d = requireDocument(document.getAsInt());
            return lookup(d.value(SCHEMA), path).map(v -> new Found(toJava(v), ""));
        }
        for (YamlDocument d : stream.documents()) {
            Optional<YamlValue> v = lookup(d.value(SCHEMA), path);
            if (v.isPresent()) {
                String where = stream.documents().size() > 1 ? "document " + d.index() : "";
                return Optional.of(new Found(toJava(v.get()), where));
            }
        }
        return Optional.empty();
    }

    @Override
    public Edited set(String key, CliValue value, OptionalInt document) {
        List<Object> segments = KeyPath.segments(key);
        if (segments.isEmpty()) {
            throw CliException.usage("KEY is empty: set needs the path of a value", "");
        }
        YamlPath path = YamlPath.of(segments);
        int index = chooseDocument(key, path, document);
        YamlDocument d = stream.documents().get(index);
        YamlValue v = toYaml(value);
        try {
            Optional<YamlNode> node = d.find(path);
            if (node.isPresent()) {
                YamlNode n = resolve(d, node.get());
                if (!(n instanceof YamlScalar)) {
                    throw CliException.failed("cannot set " + key + " in " + stream.sourceName() + ": it holds a "
                            + (n instanceof YamlMapping ? "mapping" : "sequence") + " (at " + n.origin()
                            + "); set replaces single values");
                }
                boolean wasString = lookup(d.value(SCHEMA), segments)
                        .filter(YamlValue.StringValue.class::isInstance).isPresent();
                YamlStream edited = stream.setScalar(index, path, v);
                return new Edited(edited.text(), Notes.typeChange(key, wasString, value));
            }
            return new Edited(add(d, segments, key, v).text(), Optional.empty());
        } catch (EditException e) {
            throw CliException.failed(e.getMessage(), e);
        }
    }

    /** Adds a missing key under the deepest mapping on its path that exists, creating the mappings between. */
    private YamlStream add(YamlDocument d, List<Object> segments, String key, YamlValue value) {
        int existing = segments.size() - 1;
        while (existing > 0 && d.find(YamlPath.of(segments.subList(0, existing))).isEmpty()) {
            existing--;
        }
        YamlPath parent = YamlPath.of(segments.subList(0, existing));
        List<Object> missing = segments.subList(existing, segments.size());
        for (Object o : missing) {
            if (o instanceof Integer i) {
                throw CliException.failed("cannot set " + key + " in " + stream.sourceName() + ": there is no item ["
                        + i + "] and set does not add list items");
            }
        }
        YamlValue nested = value;
        for (int i = missing.size() - 1; i >= 1; i--) {
            Map<String, YamlValue> m = new LinkedHashMap<>();
            m.put((String) missing.get(i), nested);
            nested = YamlValue.mapping(m);
        }
        return stream.addKey(d.index(), parent, (String) missing.get(0), nested);
    }

    private int chooseDocument(String key, YamlPath path, OptionalInt document) {
        if (document.isPresent()) {
            return requireDocument(document.getAsInt()).index();
        }
        List<YamlDocument> docs = stream.documents();
        for (YamlDocument d : docs) {
            if (d.find(path).isPresent()) {
                return d.index();
            }
        }
        if (docs.size() == 1) {
            return 0;
        }
        if (docs.isEmpty()) {
            throw CliException.failed("cannot set " + key + ": " + stream.sourceName() + " holds no YAML document");
        }
        throw CliException.usage(key + " is in none of the " + docs.size() + " documents of " + stream.sourceName(),
                "choose the document to add it to with --document N (0 is the first)");
    }

    private YamlDocument requireDocument(int index) {
        return stream.document(index).orElseThrow(() -> CliException.usage("there is no document " + index + " in "
                + stream.sourceName() + ": it has " + stream.documents().size()
                + (stream.documents().size() == 1 ? " document" : " documents"), "documents are numbered from 0"));
    }

    private static YamlNode resolve(YamlDocument d, YamlNode n) {
        return n instanceof YamlAlias a ? d.resolve(a).orElse(n) : n;
    }

    private static YamlValue toYaml(CliValue value) {
        switch (value.kind()) {
            case BOOLEAN:
                return YamlValue.of(value.booleanValue());
            case INTEGER:
                return YamlValue.of(value.integerValue());
            case FLOAT:
                double d = Double.parseDouble(value.text());
                if (Double.isInfinite(d)) {
                    throw CliException.usage(value.text() + " is out of range for a float", "");
                }
                return YamlValue.of(d);
            default:
                return YamlValue.of(value.text());
        }
    }

    /** The value at a path: keys match mapping keys by their text, indexes select sequence items. */
    static Optional<YamlValue> lookup(YamlValue root, List<Object> path) {
        YamlValue v = root;
        for (Object s : path) {
            if (s instanceof String k && v instanceof YamlValue.MappingValue m) {
                YamlValue next = m.get(k).orElse(null);
                if (next == null) {
                    for (Map.Entry<YamlValue, YamlValue> e : m.entries().entrySet()) {
                        if (e.getKey().isScalar() && keyText(e.getKey()).equals(k)) {
                            next = e.getValue();
                        }
                    }
                }
                if (next == null) {
                    return Optional.empty();
                }
                v = next;
            } else if (s instanceof Integer i && v instanceof YamlValue.SequenceValue q && i < q.items().size()) {
                v = q.items().get(i);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(v);
    }

    private static String keyText(YamlValue key) {
        return key instanceof YamlValue.StringValue s ? s.value() : String.valueOf(toJava(key));
    }

    /** Plain Java values, as {@link JsonText} prints them. */
    static Object toJava(YamlValue v) {
        if (v instanceof YamlValue.NullValue) {
            return null;
        }
        if (v instanceof YamlValue.BoolValue b) {
            return b.value();
        }
        if (v instanceof YamlValue.IntValue i) {
            return i.value();
        }
        if (v instanceof YamlValue.FloatValue f) {
            return f.value();
        }
        if (v instanceof YamlValue.StringValue s) {
            return s.value();
        }
        if (v instanceof YamlValue.SequenceValue q) {
            List<Object> out = new ArrayList<>();
            for (YamlValue item : q.items()) {
                out.add(toJava(item));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<YamlValue, YamlValue> e : ((YamlValue.MappingValue) v).entries().entrySet()) {
            out.put(keyText(e.getKey()), toJava(e.getValue()));
        }
        return out;
    }
}
