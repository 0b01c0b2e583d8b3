package dev.criconf.io.toml;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generates valid TOML 1.1 documents with random trivia: comments, blank lines, LF / CRLF / mixed
 * line endings, a BOM, indentation with spaces and tabs, spacing around {@code =}, every quoting
 * style for keys and strings, number notations, dotted keys, inline tables (one line and, TOML 1.1,
 * over lines), multi-line arrays with comments and trailing commas, sub-tables defined before their
 * parents, implicit tables and arrays of tables. Names are unique by construction, so every
 * document is valid.
 */
final class TomlGen {

    private final Random r;
    private final StringBuilder out = new StringBuilder();
    private final int newlineMode; // 0 LF, 1 CRLF, 2 mixed
    private int names;

    private TomlGen(Random random) {
        this.r = random;
        this.newlineMode = r.nextInt(3);
    }

    static Arbitrary<String> documents() {
        return Arbitraries.randomValue(random -> new TomlGen(random).document());
    }

    // ---------------------------------------------------------------- structure

    private String document() {
        if (r.nextInt(10) == 0) {
            out.append('\uFEFF');
        }
        trivia();
        int rootEntries = r.nextInt(4);
        for (int i = 0; i < rootEntries; i++) {
            entry(0);
        }
        int sections = r.nextInt(5);
        for (int i = 0; i < sections; i++) {
            trivia();
            switch (r.nextInt(4)) {
                case 0:
                    table();
                    break;
                case 1:
                    subTableFirst();
                    break;
                case 2:
                    implicitParent();
                    break;
                default:
                    arrayOfTables();
            }
        }
        trivia();
        if (r.nextInt(6) == 0) {
            // no final newline: drop the last one if there is one
            int len = out.length();
            if (len > 0 && out.charAt(len - 1) == '\n') {
                out.setLength(out.length() >= 2 && out.charAt(len - 2) == '\r' ? len - 2 : len - 1);
            }
        }
        return out.toString();
    }

    private void table() {
        String name = key(fresh("t"));
        header(name, false);
        entries();
        if (r.nextBoolean()) {
            trivia();
            header(name + "." + key(fresh("s")), false);
            entries();
        }
    }

    private void subTableFirst() {
        String name = key(fresh("t"));
        header(name + "." + key(fresh("s")), false);
        entries();
        trivia();
        header(name, false);
        entries();
    }

    private void implicitParent() {
        header(key(fresh("t")) + "." + key(fresh("s")) + "." + key(fresh("q")), false);
        entries();
    }

    private void arrayOfTables() {
        String name = key(fresh("a"));
        int elements = 1 + r.nextInt(3);
        for (int i = 0; i < elements; i++) {
            if (i > 0) {
                trivia();
            }
            header(name, true);
            entries();
            if (r.nextInt(4) == 0) {
                header(name + "." + key(fresh("s")), false);
                entries();
            }
        }
    }

    private void header(String path, boolean arrayOfTables) {
        indent();
        String inner = r.nextInt(5) == 0 ? " " + path + " " : path;
        out.append(arrayOfTables ? "[[" : "[").append(inner).append(arrayOfTables ? "]]" : "]");
        lineEnd();
    }

    private void entries() {
        int count = r.nextInt(5);
        for (int i = 0; i < count; i++) {
            if (r.nextInt(5) == 0) {
                trivia();
            }
            entry(1);
        }
    }

    /** One {@code key = value} line, sometimes several sharing a dotted prefix. */
    private void entry(int depth) {
        if (r.nextInt(4) == 0) {
            String prefix = key(fresh("d"));
            int count = 1 + r.nextInt(3);
            for (int i = 0; i < count; i++) {
                indent();
                out.append(prefix).append(dot()).append(key(fresh("k"))).append(equals());
                value(depth + 1, true);
                lineEnd();
            }
            return;
        }
        indent();
        out.append(key(fresh("k"))).append(equals());
        value(depth, true);
        lineEnd();
    }

    // ---------------------------------------------------------------- values

    private void value(int depth, boolean topLevel) {
        int kinds = depth > 3 ? 6 : 8;
        switch (r.nextInt(kinds)) {
            case 0:
            case 1:
                string(topLevel);
                break;
            case 2:
                integer();
                break;
            case 3:
                floating();
                break;
            case 4:
                out.append(r.nextBoolean() ? "true" : "false");
                break;
            case 5:
                dateTime();
                break;
            case 6:
                array(depth);
                break;
            default:
                inlineTable(depth);
        }
    }

