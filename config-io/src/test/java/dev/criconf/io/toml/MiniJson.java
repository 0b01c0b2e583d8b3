package dev.criconf.io.toml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for toml-test's expected files: objects, arrays, strings (all they hold). */
final class MiniJson {

    private final String t;
    private int p;

    private MiniJson(String text) {
        this.t = text;
    }

    static Object parse(String text) {
        MiniJson j = new MiniJson(text);
        Object v = j.value();
        j.ws();
        if (j.p != j.t.length()) {
            throw new IllegalArgumentException("trailing text at " + j.p);
        }
        return v;
    }

    private Object value() {
        ws();
        char c = t.charAt(p);
        if (c == '{') {
            p++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (t.charAt(p) == '}') {
                p++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                if (t.charAt(p) == ',') {
                    p++;
                    continue;
                }
                expect('}');
                return m;
            }
        }
        if (c == '[') {
            p++;
            List<Object> l = new ArrayList<>();
            ws();
            if (t.charAt(p) == ']') {
                p++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (t.charAt(p) == ',') {
                    p++;
                    continue;
                }
                expect(']');
                return l;
            }
        }
        if (c == '"') {
            return string();
        }
        throw new IllegalArgumentException("unexpected " + c + " at " + p);
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = t.charAt(p++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = t.charAt(p++);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u': b.append((char) Integer.parseInt(t.substring(p, p + 4), 16)); p += 4; break;
                default: b.append(e);
            }
        }
    }

    private void expect(char c) {
        if (t.charAt(p) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + p + ", found " + t.charAt(p));
        }
        p++;
    }

    private void ws() {
        while (p < t.length() && Character.isWhitespace(t.charAt(p))) {
            p++;
        }
    }
}
