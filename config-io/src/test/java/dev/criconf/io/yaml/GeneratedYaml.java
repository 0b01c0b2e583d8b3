package dev.criconf.io.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random block-style YAML documents in the shapes node configuration files have, written with
 * comments, blank lines, varying indentation, CRLF or LF, an optional BOM and {@code ---}, together
 * with the value each one stands for. Plain strings are chosen so that YAML 1.1 and 1.2 agree.
 */
final class GeneratedYaml {

    /** A generated document: its text and the value it must decode to under both schemas. */
    record Doc(String text, YamlValue value, long seed) {
        @Override
        public String toString() {
            return "seed " + seed + ":\n" + text;
        }
    }

    private final Random r;
    private final String eol;
    private final int step;
    private final boolean indentless;
    private final StringBuilder out = new StringBuilder();
    private boolean endsWithLiteral;

    private GeneratedYaml(long seed) {
        r = new Random(seed);
        eol = r.nextInt(4) == 0 ? "\r\n" : "\n";
        step = r.nextBoolean() ? 2 : 4;
        indentless = r.nextBoolean();
    }

    static Doc generate(long seed) {
        GeneratedYaml g = new GeneratedYaml(seed);
        if (g.r.nextInt(8) == 0) {
            g.out.append('\uFEFF');
        }
        if (g.r.nextInt(3) == 0) {
            g.out.append("# generated ").append(seed).append(g.eol);
        }
        if (g.r.nextInt(3) == 0) {
            g.out.append("---").append(g.r.nextBoolean() ? " # start" : "").append(g.eol);
        }
        YamlValue root = g.mappingEntries(0, 0, 2 + g.r.nextInt(4));
        if (g.r.nextInt(4) == 0) {
            g.out.append(g.eol).append("# the end").append(g.eol);
        } else if (g.r.nextInt(5) == 0 && !g.endsWithLiteral) {
            // no final line break
            g.out.setLength(g.out.length() - g.eol.length());
        }
        return new Doc(g.out.toString(), root, seed);
    }

    private void gap(int indent) {
        int k = r.nextInt(10);
        if (k == 0) {
            out.append(eol);
        } else if (k == 1) {
            out.append(" ".repeat(r.nextBoolean() ? indent : 0)).append("# note").append(r.nextBoolean() ? "\t# x" : "").append(eol);
        }
    }