    private void array(int depth) {
        int count = r.nextInt(4);
        boolean multiline = r.nextBoolean();
        String indent = pick("  ", "    ", "\t", "");
        out.append('[');
        for (int i = 0; i < count; i++) {
            if (multiline) {
                newline();
                if (r.nextInt(4) == 0) {
                    out.append(indent).append("# ").append(commentText());
                    newline();
                }
                out.append(indent);
            } else if (i > 0 || r.nextBoolean()) {
                out.append(pick(" ", "", "  "));
            }
            value(depth + 1, false);
            if (i < count - 1 || r.nextInt(3) == 0) {
                out.append(pick(",", " ,"));
            }
            if (multiline && r.nextInt(4) == 0) {
                out.append(" # ").append(commentText());
            }
        }
        if (multiline) {
            newline();
        } else if (r.nextBoolean()) {
            out.append(' ');
        }
        out.append(']');
    }

    private void inlineTable(int depth) {
        int count = r.nextInt(4);
        boolean multiline = count > 0 && r.nextInt(4) == 0;
        out.append('{');
        if (count == 0) {
            out.append(pick("", " "));
        }
        for (int i = 0; i < count; i++) {
            if (multiline) {
                newline();
                out.append("  ");
            } else {
                out.append(i == 0 ? pick(" ", "") : pick(" ", ""));
            }
            if (r.nextInt(4) == 0) {
                out.append(key(fresh("d"))).append(dot());
            }
            out.append(key(fresh("k"))).append(equals());
            value(depth + 1, false);
            if (i < count - 1 || multiline && r.nextBoolean()) {
                out.append(',');
            }
            if (multiline && r.nextInt(4) == 0) {
                out.append(" # ").append(commentText());
            }
        }
        if (multiline) {
            newline();
        } else if (count > 0) {
            out.append(pick(" ", ""));
        }
        out.append('}');
    }

    private static final String[] STRING_PARTS = {
        "pause", "registry.k8s.io/pause:3.9", "a b", "quote\"d", "it's", "back\\slash", "tab\there", "üñí", "😀",
        "/run/containerd/containerd.sock", "${VAR}", "", "''", "\"\"", "x", "#not a comment", "=", "[", "{"
    };

