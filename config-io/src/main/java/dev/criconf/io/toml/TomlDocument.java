package dev.criconf.io.toml;

import dev.criconf.io.EditException;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.toml.internal.TomlEditor;
import dev.criconf.io.toml.internal.TomlJava;
import dev.criconf.io.toml.internal.TomlParser;
import dev.criconf.io.toml.internal.TomlViewBuilder;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOML file, parsed without losing a byte: the original text plus a tree whose nodes know their
 * exact spans, and a read-only semantic view ({@link #root()}, typed getters by path).
 *
 * <p>Parsing never throws: bad input gives a document whose {@link #problems()} say what is wrong
 * and where. {@link #toBytes()} of an unedited document returns the input byte for byte (BOM,
 * CRLF, comments, blank lines, quoting, number notation, missing final newline).
 *
 * <p>Documents are immutable. Each edit ({@link #set}, {@link #remove}, {@link #appendToArray})
 * returns a new document whose text differs from this one only where the edit landed: a replaced
 * value keeps its line, key, spacing and comments, and a string keeps its quoting where that can
 * hold the new value; a new key goes after the last line of its table with the indentation of its
 * siblings and the file's line ending; a missing table becomes a {@code [header]} section after its
 * parent's subtree. The result is parsed again and compared with the intended value everywhere; if
 * anything else changed, the edit throws {@link EditException} and nothing is returned. A document
 * with problems refuses edits and cannot be written back.
 */
public final class TomlDocument implements SyntaxDocument, TomlLookup {

    private final SourceText source;
    private final TomlOptions options;
    private final List<Problem> problems;
    /** Null when the file was not parsed at all (over the size limit). */
    private final TomlParser.Result tree;
    private volatile TomlTable root;
    /**
     * {@link #toJava()}, made once: every edit starts from it. Racy single check: it is immutable
     * and two threads making it at once make equal values.
     */
    private volatile Map<String, Object> java;

    private TomlDocument(SourceText source, TomlOptions options, List<Problem> problems, TomlParser.Result tree) {
        this.source = source;
        this.options = options;
        this.problems = problems;
        this.tree = tree;
    }

    /** Parses UTF-8 bytes with the default options (TOML 1.1, default limits). */
    public static TomlDocument parse(String sourceName, byte[] bytes) {
        return parse(sourceName, bytes, TomlOptions.DEFAULTS);
    }

    /**
     * Parses UTF-8 bytes. Invalid UTF-8 and a file larger than {@code limits().maxFileBytes()} are
     * located problems like any other.
     */
    public static TomlDocument parse(String sourceName, byte[] bytes, TomlOptions options) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(options, "options");
        if (bytes.length > options.limits().maxFileBytes()) {
            return tooLarge(sourceName, bytes.length, options);
        }
        SourceText.Decoded decoded = SourceText.decodeUtf8(sourceName, bytes);
        return build(decoded.source(), options, decoded.problem().map(List::of).orElse(List.of()));
    }

    /** Parses text with the default options. */
    public static TomlDocument parse(String sourceName, String text) {
        return parse(sourceName, text, TomlOptions.DEFAULTS);
    }

    /** Parses text (a leading {@code \uFEFF} is a byte order mark and is kept). */
    public static TomlDocument parse(String sourceName, String text, TomlOptions options) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(options, "options");
        long utf8Length = utf8Length(text);
        if (utf8Length > options.limits().maxFileBytes()) {
            return tooLarge(sourceName, utf8Length, options);
        }
        SourceText source = SourceText.of(sourceName, text);
        List<Problem> extra = new ArrayList<>(1);
        int bad = unpairedSurrogate(text);
        if (bad >= 0) {
            extra.add(Problem.syntax(source.originAt(bad, 1), "unpaired surrogate "
                    + String.format("U+%04X", (int) text.charAt(bad)) + " is not valid Unicode text"));
        }
        return build(source, options, extra);
    }

    private static TomlDocument build(SourceText source, TomlOptions options, List<Problem> extra) {
        TomlParser.Result result = TomlParser.parse(source, options.version() == TomlVersion.V1_1_0,
                options.limits().maxDepth());
        List<Problem> problems = result.problems;
        if (!extra.isEmpty()) {
            problems = new ArrayList<>(extra);
            problems.addAll(result.problems);
            problems.sort(Comparator.comparingInt(p -> p.origin().offset()));
            problems = List.copyOf(problems);
        }
        return new TomlDocument(source, options, problems, result);
    }

    private static TomlDocument tooLarge(String sourceName, long size, TomlOptions options) {
        Problem p = new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(sourceName), "the file is " + size
                + " bytes, more than the limit of " + options.limits().maxFileBytes() + " bytes (ParseLimits.maxFileBytes)");
        return new TomlDocument(SourceText.of(sourceName, ""), options, List.of(p), null);
    }

    private static long utf8Length(String text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- SyntaxDocument

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

    /** The options the document was read with; edits re-parse with the same options. */
    public TomlOptions options() {
        return options;
    }

    /**
     * The file's bytes: the input itself for an unedited document.
     *
     * @throws EditException if the document has problems; writing it back could lose lines
     */
    @Override
    public byte[] toBytes() {
        requireClean("write back");
        return source.text().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- reading

    /**
     * The root table. For a document with problems it holds what was read before and around them.
     */
    public TomlTable root() {
        TomlTable r = root;
        if (r == null) {
            r = tree == null
                    ? new TomlTable(Map.of(), source.originAt(0, 0), Optional.empty())
                    : TomlViewBuilder.root(source, tree);
            root = r;
        }
        return r;
    }

    @Override
    public Optional<TomlValue> get(TomlPath path) {
        return root().get(path);
    }

    /** The whole document as plain Java values (see {@link TomlValue#toJava()}). */
    public Map<String, Object> toJava() {
        Map<String, Object> j = java;
        if (j == null) {
            // Straight from the tree: the typed view is not needed for it.
            j = tree == null ? Map.of() : TomlJava.of(tree);
            java = j;
        }
        return j;
    }

    // ---------------------------------------------------------------- edits

    /**
     * Sets the value at a path. An existing value is replaced in place; a missing key is added to
     * its table (after the table's last line, or as a dotted key where the table is made of dotted
     * keys, or inside the braces of an inline table); missing tables on the way are created as one
     * {@code [header]} section after the parent's subtree. A {@code Map} value for a missing key of
     * a header table becomes a {@code [header]} section of its own.
     *
     * @param value {@code String}, a whole number ({@code Long}, {@code Integer}...), a
     *              floating-point number, {@code Boolean}, a java.time value, a {@code List}, a
     *              {@code Map<String, ?>} or a {@link TomlValue}
     * @throws EditException if the path cannot hold the value (through a non-table, a table that
     *         would have to be replaced by a value, an index past the end) or the result would
     *         differ from the intended document anywhere else
     */
    public TomlDocument set(TomlPath path, Object value) {
        requireClean("edit");
        return verified(TomlEditor.set(context(), path, value), "set `" + path + "`");
    }

    /** {@link #set(TomlPath, Object)} with a path in text form. */
    public TomlDocument set(String path, Object value) {
        return set(TomlPath.parse(path), value);
    }

    /**
     * Removes the value at a path: a key's whole line (all lines of a multi-line value), an entry
     * of an inline table, an array item, a table with all its sections and dotted-key lines, or one
     * table of an array of tables ({@code x[1]}). A table that only dotted keys or deeper headers
     * made, left without keys, goes too (nothing would write it); so does an array of tables left
     * without tables.
     *
     * @throws EditException if nothing is at the path, or the result would differ from the
     *         intended document anywhere else
     */
    public TomlDocument remove(TomlPath path) {
        requireClean("edit");
        return verified(TomlEditor.remove(context(), path), "remove `" + path + "`");
    }

    /** {@link #remove(TomlPath)} with a path in text form. */
    public TomlDocument remove(String path) {
        return remove(TomlPath.parse(path));
    }

    /**
     * Appends an item to an array value (in the array's own layout), or a table to an array of
     * tables (a new {@code [[name]]} section after the last one). A missing key becomes a
     * one-item array.
     *
     * @throws EditException if the path holds something other than an array, or the result would
     *         differ from the intended document anywhere else
     */
    public TomlDocument appendToArray(TomlPath path, Object value) {
        requireClean("edit");
        return verified(TomlEditor.append(context(), path, value), "append to `" + path + "`");
    }

    /** {@link #appendToArray(TomlPath, Object)} with a path in text form. */
    public TomlDocument appendToArray(String path, Object value) {
        return appendToArray(TomlPath.parse(path), value);
    }

    private TomlEditor.Context context() {
        return new TomlEditor.Context(source, tree, toJava(), options.version() == TomlVersion.V1_1_0);
    }

    private TomlDocument verified(TomlEditor.Result edit, String what) {
        TomlDocument result = parse(source.name(), edit.text(), options);
        if (result.hasErrors()) {
            throw new EditException("cannot " + what + " in " + source.name() + ": the result would not be valid TOML ("
                    + result.problems().get(0) + ")");
        }
        // The whole re-read value must equal the intended one. Checked against the tree, without
        // building the result's Java value or view (both stay lazy); only a failure builds the
        // value, to say where.
        if (!TomlJava.matches(edit.intended(), result.tree)) {
            Optional<String> difference = TomlEditor.firstDifference(edit.intended(), result.toJava());
            throw new EditException("cannot " + what + " in " + source.name()
                    + ": re-reading the result showed another change than intended"
                    + difference.map(d -> ", at " + d).orElse(""));
        }
        return result;
    }

    private void requireClean(String action) {
        if (!problems.isEmpty()) {
            throw new EditException("cannot " + action + " " + source.name() + ": it has " + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + ", the first at " + problems.get(0));
        }
    }

    @Override
    public String toString() {
        return "TomlDocument[" + source.name() + ", " + source.length() + " chars, " + problems.size() + " problems]";
    }
}
