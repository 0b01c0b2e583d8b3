package dev.criconf.io.yaml;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.internal.SourceText;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML file, kept as its exact text plus a span tree of its documents: KubeletConfiguration
 * files and drop-ins, kubeadm's multi-document configs, a node profile. Parsing never throws for
 * bad input: syntax errors, exceeded {@link ParseLimits}, unknown anchors and duplicate keys are
 * {@link #problems()}. Printing ({@link #text()}, {@link #toBytes()}) gives back the input byte for
 * byte. Edits return a new stream whose text differs from this one only where the edit had to
 * change it; the result is parsed again and checked before it is returned.
 */
public final class YamlStream implements SyntaxDocument {

    private final SourceText source;
    private final ParseLimits limits;
    private final List<Problem> problems;
    private final List<YamlDocument> documents;
    /** Found on first use (nothing else needs the walk); racy but safe, the result is immutable. */
    private volatile List<AmbiguousScalar> ambiguous;

    YamlStream(SourceText source, ParseLimits limits, List<Problem> problems, List<YamlDocument> documents) {
        this.source = source;
        this.limits = limits;
        this.problems = List.copyOf(problems);
        this.documents = List.copyOf(documents);
    }

    /**
     * Parses a file's bytes, which must be UTF-8 (a BOM is kept). Invalid UTF-8, a file larger
     * than {@link ParseLimits#maxFileBytes()} and every other defect become problems.
     */
    public static YamlStream parse(String sourceName, byte[] bytes, ParseLimits limits) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(limits, "limits");
        SourceText.Decoded d = SourceText.decodeUtf8(sourceName, bytes);
        return parse(d.source(), bytes.length, limits, d.problem().map(List::of).orElse(List.of()));
    }

    /** Parses text (as if read from a file named {@code sourceName}). */
    public static YamlStream parse(String sourceName, String text, ParseLimits limits) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(limits, "limits");
        return parse(SourceText.of(sourceName, text), utf8Length(text), limits, List.of());
    }

    /** Parses text with {@link ParseLimits#DEFAULTS}. */
    public static YamlStream parse(String sourceName, String text) {
        return parse(sourceName, text, ParseLimits.DEFAULTS);
    }

    private static YamlStream parse(SourceText source, long bytes, ParseLimits limits, List<Problem> earlier) {
        if (bytes > limits.maxFileBytes()) {
            Problem p = new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(source.name()),
                    "the file has " + bytes + " bytes, more than the limit of " + limits.maxFileBytes()
                            + "; it was not parsed");
            return new YamlStream(source, limits, List.of(p), List.of());
        }
        return StreamBuilder.build(source, limits, earlier);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    @Override
    public String sourceName() {
        return source.name();
    }

    @Override
    public String text() {
        return source.text();
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public byte[] toBytes() {
        return source.text().getBytes(StandardCharsets.UTF_8);
    }

    /** The limits this stream was parsed with; edits parse their result with the same. */
    public ParseLimits limits() {
        return limits;
    }

    /**
     * True when a problem other than a duplicate key was found: the stream could not be read
     * completely or is not valid YAML. Such a stream refuses edits. (Duplicate keys are reported
     * but, as for the kubelet, the last occurrence simply wins.)
     */
    public boolean hasSyntaxErrors() {
        return problems.stream().anyMatch(p -> p.kind() != Problem.Kind.DUPLICATE_KEY);
    }

    /** The documents that were read completely, in order. */
    public List<YamlDocument> documents() {
        return documents;
    }

    /** The document at a 0-based index. */
    public Optional<YamlDocument> document(int index) {
        return index >= 0 && index < documents.size() ? Optional.of(documents.get(index)) : Optional.empty();
    }

    /** The node at a path in a document; see {@link YamlDocument#find(YamlPath)}. */
    public Optional<YamlNode> find(int document, YamlPath path) {
        return document(document).flatMap(d -> d.find(path));
    }

    /** Each document's data under a schema, in order. */
    public List<YamlValue> values(YamlSchema schema) {
        List<YamlValue> out = new ArrayList<>(documents.size());
        for (YamlDocument d : documents) {
            out.add(d.value(schema));
        }
        return out;
    }

    /**
     * Every unquoted, untagged scalar that the kubelet (YAML 1.1) reads differently from a YAML
     * 1.2 reader, in source order.
     */
    public List<AmbiguousScalar> ambiguousScalars() {
        List<AmbiguousScalar> a = ambiguous;
        if (a == null) {
            a = List.copyOf(StreamBuilder.ambiguities(documents, source.text()));
            ambiguous = a;
        }
        return a;
    }

    SourceText source() {
        return source;
    }

    // ---------------------------------------------------------------- edits

    /**
     * Sets the scalar at {@code path} to a string. The scalar keeps its style (plain, single or
     * double quoted, block) when that style can hold the string; otherwise it is double quoted, so
     * that e.g. {@code yes}, {@code 0755} or {@code true} stay strings for every reader. A comment
     * after the value is kept.
     *
     * @throws EditException if the stream has syntax errors, the path does not lead to a scalar,
     *     or the result would differ from this stream anywhere but that scalar
     */
    public YamlStream setScalar(int document, YamlPath path, String value) {
        return setScalar(document, path, YamlValue.of(value));
    }

    /**
     * Sets the scalar at {@code path} to a null, boolean, number or string. Non-strings are written
     * plain in a form both YAML 1.1 and 1.2 read the same way ({@code true}, {@code 42}, {@code 1.5},
     * {@code null}).
     *
     * @throws EditException as for {@link #setScalar(int, YamlPath, String)}, or if {@code value}
     *     is a collection
     */
    public YamlStream setScalar(int document, YamlPath path, YamlValue value) {
        return new StreamEditor(this).setScalar(document, path, value);
    }

    /**
     * Adds {@code key: value} to the mapping at {@code mappingPath}. In a block mapping the new
     * entry goes on a new line after the last entry, with the other keys' indentation and the
     * file's line ending; in a flow mapping it is appended before the closing brace; an empty value
     * ({@code key:} with nothing after it) becomes a block mapping. Collections are written in
     * block style (flow style inside flow collections).
     *
     * @throws EditException if the key exists, the path does not lead to a mapping, or the result
     *     would differ from this stream anywhere else
     */
    public YamlStream addKey(int document, YamlPath mappingPath, String key, YamlValue value) {
        return new StreamEditor(this).addKey(document, mappingPath, key, value);
    }

    /**
     * Appends an item to the sequence at {@code sequencePath}: a new {@code - item} line after the
     * last one in a block sequence, {@code , item} in a flow sequence; an empty value becomes a
     * block sequence.
     *
     * @throws EditException if the path does not lead to a sequence or the result would differ
     *     from this stream anywhere else
     */
    public YamlStream addItem(int document, YamlPath sequencePath, YamlValue value) {
        return new StreamEditor(this).addItem(document, sequencePath, value);
    }

    /**
     * Removes the mapping entry or sequence item at {@code path}, with its whole lines in block
     * style (including the nested content under it and a comment on its last line); the comments
     * above it stay. The last entry of a block collection leaves {@code {}} or {@code []}.
     *
     * @throws EditException if nothing is at the path or the result would differ from this stream
     *     anywhere else
     */
    public YamlStream remove(int document, YamlPath path) {
        return new StreamEditor(this).remove(document, path);
    }

    /**
     * Removes the entry at a position of the mapping at {@code mappingPath} (0-based, counting
     * every entry including duplicates). This is how an earlier duplicate of a key is removed: a
     * path names the last occurrence, the one the kubelet keeps.
     *
     * @throws EditException as for {@link #remove(int, YamlPath)}
     */
    public YamlStream removeEntry(int document, YamlPath mappingPath, int entryIndex) {
        return new StreamEditor(this).removeEntry(document, mappingPath, entryIndex);
    }

    @Override
    public String toString() {
        return "YamlStream[" + source.name() + ", " + documents.size() + " documents, " + problems.size() + " problems]";
    }
}