    private void string(boolean topLevel) {
        StringBuilder v = new StringBuilder();
        int parts = r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            v.append(STRING_PARTS[r.nextInt(STRING_PARTS.length)]);
        }
        boolean multiline = r.nextInt(4) == 0;
        if (multiline && parts > 0) {
            int at = r.nextInt(v.length() + 1);
            if (at > 0 && at < v.length() && Character.isLowSurrogate(v.charAt(at))) {
                at--; // never between the halves of a surrogate pair
            }
            v.insert(at, '\n');
        }
        String s = v.toString();
        int style = r.nextInt(4);
        if (style == 1 && literalOk(s, false)) {
            out.append('\'').append(s).append('\'');
        } else if (style == 2 && literalOk(s, true) && !s.contains("'''") && !s.endsWith("'")) {
            out.append("'''");
            if (r.nextBoolean()) {
                newline();
            }
            out.append(s.replace("\n", nl()));
            out.append("'''");
        } else if (style == 3 || s.contains("\n") && r.nextBoolean()) {
            out.append("\"\"\"");
            if (r.nextBoolean()) {
                newline();
            }
            int quotes = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"') {
                    if (quotes == 2 || i == s.length() - 1) {
                        out.append("\\\"");
                        quotes = 0;
                    } else {
                        out.append('"');
                        quotes++;
                    }
                    continue;
                }
                quotes = 0;
                if (c == '\\') {
                    out.append("\\\\");
                } else if (c == '\n') {
                    if (r.nextBoolean()) {
                        out.append("\\n");
                    } else {
                        newline();
                    }
                } else {
                    out.append(c);
                }
                if (r.nextInt(20) == 0 && !Character.isHighSurrogate(c)) {
                    out.append("\\");
                    newline();
                    out.append("   "); // a line-ending backslash trims the newline and this indentation
                }
            }
            out.append("\"\"\"");
        } else {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': out.append("\\\""); break;
                    case '\\': out.append("\\\\"); break;
                    case '\n': out.append("\\n"); break;
                    case '\t': out.append(r.nextBoolean() ? "\\t" : "\t"); break;
                    default:
                        if (c == 'x' && r.nextBoolean()) {
                            out.append("\\u0078");
                        } else if (c == 'a' && r.nextInt(3) == 0) {
                            out.append("\\x61");
                        } else {
                            out.append(c);
                        }
                }
            }
            if (r.nextInt(8) == 0) {
                out.append("\\e");
            }
            out.append('"');
        }
    }

    private static boolean literalOk(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && !multiline || c == '\n' && !multiline || c < 0x20 && c != '\t' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private void integer() {
        long v;
        switch (r.nextInt(4)) {
            case 0:
                v = r.nextInt(100);
                break;
            case 1:
                v = r.nextLong();
                break;
            case 2:
                v = r.nextInt(2) == 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
                break;
            default:
                v = r.nextInt(1_000_000) - 500_000;
        }
        int notation = r.nextInt(6);
        if (v >= 0 && notation == 1) {
            String h = Long.toHexString(v);
            out.append("0x").append(r.nextBoolean() ? h.toUpperCase(java.util.Locale.ROOT) : h);
        } else if (v >= 0 && notation == 2) {
            out.append("0o").append(Long.toOctalString(v));
        } else if (v >= 0 && notation == 3) {
            out.append("0b").append(Long.toBinaryString(v));
        } else if (notation == 4 && Math.abs(v) >= 1000 && v != Long.MIN_VALUE) {
            String digits = Long.toString(Math.abs(v));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < digits.length(); i++) {
                if (i > 0 && (digits.length() - i) % 3 == 0) {
                    b.append('_');
                }
                b.append(digits.charAt(i));
            }
            out.append(v < 0 ? "-" : r.nextBoolean() ? "+" : "").append(b);
        } else {
            out.append(v >= 0 && r.nextInt(5) == 0 ? "+" : "").append(v);
        }
    }

    private void floating() {
        switch (r.nextInt(8)) {
            case 0:
                out.append(pick("inf", "+inf", "-inf", "nan", "+nan", "-nan"));
                break;
            case 1:
                out.append(pick("0.0", "-0.0", "+0.0", "1e10", "1E-5", "6.02e+23", "1_000.000_1", "3.141_592"));
                break;
            case 2:
                out.append(r.nextInt(1000)).append('.').append(r.nextInt(1000)).append('e').append(r.nextInt(40) - 20);
                break;
            default:
                out.append(Double.toString((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(30) - 10)));
        }
    }

    private void dateTime() {
        int year = 1900 + r.nextInt(200);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        String date = String.format("%04d-%02d-%02d", year, month, day);
        String time = String.format("%02d:%02d", r.nextInt(18), r.nextInt(60));
        if (r.nextInt(5) != 0) {
            time += String.format(":%02d", r.nextInt(60));
            if (r.nextBoolean()) {
                time += "." + (1 + r.nextInt(999_999));
            }
        }
        switch (r.nextInt(4)) {
            case 0:
                String offset = r.nextBoolean() ? pick("Z", "z") : String.format("%s%02d:%02d", r.nextBoolean() ? "+" : "-",
                        r.nextInt(18), r.nextInt(60));
                out.append(date).append(pick("T", " ", "t")).append(time).append(offset);
                break;
            case 1:
                out.append(date).append(pick("T", " ")).append(time);
                break;
            case 2:
                out.append(date);
                break;
            default:
                out.append(time);
        }
    }

    // ---------------------------------------------------------------- keys and trivia

    private String fresh(String prefix) {
        String base = prefix + names++;
        switch (r.nextInt(8)) {
            case 0:
                return base + ".dot";
            case 1:
                return base + " space";
            case 2:
                return base + "-ü";
            default:
                return base;
        }
    }

    /** A key segment in a random style that can write the name. */
    private String key(String name) {
        boolean bare = name.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-'));
        int style = r.nextInt(4);
        if (bare && style < 2) {
            return name;
        }
        if (style == 2) {
            return "'" + name + "'";
        }
        return "\"" + name.replace("u", r.nextBoolean() ? "\\u0075" : "u") + "\"";
    }

    private String dot() {
        return pick(".", " . ", ".", "\t.");
    }

    private String equals() {
        return pick(" = ", " = ", "=", "  =  ", "\t=\t", " =");
    }

    private void indent() {
        out.append(pick("", "", "", "  ", "    ", "\t", " \t"));
    }

    private void lineEnd() {
        if (r.nextInt(4) == 0) {
            out.append(pick(" ", "  ", "\t", "")).append("# ").append(commentText());
        } else if (r.nextInt(8) == 0) {
            out.append(pick(" ", "\t", "   ")); // trailing whitespace
        }
        newline();
    }

    private void trivia() {
        int lines = r.nextInt(3);
        for (int i = 0; i < lines; i++) {
            if (r.nextBoolean()) {
                indent();
                out.append('#').append(r.nextBoolean() ? " " : "").append(commentText());
            } else if (r.nextInt(3) == 0) {
                out.append(pick(" ", "\t"));
            }
            newline();
        }
    }

    private String commentText() {
        return pick("", "comment", "SystemdCgroup = true", "üñí 😀", "# nested", "key = \"value\" # x", "[table]", "\t tab");
    }

    private String nl() {
        switch (newlineMode) {
            case 0:
                return "\n";
            case 1:
                return "\r\n";
            default:
                return r.nextBoolean() ? "\n" : "\r\n";
        }
    }

    private void newline() {
        out.append(nl());
    }

    private String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        lines.add(text.substring(start)); // the last line, empty when the text ends with a newline
        return lines;
    }
}