    /** Writes entries of a block mapping at {@code indent}; the first one may continue a "- " line. */
    private YamlValue mappingEntries(int indent, int depth, int count) {
        Map<YamlValue, YamlValue> m = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key;
            do {
                key = word();
            } while (keys.contains(key));
            keys.add(key);
            if (i > 0) {
                gap(indent);
                out.append(" ".repeat(indent));
            }
            out.append(key).append(':');
            m.put(YamlValue.of(key), value(indent, depth));
        }
        return new YamlValue.MappingValue(m);
    }

    /** Writes a value after "key:" (the cursor is right after the colon) and ends its line(s). */
    private YamlValue value(int indent, int depth) {
        int k = depth >= 3 ? 0 : r.nextInt(10);
        endsWithLiteral = false;
        if (k <= 5) {
            return scalarAfterIndicator(indent);
        }
        if (k <= 7) {
            if (r.nextInt(8) == 0) {
                out.append(" {}").append(eol);
                return new YamlValue.MappingValue(Map.of());
            }
            comment();
            out.append(eol);
            int child = indent + step;
            out.append(" ".repeat(child));
            return mappingEntries(child, depth + 1, 1 + r.nextInt(3));
        }
        if (r.nextInt(8) == 0) {
            out.append(" []").append(eol);
            return YamlValue.sequence(List.of());
        }
        comment();
        out.append(eol);
        return sequenceItems(indentless ? indent : indent + step, depth + 1, 1 + r.nextInt(3));
    }

    private YamlValue sequenceItems(int dash, int depth, int count) {
        List<YamlValue> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                gap(dash);
            }
            out.append(" ".repeat(dash)).append('-');
            int k = depth >= 3 ? 0 : r.nextInt(6);
            endsWithLiteral = false;
            if (k <= 3) {
                items.add(scalarAfterIndicator(dash));
            } else {
                out.append(' ');
                items.add(mappingEntries(dash + 2, depth + 1, 1 + r.nextInt(3)));
            }
        }
        return YamlValue.sequence(items);
    }

    private void comment() {
        if (r.nextInt(5) == 0) {
            out.append("  # about this");
        }
    }

    private static final String FIRST = "abcdeghijklmpqrsuvwxz";
    private static final String REST = "abcdefghijklmnopqrstuvwxyz0123456789_-./";

    private String word() {
        StringBuilder b = new StringBuilder().append(FIRST.charAt(r.nextInt(FIRST.length())));
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) {
            b.append(REST.charAt(r.nextInt(REST.length())));
        }
        return b.toString();
    }

    private static final String QUOTED = "ab yz#:-'\"\\\tü\u00e9\uD83D\uDE00,[]{}&*!|>%@`";

    private String anyText() {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(QUOTED.length());
            if (Character.isHighSurrogate(QUOTED.charAt(c))) {
                b.append(QUOTED, c, c + 2);
            } else if (Character.isLowSurrogate(QUOTED.charAt(c))) {
                b.append(QUOTED, c - 1, c + 1);
            } else {
                b.append(QUOTED.charAt(c));
            }
        }
        return b.toString();
    }

    /** A scalar after "key:" or "-" (cursor right after the indicator), then the end of the line. */
    private YamlValue scalarAfterIndicator(int indent) {
        int k = r.nextInt(12);
        YamlValue v;
        switch (k) {
            case 0, 1, 2 -> {
                String w = word();
                out.append(' ').append(w);
                v = YamlValue.of(w);
            }
            case 3 -> {
                String s = anyText();
                out.append(" '").append(s.replace("'", "''")).append('\'');
                v = YamlValue.of(s);
            }
            case 4 -> {
                String s = anyText() + (r.nextBoolean() ? "\n" : "");
                out.append(" \"").append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                        .replace("\t", "\\t")).append('"');
                v = YamlValue.of(s);
            }
            case 5 -> {
                long n = r.nextInt(200_000) - 1000;
                out.append(' ').append(n);
                v = YamlValue.of(n);
            }
            case 6 -> {
                boolean b = r.nextBoolean();
                out.append(' ').append(b);
                v = YamlValue.of(b);
            }
            case 7 -> {
                String[] nulls = {"", " ~", " null"};
                out.append(nulls[r.nextInt(nulls.length)]);
                v = YamlValue.NULL;
            }
            case 8 -> {
                double d = r.nextInt(10_000) / 16.0;
                out.append(' ').append(d);
                v = YamlValue.of(d);
            }
            case 9 -> {
                // a literal block scalar: its lines end the entry, no comment after it
                int lines = 1 + r.nextInt(3);
                StringBuilder value = new StringBuilder();
                out.append(" |").append(eol);
                for (int i = 0; i < lines; i++) {
                    String w = word() + (r.nextBoolean() ? " " + word() : "");
                    out.append(" ".repeat(indent + step)).append(w).append(eol);
                    value.append(w).append('\n');
                }
                endsWithLiteral = true;
                return YamlValue.of(value.toString());
            }
            default -> {
                // a flow sequence of words
                List<YamlValue> items = new ArrayList<>();
                out.append(" [");
                int n = r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    String w = word();
                    out.append(i == 0 ? "" : ", ").append(w);
                    items.add(YamlValue.of(w));
                }
                out.append(']');
                v = YamlValue.sequence(items);
            }
        }
        if (r.nextInt(4) == 0) {
            out.append(r.nextBoolean() ? "  # comment" : " #x");
        }
        if (r.nextInt(10) == 0) {
            out.append("  ");
        }
        out.append(eol);
        return v;
    }
}
