package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import dev.criconf.io.yaml.internal.ValueDecoder;
import java.util.Collections;
import java.util.HashMap;
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
    /**
     * The value the kubelet reads, decoded with the parse or, when {@link #deferKubeletValue} was
     * called, on first use (racy but safe, as {@link #coreValue}); null when there is none
     * (excessive aliasing).
     */
    private volatile YamlValue kubeletValue;
    /** Set by the builder when decoding can yield no problem: the value is decoded on first use. */
    private boolean kubeletDeferred;
    /**
     * The YAML 1.2 core value, decoded on first use: it yields no problem and few callers need it.
     * Racy but safe: every thread decodes the same immutable value from the immutable tree.
     */
    private volatile YamlValue coreValue;

    YamlDocument(int index, YamlNode root, Origin origin, boolean explicitStart, boolean explicitEnd,
            Optional<String> yamlVersion, Map<Integer, YamlNode> aliasTargets) {
        this.index = index;
        this.root = Objects.requireNonNull(root);
        this.origin = origin;
        this.explicitStart = explicitStart;
        this.explicitEnd = explicitEnd;
        this.yamlVersion = yamlVersion;
        this.aliasTargets = aliasTargets.isEmpty() ? Map.of() : Collections.unmodifiableMap(new HashMap<>(aliasTargets));
    }

    /** Set once by the builder before the stream is published. */
    void setKubeletValue(YamlValue value) {
        this.kubeletValue = value;
    }

    /** Set once by the builder before the stream is published, instead of {@link #setKubeletValue}. */
    void deferKubeletValue() {
        this.kubeletDeferred = true;
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
        YamlValue kubelet = kubeletValue;
        if (kubelet == null && kubeletDeferred) {
            kubelet = ValueDecoder.decode(root, this::resolve, YamlSchema.YAML_1_1_KUBELET).value();
            kubeletValue = kubelet;
        }
        if (kubelet == null || schema == YamlSchema.YAML_1_1_KUBELET) {
            return kubelet == null ? YamlValue.NULL : kubelet;
        }
        YamlValue core = coreValue;
        if (core == null) {
            core = ValueDecoder.decode(root, this::resolve, YamlSchema.YAML_1_2_CORE).value();
            coreValue = core;
        }
        return core;
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
