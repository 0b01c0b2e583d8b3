package dev.criconf.io.json.internal;

import dev.criconf.io.internal.SourceText;
import dev.criconf.io.json.JsonData;
import dev.criconf.io.json.JsonValue;
import dev.criconf.io.json.JsonValue.JsonArray;
import dev.criconf.io.json.JsonValue.JsonMember;
import dev.criconf.io.json.JsonValue.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * How a document is laid out, so that inserted text looks like its neighbours: line ending,
 * indentation unit, the text between a key and its value, and whether the document is written on
 * one line. Also renders {@link JsonData} in that style.
 */
public final class JsonLayout {

    private final String text;
    private final String newline;
    private final String unit;
    private final String colon;
    private final boolean multiline;

    private JsonLayout(String text, String newline, String unit, String colon, boolean multiline) {
        this.text = text;
        this.newline = newline;
        this.unit = unit;
        this.colon = colon;
        this.multiline = multiline;
    }

    /** The layout of a document; a document without a value gets two-space indentation and ": ". */
    public static JsonLayout of(SourceText source, Optional<JsonValue> root) {
        String text = source.text();
        boolean multiline = root.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        String unit = "  ";
        String colon = ": ";
        boolean unitFound = false;
        boolean colonFound = false;
        Deque<JsonValue> todo = new ArrayDeque<>();
        root.ifPresent(todo::push);
        while (!todo.isEmpty() && !(unitFound && colonFound)) {
            JsonValue v = todo.pollFirst();
            int open = v.origin().offset();
            if (v instanceof JsonObject o) {
                for (JsonMember m : o.members()) {
                    if (!colonFound) {
                        colon = text.substring(m.keyOrigin().endOffset(), m.value().origin().offset());
                        colonFound = true;
                    }
                    if (!unitFound) {
                        Optional<String> u = unit(text, open, m.keyOrigin().offset());
                        if (u.isPresent()) {
                            unit = u.get();
                            unitFound = true;
                        }
                    }
                    todo.addLast(m.value());
                }
            } else if (v instanceof JsonArray a) {
                for (JsonValue item : a.items()) {
                    if (!unitFound) {
                        Optional<String> u = unit(text, open, item.origin().offset());
                        if (u.isPresent()) {
                            unit = u.get();
                            unitFound = true;
                        }
                    }
                    todo.addLast(item);
                }
            }
        }
        return new JsonLayout(text, source.dominantLineEnding(), unit, colon, multiline);
    }

    /** The indentation a child on its own line adds to its container's line. */
    private static Optional<String> unit(String text, int containerStart, int childStart) {
        int childLine = lineStart(text, childStart);
        if (childLine <= containerStart) {
            return Optional.empty(); // same line
        }
        String outer = indentAt(text, containerStart);
        String inner = indentAt(text, childStart);
        if (inner.length() > outer.length() && inner.startsWith(outer)) {
            return Optional.of(inner.substring(outer.length()));
        }
        return Optional.empty();
    }

    public String newline() {
        return newline;
    }

    public String colon() {
        return colon;
    }

    public boolean multiline() {
        return multiline;
    }

    /** The blanks at the start of the line holding an offset. */
    public String indentAt(int offset) {
        return indentAt(text, offset);
    }

    /** The indentation for a child of a container whose line has the given indentation. */
    public String deeper(String indent) {
        return indent + unit;
    }

    private static String indentAt(String text, int offset) {
        int s = lineStart(text, offset);
        int e = s;
        while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
            e++;
        }
        return text.substring(s, e);
    }

    private static int lineStart(String text, int offset) {
        int i = Math.min(offset, text.length());
        while (i > 0 && text.charAt(i - 1) != '\n' && text.charAt(i - 1) != '\r') {
            i--;
        }
        return i;
    }

    /**
     * Renders a value. Scalars and arrays of scalars go on one line; other arrays and non-empty
     * objects go on several lines indented from {@code indent} (the indentation of the line the
     * value starts on), unless the document is written on one line.
     */
    public String render(JsonData data, String indent) {
        StringBuilder sb = new StringBuilder();
        render(data, indent, sb);
        return sb.toString();
    }

    private void render(JsonData data, String indent, StringBuilder sb) {
        if (data instanceof JsonData.Str s) {
            quote(s.value(), sb);
        } else if (data instanceof JsonData.Num n) {
            sb.append(n.value().toString());
        } else if (data instanceof JsonData.Bool b) {
            sb.append(b.value());
        } else if (data instanceof JsonData.Null) {
            sb.append("null");
        } else if (data instanceof JsonData.Arr a) {
            if (a.items().isEmpty()) {
                sb.append("[]");
            } else if (!multiline || a.items().stream().allMatch(JsonData::isScalar)) {
                sb.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    render(a.items().get(i), indent, sb);
                }
                sb.append(']');
            } else {
                String inner = deeper(indent);
                sb.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    sb.append(i > 0 ? "," : "").append(newline).append(inner);
                    render(a.items().get(i), inner, sb);
                }
                sb.append(newline).append(indent).append(']');
            }
        } else {
            Map<String, JsonData> members = ((JsonData.Obj) data).members();
            if (members.isEmpty()) {
                sb.append("{}");
                return;
            }
            String inner = deeper(indent);
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonData> m : members.entrySet()) {
                sb.append(first ? "" : ",");
                if (multiline) {
                    sb.append(newline).append(inner);
                } else if (!first) {
                    sb.append(' ');
                }
                first = false;
                quote(m.getKey(), sb);
                sb.append(colon);
                render(m.getValue(), inner, sb);
            }
            if (multiline) {
                sb.append(newline).append(indent);
            }
            sb.append('}');
        }
    }

    /**
     * Writes a JSON string literal: quotes, backslashes and control characters escaped, other
     * characters as they are, except unpaired surrogates, which UTF-8 cannot encode and which are
     * therefore written as {@code \\uXXXX}.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
