package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One document of a YAML stream (the text between {@code ---} markers): its root node, where it
 * is, and the data it stands for under each {@link YamlSchema}.
 */
public final class YamlDocument {

    private final int index;
    private final YamlNode root;
    private final Origin origin;
    private final boolean explicitStart;
    private final boolean explicitEnd;
    private final Optional<String> yamlVersion;
    private final Map<Integer, YamlNode> aliasTargets;
    private final Map<YamlSchema, YamlValue> values;

    YamlDocument(int index, YamlNode root, Origin origin, boolean explicitStart, boolean explicitEnd,
            Optional<String> yamlVersion, Map<Integer, YamlNode> aliasTargets) {
        this.index = index;
        this.root = Objects.requireNonNull(root);
        this.origin = origin;
        this.explicitStart = explicitStart;
        this.explicitEnd = explicitEnd;
        this.yamlVersion = yamlVersion;
        this.aliasTargets = Map.copyOf(aliasTargets);
        this.values = new EnumMap<>(YamlSchema.class);
    }

    void setValue(YamlSchema schema, YamlValue value) {
        values.put(schema, value);
    }

    /** 0-based position in the stream. */
    public int index() {
        return index;
    }

    /** The root node; an empty document has an empty plain scalar. */
    public YamlNode root() {
        return root;
    }

    /** From the directives or {@code ---} (or the first node) to the {@code ...} (or the last node). */
    public Origin origin() {
        return origin;
    }

    /** True when the document starts with {@code ---}. */
    public boolean explicitStart() {
        return explicitStart;
    }

    /** True when the document ends with {@code ...}. */
    public boolean explicitEnd() {
        return explicitEnd;
    }

    /** The version of a {@code %YAML} directive, e.g. {@code 1.1}. */
    public Optional<String> yamlVersion() {
        return yamlVersion;
    }

    /** The node an alias refers to: the latest node with that anchor before the alias. */
    public Optional<YamlNode> resolve(YamlAlias alias) {
        return Optional.ofNullable(aliasTargets.get(alias.origin().offset()));
    }

    /**
     * The node at a path. Keys match scalar keys by their text, the last occurrence of a duplicated
     * key wins, and aliases met on the way are followed (merge keys are not applied: this is the
     * written structure).
     */
    public Optional<YamlNode> find(YamlPath path) {
        YamlNode node = root;
        for (YamlPath.Segment s : path.segments()) {
            if (node instanceof YamlAlias a) {
                Optional<YamlNode> t = resolve(a);
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                node = t.get();
            }
            Optional<YamlNode> next = Optional.empty();
            if (s instanceof YamlPath.Key k && node instanceof YamlMapping m) {
                next = m.get(k.name());
            } else if (s instanceof YamlPath.Index i && node instanceof YamlSequence q) {
                next = q.get(i.index());
            }
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    /**
     * The data this document stands for: aliases resolved, tags applied, plain scalars typed by
     * the schema. A document whose aliases expand excessively, or that could not be read, is null.
     */
    public YamlValue value(YamlSchema schema) {
        return values.getOrDefault(schema, YamlValue.NULL);
    }

    /** Package access for the editor: alias offsets and their targets. */
    Map<Integer, YamlNode> aliasTargets() {
        return aliasTargets;
    }

    @Override
    public String toString() {
        return "YamlDocument[" + index + " at " + origin + "]";
    }
}
