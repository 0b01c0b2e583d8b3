package dev.criconf.io.json;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.internal.BoundedDecode;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.json.JsonValue.JsonArray;
import dev.criconf.io.json.JsonValue.JsonBoolean;
import dev.criconf.io.json.JsonValue.JsonMember;
import dev.criconf.io.json.JsonValue.JsonNumber;
import dev.criconf.io.json.JsonValue.JsonObject;
import dev.criconf.io.json.JsonValue.JsonString;
import dev.criconf.io.json.internal.JsonDataOps;
import dev.criconf.io.json.internal.JsonLayout;
import dev.criconf.io.json.internal.JsonParser;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON file such as Docker's {@code /etc/docker/daemon.json}, kept byte for byte, with a tree
 * of spans ({@link JsonValue}) and edits that change only the text they must.
 *
 * <p>Parsing is strict RFC 8259 (no comments, no trailing commas, no single quotes), with what
 * dockerd adds: a leading byte order mark is allowed and an empty or whitespace-only file is a
 * valid document without a value. Duplicate keys are reported as {@code DUPLICATE_KEY} problems
 * but are not errors ({@link #hasErrors()}): dockerd decodes with Go's encoding/json, which
 * accepts them and keeps the last, and so do this class's getters and edits. Depth and size are
 * bounded by {@link ParseLimits}.
 *
 * <p>Edits: replaced values keep their place; a new member goes after the last member of its
 * object with the separator, indentation and line ending of its siblings (or, in an empty object,
 * one level deeper than the object's line); removing a member or element takes its comma with
 * it. Every edit re-parses the result and compares its meaning with the intended one, throwing
 * {@link EditException} (and leaving this document as it is) if anything else changed.
 */
public final class JsonDocument implements SyntaxDocument {

    private final SourceText source;
    private final Optional<JsonValue> root;
    private final List<Problem> problems;
    private final ParseLimits limits;

    private JsonDocument(SourceText source, Optional<JsonValue> root, List<Problem> problems, ParseLimits limits) {
        this.source = source;
        this.root = root;
        this.problems = List.copyOf(problems);
        this.limits = limits;
    }

    /** Parses text with the default limits; {@code sourceName} is used in origins. */
    public static JsonDocument parse(String sourceName, String text) {
        return parse(sourceName, text, ParseLimits.DEFAULTS);
    }

    /** Parses text; bad input gives {@link #problems()}, never an exception. */
    public static JsonDocument parse(String sourceName, String text, ParseLimits limits) {
        return build(BoundedDecode.of(sourceName, text, limits), limits);
    }

    /** Parses a file's bytes (strict UTF-8) with the default limits. */
    public static JsonDocument parse(String sourceName, byte[] bytes) {
        return parse(sourceName, bytes, ParseLimits.DEFAULTS);
    }

    /** Parses a file's bytes (strict UTF-8); an oversized input is reported, not read. */
    public static JsonDocument parse(String sourceName, byte[] bytes, ParseLimits limits) {
        return build(BoundedDecode.decode(sourceName, bytes, limits), limits);
    }

    private static JsonDocument build(BoundedDecode.Input in, ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        List<Problem> problems = new ArrayList<>(in.problems());
        Optional<JsonValue> root = Optional.empty();
        if (in.parse() && in.problems().isEmpty()) {
            JsonParser.Result r = JsonParser.parse(in.source(), limits);
            root = r.root();
            problems.addAll(r.problems());
        }
        return new JsonDocument(in.source(), root, problems, limits);
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

    /** True when the text is not valid JSON (or was not read); duplicate keys alone are not errors. */
    @Override
    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.kind() != Problem.Kind.DUPLICATE_KEY);
    }

    /** The top-level value; empty for an empty file or one with errors. */
    public Optional<JsonValue> root() {
        return root;
    }

    /** What the document means; empty for an empty file or one with errors. */
    public Optional<JsonData> data() {
        return root.map(JsonValue::data);
    }

    /** The value at a path (last member for a duplicated key); empty when absent or the path runs through another kind of value. */
    public Optional<JsonValue> find(JsonPath path) {
        Optional<JsonValue> node = root;
        for (JsonPath.Segment s : path.segments()) {
            if (node.isEmpty()) {
                return node;
            }
            JsonValue v = node.get();
            if (v instanceof JsonObject o && s instanceof JsonPath.Key k) {
                node = o.get(k.name());
            } else if (v instanceof JsonArray a && s instanceof JsonPath.Index x) {
                node = x.index() < a.items().size() ? Optional.of(a.items().get(x.index())) : Optional.empty();
            } else {
                return Optional.empty();
            }
        }
        return node;
    }

    /** The value at a path of object keys. */
    public Optional<JsonValue> find(String... keys) {
        return find(JsonPath.of(keys));
    }

    /** The string at a path; empty when absent or not a string. */
    public Optional<String> getString(JsonPath path) {
        return find(path).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value());
    }

    /** The boolean at a path; empty when absent or not a boolean. */
    public Optional<Boolean> getBoolean(JsonPath path) {
        return find(path).filter(JsonBoolean.class::isInstance).map(v -> ((JsonBoolean) v).value());
    }

    /** The number at a path; empty when absent or not a number. */
    public Optional<BigDecimal> getNumber(JsonPath path) {
        return find(path).filter(JsonNumber.class::isInstance).map(v -> ((JsonNumber) v).decimal());
    }

    /** The object at a path; empty when absent or not an object. */
    public Optional<JsonObject> getObject(JsonPath path) {
        return find(path).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    }

    /** The array at a path; empty when absent or not an array. */
    public Optional<JsonArray> getArray(JsonPath path) {
        return find(path).filter(JsonArray.class::isInstance).map(JsonArray.class::cast);
    }

    /** The strings of an array of strings (e.g. {@code exec-opts}); empty when absent, not an array, or holding other values. */
    public Optional<List<String>> getStringList(JsonPath path) {
        Optional<JsonArray> a = getArray(path);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (JsonValue v : a.get().items()) {
            if (!(v instanceof JsonString s)) {
                return Optional.empty();
            }
            out.add(s.value());
        }
        return Optional.of(List.copyOf(out));
    }

    // ---------------------------------------------------------------- edits

    /**
     * Sets the value at a path. An existing value is replaced where it is; a missing member is
     * added to its object, and missing objects on the way are created (setting
     * {@code /log-opts/max-size} in a file without {@code log-opts} adds
     * {@code "log-opts": {"max-size": ...}}). Array elements are only replaced, never created by
     * index: use {@link #append(JsonPath, JsonData)}.
     *
     * @return the edited document, or {@code this} when the value is already equal
     * @throws EditException when the path runs through a value of another kind, or the document has errors
     */
    public JsonDocument set(JsonPath path, JsonData value) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        requireEditable();
        JsonData expected = JsonDataOps.set(data(), path, value);
        if (Optional.of(expected).equals(data()) && find(path).map(v -> v.data().equals(value)).orElse(false)) {
            return this;
        }
        JsonLayout layout = JsonLayout.of(source, root);
        String text = source.text();
        if (root.isEmpty()) {
            String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
            return verified(bom + layout.render(expected, "") + layout.newline(), Optional.of(expected), "set " + path);
        }
        JsonValue node = root.get();
        List<JsonPath.Segment> segs = path.segments();
        for (int i = 0; i < segs.size(); i++) {
            JsonPath.Segment s = segs.get(i);
            if (node instanceof JsonObject o && s instanceof JsonPath.Key k) {
                Optional<JsonMember> m = o.member(k.name());
                if (m.isEmpty()) {
                    JsonData nested = JsonDataOps.nest(segs, i + 1, value, path);
                    return verified(insertMember(layout, o, k.name(), nested), Optional.of(expected), "set " + path);
                }
                node = m.get().value();
            } else {
                node = ((JsonArray) node).items().get(((JsonPath.Index) s).index());
            }
        }
        Origin at = node.origin();
        String edited = splice(text, at.offset(), at.endOffset(), layout.render(value, layout.indentAt(at.offset())));
        return verified(edited, Optional.of(expected), "set " + path);
    }

    /** {@link #set(JsonPath, JsonData)} at a path of object keys. */
    public JsonDocument set(String key, JsonData value) {
        return set(JsonPath.of(key), value);
    }

    /**
     * Removes the value at a path: every member with that key (duplicates included), or one array
     * element. The comma that separated it goes too.
     *
     * @return the edited document, or {@code this} when nothing is there
     * @throws EditException when the path runs through a value of another kind, or the document has errors
     */
    public JsonDocument remove(JsonPath path) {
        Objects.requireNonNull(path, "path");
        requireEditable();
        Optional<JsonData> expected = JsonDataOps.remove(data(), path);
        if (expected.equals(data()) && find(path).isEmpty()) {
            return this;
        }
        JsonPath parentPath = path.prefix(path.size() - 1);
        JsonPath.Segment last = path.segments().get(path.size() - 1);
        if (last instanceof JsonPath.Index x) {
            JsonArray a = (JsonArray) find(parentPath).orElseThrow();
            return verified(removeItem(a, x.index()), expected, "remove " + path);
        }
        String key = ((JsonPath.Key) last).name();
        JsonDocument doc = this;
        while (true) {
            JsonObject o = (JsonObject) doc.find(parentPath).orElseThrow();
            int index = -1;
            for (int i = o.members().size() - 1; i >= 0 && index < 0; i--) {
                if (o.members().get(i).key().equals(key)) {
                    index = i;
                }
            }
            if (index < 0) {
                break;
            }
            doc = doc.intermediate(doc.removeMember(o, index), "remove " + path);
        }
        return doc.verifiedAgainst(expected, "remove " + path, this);
    }

    /**
     * Appends an item to the array at a path, after its last element with the same separator; an
     * absent array is created with the item (e.g. {@code "exec-opts": ["native.cgroupdriver=systemd"]}).
     * Appending an item that is already there adds it again: check {@link #getStringList} first
     * when the array is a set.
     *
     * @throws EditException when the path holds something other than an array, or the document has errors
     */
    public JsonDocument append(JsonPath path, JsonData item) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(item, "item");
        requireEditable();
        JsonData expected = JsonDataOps.append(data(), path, item);
        Optional<JsonValue> target = find(path);
        if (target.isEmpty()) {
            return set(path, JsonData.array(List.of(item)));
        }
        JsonArray a = (JsonArray) target.get();
        JsonLayout layout = JsonLayout.of(source, root);
        String text = source.text();
        String edited;
        List<JsonValue> items = a.items();
        if (items.isEmpty()) {
            String indent = layout.indentAt(a.origin().offset());
            String inner = layout.deeper(indent);
            String body = item.isScalar() || !layout.multiline() ? "[" + layout.render(item, indent) + "]"
                    : "[" + layout.newline() + inner + layout.render(item, inner) + layout.newline() + indent + "]";
            edited = splice(text, a.origin().offset(), a.origin().endOffset(), body);
        } else {
            JsonValue lastItem = items.get(items.size() - 1);
            String sep = items.size() >= 2
                    ? text.substring(items.get(items.size() - 2).origin().endOffset(), lastItem.origin().offset())
                    : firstSeparator(text.substring(a.origin().offset() + 1, lastItem.origin().offset()));
            String indent = indentAfterSeparator(layout, sep, lastItem.origin().offset());
            int at = lastItem.origin().endOffset();
            edited = splice(text, at, at, sep + layout.render(item, indent));
        }
        return verified(edited, Optional.of(expected), "append to " + path);
    }

    /** {@link #append(JsonPath, JsonData)} to the array under a top-level key. */
    public JsonDocument append(String key, JsonData item) {
        return append(JsonPath.of(key), item);
    }

    /**
     * Removes every element equal to an item from the array at a path (e.g. one entry of
     * {@code insecure-registries}); the array stays, possibly empty.
     *
     * @return the edited document, or {@code this} when the array is absent or lacks the item
     * @throws EditException when the path holds something other than an array, or the document has errors
     */
    public JsonDocument removeItem(JsonPath path, JsonData item) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(item, "item");
        requireEditable();
        Optional<JsonData> expected = JsonDataOps.removeItem(data(), path, item);
        if (expected.equals(data())) {
            return this;
        }
        JsonDocument doc = this;
        while (true) {
            JsonArray a = (JsonArray) doc.find(path).orElseThrow();
            int index = -1;
            for (int i = a.items().size() - 1; i >= 0 && index < 0; i--) {
                if (a.items().get(i).data().equals(item)) {
                    index = i;
                }
            }
            if (index < 0) {
                break;
            }
            doc = doc.intermediate(doc.removeItem(a, index), "remove an item from " + path);
        }
        return doc.verifiedAgainst(expected, "remove an item from " + path, this);
    }

    private String insertMember(JsonLayout layout, JsonObject o, String key, JsonData value) {
        String text = source.text();
        List<JsonMember> members = o.members();
        if (members.isEmpty()) {
            String body;
            if (layout.multiline()) {
                String indent = layout.indentAt(o.origin().offset());
                String inner = layout.deeper(indent);
                body = "{" + layout.newline() + inner + JsonLayout.quote(key) + layout.colon() + layout.render(value, inner)
                        + layout.newline() + indent + "}";
            } else {
                body = "{" + JsonLayout.quote(key) + layout.colon() + layout.render(value, "") + "}";
            }
            return splice(text, o.origin().offset(), o.origin().endOffset(), body);
        }
        JsonMember last = members.get(members.size() - 1);
        String sep = members.size() >= 2
                ? text.substring(members.get(members.size() - 2).value().origin().endOffset(), last.keyOrigin().offset())
                : firstSeparator(text.substring(o.origin().offset() + 1, last.keyOrigin().offset()));
        String colon = text.substring(last.keyOrigin().endOffset(), last.value().origin().offset());
        String indent = indentAfterSeparator(layout, sep, last.keyOrigin().offset());
        int at = last.value().origin().endOffset();
        return splice(text, at, at, sep + JsonLayout.quote(key) + colon + layout.render(value, indent));
    }

    /** The separator before a second element, from the blanks before the first one. */
    private static String firstSeparator(String before) {
        return before.isEmpty() ? ", " : "," + before;
    }

    /** The indentation of the line the new element starts on: the blanks after the separator's last line break. */
    private static String indentAfterSeparator(JsonLayout layout, String sep, int siblingStart) {
        int nl = Math.max(sep.lastIndexOf('\n'), sep.lastIndexOf('\r'));
        if (nl < 0) {
            return layout.indentAt(siblingStart);
        }
        int end = nl + 1;
        while (end < sep.length() && (sep.charAt(end) == ' ' || sep.charAt(end) == '\t')) {
            end++;
        }
        return sep.substring(nl + 1, end);
    }

    private String removeMember(JsonObject o, int i) {
        List<JsonMember> ms = o.members();
        String text = source.text();
        if (ms.size() == 1) {
            return splice(text, o.origin().offset() + 1, o.origin().endOffset() - 1, "");
        }
        if (i < ms.size() - 1) {
            return splice(text, ms.get(i).keyOrigin().offset(), ms.get(i + 1).keyOrigin().offset(), "");
        }
        return splice(text, ms.get(i - 1).value().origin().endOffset(), ms.get(i).value().origin().endOffset(), "");
    }

    private String removeItem(JsonArray a, int i) {
        List<JsonValue> items = a.items();
        String text = source.text();
        if (items.size() == 1) {
            return splice(text, a.origin().offset() + 1, a.origin().endOffset() - 1, "");
        }
        if (i < items.size() - 1) {
            return splice(text, items.get(i).origin().offset(), items.get(i + 1).origin().offset(), "");
        }
        return splice(text, items.get(i - 1).origin().endOffset(), items.get(i).origin().endOffset(), "");
    }

    private static String splice(String text, int start, int end, String replacement) {
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** A step of a multi-step edit: must parse, is not yet compared. */
    private JsonDocument intermediate(String edited, String what) {
        JsonDocument d = parse(source.name(), edited, limits);
        if (d.hasErrors()) {
            throw new EditException("edit (" + what + ") would make " + sourceName() + " invalid: " + d.firstError());
        }
        return d;
    }

    private JsonDocument verified(String edited, Optional<JsonData> expected, String what) {
        return intermediate(edited, what).verifiedAgainst(expected, what, this);
    }

    private JsonDocument verifiedAgainst(Optional<JsonData> expected, String what, JsonDocument original) {
        if (!data().equals(expected)) {
            throw new EditException("edit (" + what + ") of " + original.sourceName()
                    + " changed more than intended; the document is left as it was");
        }
        return this;
    }

    private void requireEditable() {
        if (hasErrors()) {
            throw new EditException(sourceName() + " has errors and is not edited: " + firstError());
        }
    }

    private Problem firstError() {
        return problems.stream().filter(p -> p.kind() != Problem.Kind.DUPLICATE_KEY).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
        return "JsonDocument[" + sourceName() + ", " + (root.isPresent() ? root.get().kind() : "empty") + ", "
                + problems.size() + " problems]";
    }
}
