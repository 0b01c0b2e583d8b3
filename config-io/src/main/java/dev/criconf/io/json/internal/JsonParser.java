package dev.criconf.io.json.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.json.JsonValue;
import dev.criconf.io.json.JsonValue.JsonArray;
import dev.criconf.io.json.JsonValue.JsonBoolean;
import dev.criconf.io.json.JsonValue.JsonMember;
import dev.criconf.io.json.JsonValue.JsonNull;
import dev.criconf.io.json.JsonValue.JsonNumber;
import dev.criconf.io.json.JsonValue.JsonObject;
import dev.criconf.io.json.JsonValue.JsonString;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict RFC 8259 parser that builds a {@link JsonValue} tree with source spans. It is iterative
 * (an explicit stack, never recursion), so nesting depth is bounded only by
 * {@link ParseLimits#maxDepth()}, which is checked before a container is opened.
 *
 * <p>Beyond the RFC, and as dockerd reads daemon.json: a leading byte order mark is skipped, and
 * an empty or whitespace-only text is a document without a value. Duplicate keys are accepted
 * (Go's encoding/json keeps the last) and reported as {@code DUPLICATE_KEY}. The first syntax
 * error stops parsing; the document then has no tree.
 */
public final class JsonParser {

    /** Numbers longer than this are refused, as jackson-core's default {@code maxNumberLength}. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** The tree (empty for an empty text or after an error) and the problems found. */
    public record Result(Optional<JsonValue> root, List<Problem> problems) {}

    private final SourceText src;
    private final String text;
    private final int len;
    private final int maxDepth;
    private final List<Problem> problems = new ArrayList<>();
    private int pos;

    private JsonParser(SourceText src, ParseLimits limits) {
        this.src = src;
        this.text = src.text();
        this.len = text.length();
        this.maxDepth = limits.maxDepth();
    }

    public static Result parse(SourceText src, ParseLimits limits) {
        JsonParser p = new JsonParser(src, limits);
        try {
            JsonValue root = p.document();
            return new Result(Optional.ofNullable(root), List.copyOf(p.problems));
        } catch (Failure f) {
            p.problems.add(f.problem);
            return new Result(Optional.empty(), List.copyOf(p.problems));
        }
    }

    /** Stops parsing; never leaves this class. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Failure(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private static final class Frame {
        final boolean object;
        final int start;
        final List<JsonMember> members = new ArrayList<>();
        final List<JsonValue> items = new ArrayList<>();
        final Map<String, Origin> seen = new HashMap<>();
        String key;
        Origin keyOrigin;

        Frame(boolean object, int start) {
            this.object = object;
            this.start = start;
        }
    }

    private JsonValue document() {
        if (len > 0 && text.charAt(0) == '\uFEFF') {
            pos = 1;
        }
        skipWhitespace();
        if (pos == len) {
            return null;
        }
        JsonValue root = values();
        skipWhitespace();
        if (pos < len) {
            throw fail(pos, "unexpected " + describe(pos) + " after the end of the JSON value");
        }
        return root;
    }

    /** Parses one value, containers included, without recursion. */
    private JsonValue values() {
        Deque<Frame> stack = new ArrayDeque<>();
        while (true) {
            skipWhitespace();
            JsonValue done;
            if (pos >= len) {
                throw fail(pos, "expected a value but the text ends");
            }
            char c = text.charAt(pos);
            if (c == '{' || c == '[') {
                if (stack.size() >= maxDepth) {
                    throw new Failure(new Problem(Problem.Kind.LIMIT_EXCEEDED, src.originAt(pos, 1),
                            "nesting deeper than the limit of " + maxDepth + " levels"));
                }
                int start = pos++;
                skipWhitespace();
                char close = c == '{' ? '}' : ']';
                if (pos < len && text.charAt(pos) == close) {
                    pos++;
                    done = c == '{' ? new JsonObject(src.span(start, pos), List.of())
                            : new JsonArray(src.span(start, pos), List.of());
                } else {
                    Frame f = new Frame(c == '{', start);
                    stack.push(f);
                    if (f.object) {
                        key(f);
                    }
                    continue;
                }
            } else {
                done = scalar();
            }
            // attach the finished value, closing every container it completes
            while (true) {
                Frame top = stack.peek();
                if (top == null) {
                    return done;
                }
                if (top.object) {
                    top.members.add(new JsonMember(top.key, top.keyOrigin, done));
                } else {
                    top.items.add(done);
                }
                skipWhitespace();
                if (pos >= len) {
                    throw fail(pos, "expected ',' or '" + (top.object ? '}' : ']') + "' but the text ends (the "
                            + (top.object ? "object" : "array") + " opened at " + at(top.start) + " is not closed)");
                }
                char d = text.charAt(pos);
                if (d == ',') {
                    pos++;
                    if (top.object) {
                        skipWhitespace();
                        key(top);
                    }
                    break;
                }
                if (d == (top.object ? '}' : ']')) {
                    pos++;
                    stack.pop();
                    done = top.object ? new JsonObject(src.span(top.start, pos), top.members)
                            : new JsonArray(src.span(top.start, pos), top.items);
                    continue;
                }
                throw fail(pos, "expected ',' or '" + (top.object ? '}' : ']') + "' but found " + describe(pos));
            }
        }
    }

    /** Reads {@code "key" :} into the frame. */
    private void key(Frame f) {
        if (pos >= len || text.charAt(pos) != '"') {
            String found = pos >= len ? "the end of the text" : describe(pos);
            throw fail(pos, "expected a member name in double quotes but found " + found);
        }
        int start = pos;
        String key = string();
        Origin keyOrigin = src.span(start, pos);
        Origin first = f.seen.putIfAbsent(key, keyOrigin);
        if (first != null) {
            problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, keyOrigin, "duplicate key \"" + key
                    + "\" (first at " + first.line() + ":" + first.column()
                    + "); dockerd, like Go's encoding/json, uses the last one"));
        }
        skipWhitespace();
        if (pos >= len || text.charAt(pos) != ':') {
            throw fail(pos, "expected ':' after the member name but found "
                    + (pos >= len ? "the end of the text" : describe(pos)));
        }
        pos++;
        f.key = key;
        f.keyOrigin = keyOrigin;
    }

    private JsonValue scalar() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '"': {
                String s = string();
                return new JsonString(src.span(start, pos), s);
            }
            case 't':
                literal("true");
                return new JsonBoolean(src.span(start, pos), true);
            case 'f':
                literal("false");
                return new JsonBoolean(src.span(start, pos), false);
            case 'n':
                literal("null");
                return new JsonNull(src.span(start, pos));
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail(pos, "expected a value but found " + describe(pos)
                        + (c == '\'' ? " (JSON strings use double quotes)" : c == '/' || c == '#' ? " (JSON has no comments)" : ""));
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw fail(pos, "expected a value but found " + describe(pos) + " (did you mean " + word + "?)");
        }
        pos += word.length();
    }

    private JsonValue number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        if (pos >= len || !digit(text.charAt(pos))) {
            throw fail(pos, "expected a digit in the number");
        }
        if (text.charAt(pos) == '0') {
            pos++;
            if (pos < len && digit(text.charAt(pos))) {
                throw fail(pos, "a number cannot have a leading zero");
            }
        } else {
            digits();
        }
        if (pos < len && text.charAt(pos) == '.') {
            pos++;
            if (pos >= len || !digit(text.charAt(pos))) {
                throw fail(pos, "expected a digit after the decimal point");
            }
            digits();
        }
        if (pos < len && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < len && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos >= len || !digit(text.charAt(pos))) {
                throw fail(pos, "expected a digit in the exponent");
            }
            digits();
        }
        String raw = text.substring(start, pos);
        if (raw.length() > MAX_NUMBER_LENGTH) {
            throw new Failure(new Problem(Problem.Kind.LIMIT_EXCEEDED, src.span(start, pos),
                    "number with " + raw.length() + " characters, more than the limit of " + MAX_NUMBER_LENGTH));
        }
        try {
            new BigDecimal(raw);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new Failure(new Problem(Problem.Kind.LIMIT_EXCEEDED, src.span(start, pos),
                    "number out of range: " + raw));
        }
        return new JsonNumber(src.span(start, pos), raw);
    }

    private void digits() {
        while (pos < len && digit(text.charAt(pos))) {
            pos++;
        }
    }

    /** An ASCII hex digit's value, or -1: RFC 8259's HEXDIG is ASCII only (unlike {@link Character#digit}). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Reads a string starting at the opening quote; leaves pos after the closing quote. */
    private String string() {
        int start = pos;
        pos++;
        int runStart = pos;
        StringBuilder sb = null;
        while (true) {
            if (pos >= len) {
                throw fail(start, "string is not closed (it runs to the end of the text)");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                String s = sb == null ? text.substring(runStart, pos) : sb.append(text, runStart, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw fail(pos, "control character " + String.format("U+%04X", (int) c)
                        + " must be escaped inside a string" + (c == '\n' || c == '\r' ? " (strings cannot span lines)" : ""));
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, runStart, pos);
            if (pos + 1 >= len) {
                throw fail(pos, "string ends inside an escape sequence");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u': {
                    int v = 0;
                    for (int i = 0; i < 4; i++) {
                        int h = pos + 2 + i < len ? hex(text.charAt(pos + 2 + i)) : -1;
                        if (h < 0) {
                            throw fail(pos, "\\u must be followed by four hex digits");
                        }
                        v = v * 16 + h;
                    }
                    // surrogate pairs written as two escapes combine by themselves in a UTF-16 string
                    sb.append((char) v);
                    pos += 4;
                    break;
                }
                default:
                    throw fail(pos, "invalid escape \\" + (Character.isISOControl(e) ? String.format("U+%04X", (int) e) : String.valueOf(e))
                            + " (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
            pos += 2;
            runStart = pos;
        }
    }

    private void skipWhitespace() {
        while (pos < len) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private String describe(int at) {
        if (at >= len) {
            return "the end of the text";
        }
        char c = text.charAt(at);
        if (c < 0x20 || c == 0x7f || c == '\uFEFF' || Character.isSurrogate(c)) {
            return String.format("character U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private String at(int offset) {
        Origin o = src.originAt(offset, 0);
        return o.line() + ":" + o.column();
    }

    private Failure fail(int at, String message) {
        return new Failure(Problem.syntax(src.originAt(at, at < len ? 1 : 0), message));
    }
}
