package dev.criconf.io.json.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.json.JsonData;
import dev.criconf.io.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edits of {@code JsonDocument} applied to plain data: the meaning an edited document must
 * have. The text edits are checked against these after every edit.
 */
public final class JsonDataOps {

    private JsonDataOps() {}

    /** Sets the value at a path, creating missing objects on the way. */
    public static JsonData set(Optional<JsonData> root, JsonPath path, JsonData value) {
        if (path.isRoot()) {
            return value;
        }
        if (root.isEmpty()) {
            return nest(path.segments(), 0, value, path);
        }
        return set(root.get(), path.segments(), 0, value, path);
    }

    private static JsonData set(JsonData node, List<JsonPath.Segment> segs, int i, JsonData value, JsonPath path) {
        if (i == segs.size()) {
            return value;
        }
        JsonPath.Segment s = segs.get(i);
        if (node instanceof JsonData.Obj o && s instanceof JsonPath.Key k) {
            Map<String, JsonData> m = new LinkedHashMap<>(o.members());
            JsonData child = m.get(k.name());
            m.put(k.name(), child == null ? nest(segs, i + 1, value, path) : set(child, segs, i + 1, value, path));
            return new JsonData.Obj(m);
        }
        if (node instanceof JsonData.Arr a && s instanceof JsonPath.Index x) {
            if (x.index() >= a.items().size()) {
                throw new EditException("cannot set " + path + ": index " + x.index() + " is past the end of "
                        + path.prefix(i) + " (" + a.items().size() + " elements); append instead");
            }
            List<JsonData> l = new ArrayList<>(a.items());
            l.set(x.index(), set(l.get(x.index()), segs, i + 1, value, path));
            return new JsonData.Arr(l);
        }
        throw mismatch("set", path, i, node);
    }

    /** The value for the path's remaining keys, wrapped in new objects. */
    public static JsonData nest(List<JsonPath.Segment> segs, int from, JsonData value, JsonPath path) {
        JsonData v = value;
        for (int i = segs.size() - 1; i >= from; i--) {
            if (!(segs.get(i) instanceof JsonPath.Key k)) {
                throw new EditException("cannot set " + path + ": " + path.prefix(i + 1)
                        + " does not exist and array elements are not created by index");
            }
            v = new JsonData.Obj(Map.of(k.name(), v));
        }
        return v;
    }

    /** Removes the value at a path; nothing changes when it is absent. */
    public static Optional<JsonData> remove(Optional<JsonData> root, JsonPath path) {
        if (path.isRoot()) {
            throw new EditException("cannot remove the root value");
        }
        return root.map(r -> remove(r, path.segments(), 0, path));
    }

    private static JsonData remove(JsonData node, List<JsonPath.Segment> segs, int i, JsonPath path) {
        JsonPath.Segment s = segs.get(i);
        boolean last = i == segs.size() - 1;
        if (node instanceof JsonData.Obj o && s instanceof JsonPath.Key k) {
            JsonData child = o.members().get(k.name());
            if (child == null) {
                return node;
            }
            Map<String, JsonData> m = new LinkedHashMap<>(o.members());
            if (last) {
                m.remove(k.name());
            } else {
                m.put(k.name(), remove(child, segs, i + 1, path));
            }
            return new JsonData.Obj(m);
        }
        if (node instanceof JsonData.Arr a && s instanceof JsonPath.Index x) {
            if (x.index() >= a.items().size()) {
                return node;
            }
            List<JsonData> l = new ArrayList<>(a.items());
            if (last) {
                l.remove(x.index());
            } else {
                l.set(x.index(), remove(l.get(x.index()), segs, i + 1, path));
            }
            return new JsonData.Arr(l);
        }
        throw mismatch("remove", path, i, node);
    }

    /** The data at a path, or empty; a path through a value of another kind fails. */
    public static Optional<JsonData> find(Optional<JsonData> root, JsonPath path, String verb) {
        Optional<JsonData> node = root;
        for (int i = 0; i < path.size() && node.isPresent(); i++) {
            JsonData n = node.get();
            JsonPath.Segment s = path.segments().get(i);
            if (n instanceof JsonData.Obj o && s instanceof JsonPath.Key k) {
                node = Optional.ofNullable(o.members().get(k.name()));
            } else if (n instanceof JsonData.Arr a && s instanceof JsonPath.Index x) {
                node = x.index() < a.items().size() ? Optional.of(a.items().get(x.index())) : Optional.empty();
            } else {
                throw mismatch(verb, path, i, n);
            }
        }
        return node;
    }

    /** Appends an item to the array at a path, creating the array when the path is absent. */
    public static JsonData append(Optional<JsonData> root, JsonPath path, JsonData item) {
        Optional<JsonData> target = find(root, path, "append to");
        if (target.isEmpty()) {
            return set(root, path, new JsonData.Arr(List.of(item)));
        }
        if (!(target.get() instanceof JsonData.Arr a)) {
            throw new EditException("cannot append to " + path + ": it is " + kind(target.get()) + ", not an array");
        }
        List<JsonData> l = new ArrayList<>(a.items());
        l.add(item);
        return set(root, path, new JsonData.Arr(l));
    }

    /** Removes every element equal to an item from the array at a path. */
    public static Optional<JsonData> removeItem(Optional<JsonData> root, JsonPath path, JsonData item) {
        Optional<JsonData> target = find(root, path, "remove an item from");
        if (target.isEmpty()) {
            return root;
        }
        if (!(target.get() instanceof JsonData.Arr a)) {
            throw new EditException("cannot remove an item from " + path + ": it is " + kind(target.get()) + ", not an array");
        }
        List<JsonData> l = new ArrayList<>(a.items());
        l.removeIf(item::equals);
        return Optional.of(set(root, path, new JsonData.Arr(l)));
    }

    private static EditException mismatch(String verb, JsonPath path, int i, JsonData node) {
        JsonPath.Segment s = path.segments().get(i);
        String want = s instanceof JsonPath.Key ? "an object" : "an array";
        String where = path.prefix(i).isRoot() ? "the root" : path.prefix(i).toString();
        return new EditException("cannot " + verb + " " + path + ": " + where + " is " + kind(node) + ", not " + want);
    }

    public static String kind(JsonData d) {
        if (d instanceof JsonData.Obj) {
            return "an object";
        }
        if (d instanceof JsonData.Arr) {
            return "an array";
        }
        if (d instanceof JsonData.Str) {
            return "a string";
        }
        if (d instanceof JsonData.Num) {
            return "a number";
        }
        if (d instanceof JsonData.Bool) {
            return "a boolean";
        }
        return "null";
    }
}
