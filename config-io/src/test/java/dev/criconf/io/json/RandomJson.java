package dev.criconf.io.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random JSON texts for property tests, each with the data it means: random whitespace between
 * tokens, random number spellings, strings with every kind of character written raw or escaped
 * (surrogate pairs as two {@code \\u} escapes included), and sometimes duplicate keys.
 */
final class RandomJson {

    /** A text and what it means. */
    record Sample(String text, JsonData data) {}

    private static final String[] WS = {"", "", "", " ", "\t", "\n", "\r\n", "\n  ", "\r\n\t\t", "  "};
    private static final String[] CHARS = {"a", "b", "Z", "0", " ", "/", "\"", "\\", "\n", "\t", "\u0000", "\u001f",
        "\u007f", "é", "ß", "中", "\u2028", "😀", "𝄞", "=", ":", ",", "{", "}", "[", "]"};

    private final Random random;

    RandomJson(Random random) {
        this.random = random;
    }

    /** A document whose root is an object (as daemon.json), nested up to {@code depth} levels. */
    Sample object(int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append(ws());
        JsonData d = object(depth, sb);
        sb.append(ws());
        return new Sample(sb.toString(), d);
    }

    /** A document with any root value. */
    Sample any(int depth) {
        StringBuilder sb = new StringBuilder();
        sb.append(ws());
        JsonData d = value(depth, sb);
        sb.append(ws());
        return new Sample(sb.toString(), d);
    }

    private String ws() {
        return WS[random.nextInt(WS.length)];
    }

    private JsonData value(int depth, StringBuilder sb) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0:
            case 1: {
                String s = string(sb);
                return new JsonData.Str(s);
            }
            case 2:
                return number(sb);
            case 3: {
                boolean b = random.nextBoolean();
                sb.append(b);
                return new JsonData.Bool(b);
            }
            case 4:
                sb.append("null");
                return new JsonData.Null();
            case 5:
                return depth > 0 ? object(depth, sb) : number(sb);
            case 6:
                return object(depth, sb);
            default:
                return array(depth, sb);
        }
    }

    JsonData object(int depth, StringBuilder sb) {
        sb.append('{');
        int n = random.nextInt(5);
        Map<String, JsonData> m = new LinkedHashMap<>();
        List<String> used = new ArrayList<>();
        if (n == 0) {
            sb.append(ws());
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ws());
            String key;
            if (!used.isEmpty() && random.nextInt(10) == 0) {
                key = used.get(random.nextInt(used.size()));
                writeString(key, sb);
            } else {
                key = string(sb);
            }
            used.add(key);
            sb.append(ws()).append(':').append(ws());
            JsonData v = value(depth - 1, sb);
            m.remove(key); // a duplicate's value counts, in the position Go's map gives it (irrelevant to equality)
            m.put(key, v);
            sb.append(ws());
        }
        sb.append('}');
        return new JsonData.Obj(m);
    }

    private JsonData array(int depth, StringBuilder sb) {
        sb.append('[');
        int n = random.nextInt(5);
        List<JsonData> items = new ArrayList<>();
        if (n == 0) {
            sb.append(ws());
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ws());
            items.add(value(depth - 1, sb));
            sb.append(ws());
        }
        sb.append(']');
        return new JsonData.Arr(items);
    }

    private JsonData number(StringBuilder sb) {
        StringBuilder n = new StringBuilder();
        if (random.nextInt(3) == 0) {
            n.append('-');
        }
        if (random.nextInt(4) == 0) {
            n.append('0');
        } else {
            n.append((char) ('1' + random.nextInt(9)));
            int more = random.nextInt(random.nextInt(10) == 0 ? 25 : 4);
            for (int i = 0; i < more; i++) {
                n.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(3) == 0) {
            n.append('.');
            int frac = 1 + random.nextInt(5);
            for (int i = 0; i < frac; i++) {
                n.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(4) == 0) {
            n.append(random.nextBoolean() ? 'e' : 'E');
            int sign = random.nextInt(3);
            n.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
            int exp = 1 + random.nextInt(3);
            for (int i = 0; i < exp; i++) {
                n.append((char) ('0' + random.nextInt(10)));
            }
        }
        sb.append(n);
        return new JsonData.Num(new BigDecimal(n.toString()));
    }

    /** A random string value, written with random escapes; returns the value. */
    private String string(StringBuilder sb) {
        StringBuilder value = new StringBuilder();
        int len = random.nextInt(8);
        for (int i = 0; i < len; i++) {
            value.append(CHARS[random.nextInt(CHARS.length)]);
        }
        if (random.nextInt(25) == 0) {
            value.append(random.nextBoolean() ? '\uD800' : '\uDFFF'); // lone surrogate: only as an escape
        }
        String v = value.toString();
        writeString(v, sb);
        return v;
    }

    private void writeString(String v, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1));
            boolean lone = Character.isSurrogate(c) && !pair;
            boolean must = c == '"' || c == '\\' || c < 0x20 || lone;
            if (!must && random.nextInt(6) != 0) {
                sb.append(c);
                if (pair) {
                    sb.append(v.charAt(++i)); // a pair is written raw as a whole, or escaped as a whole
                }
                continue;
            }
            String shortEscape = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '/' -> "\\/";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (shortEscape != null && random.nextBoolean()) {
                sb.append(shortEscape);
            } else {
                sb.append(unicodeEscape(c));
                if (pair) {
                    sb.append(unicodeEscape(v.charAt(++i)));
                }
            }
        }
        sb.append('"');
    }

    private String unicodeEscape(char c) {
        String hex = String.format("%04x", (int) c);
        return "\\u" + (random.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT));
    }
}
