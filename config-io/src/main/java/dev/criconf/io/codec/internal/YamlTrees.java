package dev.criconf.io.codec.internal;

import dev.criconf.io.yaml.YamlAlias;
import dev.criconf.io.yaml.YamlDocument;
import dev.criconf.io.yaml.YamlMapping;
import dev.criconf.io.yaml.YamlNode;
import dev.criconf.io.yaml.YamlScalar;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlSequence;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.io.yaml.YamlValue;
import dev.criconf.io.yaml.internal.ScalarResolver;
import dev.criconf.io.yaml.internal.ValueDecoder;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns parsed YAML ({@link YamlStream}, {@link YamlDocument}) into the model's format-neutral
 * {@link ConfigValue} trees, the form rules and typed views read.
 *
 * <ul>
 *   <li>Every value keeps its origin (the node's text, quotes included) and every scalar its text
 *       exactly as written ({@link dev.criconf.model.value.ConfigScalar#raw()}), so a rule can tell
 *       {@code no} from {@code false} and {@code "1.30"} from {@code 1.30}.</li>
 *   <li>Plain scalars are typed by a {@link YamlSchema}; the default is YAML 1.1 as the kubelet
 *       reads it ({@code yes} is a boolean, {@code 0755} is 493). Mapping keys the schema reads as
 *       booleans or integers become their JSON text ({@code on:} is the key {@code "true"}), as
 *       sigs.k8s.io/yaml does when it converts YAML to JSON.</li>
 *   <li>A key written twice stays twice in its {@link ConfigTable} (lookups see the last one, as the
 *       kubelet's lenient decoder does); the stream reports it as a {@code DUPLICATE_KEY} problem.</li>
 *   <li>Aliases are replaced by the tree of their anchor (shared, not copied, so expansion costs
 *       nothing); an alias to the node that contains it becomes a null. YAML 1.1 merge keys
 *       ({@code <<}) are applied as go-yaml v2 applies them: the merged entries take the merge
 *       key's place, and an explicit key written after the merge key wins.</li>
 *   <li>Nesting deeper than {@link #MAX_DEPTH} (beyond any sane {@code ParseLimits}) is cut off as a
 *       null with a problem instead of overflowing the stack.</li>
 * </ul>
 *
 * Origins name the file the stream was parsed with ({@link YamlStream#sourceName()}); node readers
 * parse with the path relative to the node root.
 */
public final class YamlTrees {

    /** Nesting beyond which conversion stops (the parser's own limit is normally far lower). */
    public static final int MAX_DEPTH = 2_000;

    private final YamlDocument document;
    private final YamlSchema schema;
    private final String text;
    /**
     * Trees of anchored nodes, and the anchored nodes being converted; only nodes with an anchor
     * are ever in them, so they are made at the first anchor (most files have none).
     */
    private Map<YamlNode, ConfigValue> anchored;
    private Set<YamlNode> inProgress;
    private final List<Problem> problems = new ArrayList<>();

    private YamlTrees(YamlDocument document, YamlSchema schema, String text) {
        this.document = document;
        this.schema = schema;
        this.text = text;
    }

    /**
     * The trees of a stream's documents and the problems met converting them.
     *
     * @param documents one tree per document that was read completely, in order
     * @param problems  conversion problems (aliases to their own container, excessive nesting); the
     *                  stream's own problems are not repeated here
     */
    public record Trees(List<ConfigValue> documents, List<Problem> problems) {
        /** Copies the lists. */
        public Trees {
            documents = List.copyOf(documents);
            problems = List.copyOf(problems);
        }

        /** The first document, when there is one. */
        public java.util.Optional<ConfigValue> first() {
            return documents.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(documents.get(0));
        }
    }

    /** Every document of a stream under the kubelet's YAML 1.1 schema. */
    public static Trees of(YamlStream stream) {
        return of(stream, YamlSchema.YAML_1_1_KUBELET);
    }

    /** Every document of a stream under a schema. */
    public static Trees of(YamlStream stream, YamlSchema schema) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(schema, "schema");
        List<ConfigValue> docs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (YamlDocument d : stream.documents()) {
            YamlTrees t = new YamlTrees(d, schema, stream.text());
            docs.add(t.convert(d.root(), 0));
            problems.addAll(t.problems);
        }
        return new Trees(docs, problems);
    }

    /** One document's tree under a schema; {@code text} is the whole stream's text (for raw scalars). */
    public static ConfigValue of(YamlDocument document, YamlSchema schema, String text) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(text, "text");
        return new YamlTrees(document, schema, text).convert(document.root(), 0);
    }

    private ConfigValue convert(YamlNode node, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, node.origin(),
                    "collections nest deeper than " + MAX_DEPTH + " levels; the rest was not read"));
            return new ConfigNull("", node.origin());
        }
        if (node instanceof YamlAlias a) {
            return alias(a, depth);
        }
        boolean hasAnchor = node.anchor().isPresent();
        if (hasAnchor) {
            if (anchored == null) {
                anchored = new IdentityHashMap<>();
                inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            }
            ConfigValue done = anchored.get(node);
            if (done != null) {
                return done;
            }
            inProgress.add(node);
        }
        ConfigValue out;
        if (node instanceof YamlScalar s) {
            out = scalar(s);
        } else if (node instanceof YamlSequence q) {
            List<ConfigValue> items = new ArrayList<>(q.items().size());
            for (YamlNode item : q.items()) {
                items.add(convert(item, depth + 1));
            }
            out = new ConfigArray(q.origin(), items);
        } else {
            out = mapping((YamlMapping) node, depth);
        }
        if (hasAnchor) {
            inProgress.remove(node);
            anchored.put(node, out);
        }
        return out;
    }

    private ConfigValue alias(YamlAlias a, int depth) {
        java.util.Optional<YamlNode> target = document.resolve(a);
        if (target.isEmpty()) {
            // the stream reports unknown anchors itself
            return new ConfigNull(raw(a.origin()), a.origin());
        }
        if (inProgress != null && inProgress.contains(target.get())) {
            problems.add(Problem.syntax(a.origin(), "alias *" + a.name() + " refers to the node that contains it; read as null"));
            return new ConfigNull(raw(a.origin()), a.origin());
        }
        return convert(target.get(), depth);
    }

    private ConfigValue scalar(YamlScalar s) {
        YamlValue v = ScalarResolver.resolve(schema, s.value(), s.style(), s.tag());
        Origin at = s.origin();
        // most scalars are written as their value (plain, one line): the value is the raw text then
        String value = s.value();
        String raw = at.length() == value.length() && at.offset() >= 0 && text.startsWith(value, at.offset())
                ? value : raw(at);
        if (v instanceof YamlValue.NullValue) {
            return new ConfigNull(raw, at);
        }
        if (v instanceof YamlValue.BoolValue b) {
            return new ConfigBoolean(b.value(), raw, at);
        }
        if (v instanceof YamlValue.IntValue i) {
            return new ConfigInteger(i.value(), raw, at);
        }
        if (v instanceof YamlValue.FloatValue f) {
            return new ConfigFloat(f.value(), raw, at);
        }
        return new ConfigString(((YamlValue.StringValue) v).value(), raw, at);
    }

    private ConfigTable mapping(YamlMapping m, int depth) {
        List<YamlMapping.Entry> written = m.entries();
        List<ConfigEntry> entries = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            YamlMapping.Entry e = written.get(i);
            if (schema == YamlSchema.YAML_1_1_KUBELET && isMergeKey(e.key())) {
                merge(entries, e, written.subList(i + 1, written.size()), depth);
                continue;
            }
            entries.add(new ConfigEntry(key(e.key()), e.key().origin(), convert(e.value(), depth + 1)));
        }
        return new ConfigTable(m.origin(), entries);
    }

    /**
     * Applies {@code <<: value} at its place: the merged keys (earlier mappings of a sequence win,
     * as in go-yaml v2) except those written explicitly later in the same mapping.
     */
    private void merge(List<ConfigEntry> entries, YamlMapping.Entry mergeEntry, List<YamlMapping.Entry> later, int depth) {
        ConfigValue v = convert(mergeEntry.value(), depth + 1);
        List<ConfigTable> sources = new ArrayList<>();
        if (v instanceof ConfigTable t) {
            sources.add(t);
        } else if (v instanceof ConfigArray a && a.items().stream().allMatch(x -> x instanceof ConfigTable)) {
            for (ConfigValue x : a.items()) {
                sources.add((ConfigTable) x);
            }
        } else {
            problems.add(Problem.syntax(mergeEntry.value().origin(),
                    "map merge requires a mapping or a sequence of mappings as the value of <<; ignored"));
            return;
        }
        Set<String> explicitLater = new HashSet<>();
        for (YamlMapping.Entry e : later) {
            if (!isMergeKey(e.key())) {
                explicitLater.add(key(e.key()));
            }
        }
        Map<String, ConfigEntry> merged = new LinkedHashMap<>();
        for (int i = sources.size() - 1; i >= 0; i--) {
            for (ConfigEntry e : sources.get(i).entries()) {
                merged.remove(e.key());
                merged.put(e.key(), e);
            }
        }
        for (ConfigEntry e : merged.values()) {
            if (!explicitLater.contains(e.key())) {
                entries.add(e);
            }
        }
    }

    private static boolean isMergeKey(YamlNode key) {
        return ValueDecoder.isMergeKey(key);
    }

    /** A key as the kubelet's YAML-to-JSON conversion names it. */
    private String key(YamlNode key) {
        if (key instanceof YamlScalar s) {
            if (schema == YamlSchema.YAML_1_1_KUBELET) {
                YamlValue v = ScalarResolver.resolve(schema, s.value(), s.style(), s.tag());
                if (v instanceof YamlValue.BoolValue b) {
                    return Boolean.toString(b.value());
                }
                if (v instanceof YamlValue.IntValue i) {
                    return i.value().toString();
                }
            }
            return s.value();
        }
        if (key instanceof YamlAlias a) {
            java.util.Optional<YamlNode> target = document.resolve(a);
            if (target.isPresent() && target.get() instanceof YamlScalar) {
                return key(target.get());
            }
        }
        // a collection as a key: no JSON name exists; keep its text so the entry is still visible
        return raw(key.origin());
    }

    private String raw(Origin o) {
        int from = Math.max(0, Math.min(o.offset(), text.length()));
        int to = Math.max(from, Math.min(o.endOffset(), text.length()));
        return text.substring(from, to);
    }
}
