package dev.criconf.io.systemd;

import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.systemd.internal.UnitValueCodec;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A port of systemd's {@code config_parse()} / {@code parse_line()} (src/shared/conf-parser.c) that
 * keeps positions:
 * <ul>
 *   <li>a line whose first non-blank char is {@code #} or {@code ;} is a comment, also between
 *       continuation lines; comments never follow a value on the same line;</li>
 *   <li>a line ending in an unescaped backslash continues: the backslash becomes a blank and the
 *       next line is appended as written;</li>
 *   <li>the logical line is trimmed; {@code [Name]} starts a section ({@code Name} without quotes,
 *       backslashes or control chars, or the unit fails to load); otherwise {@code key=value}, both
 *       trimmed; lines without {@code =} and lines before any section are ignored with a warning;</li>
 *   <li>a UTF-8 byte order mark at the start is skipped.</li>
 * </ul>
 */
final class UnitParser {

    record Section(String name, int headerStart, int headerEnd, int lineEnd, List<UnitAssignment> assignments) {}

    record Result(List<Section> sections, List<UnitAssignment> assignments, List<Problem> problems) {}

    private final SourceText source;
    private final String t;
    private final List<Section> sections = new ArrayList<>();
    private final List<UnitAssignment> assignments = new ArrayList<>();
    private final List<Problem> problems;
    private List<UnitAssignment> current;
    private String currentName;
    private int currentIndex = -1;

    private UnitParser(SourceText source, List<Problem> problems) {
        this.source = source;
        this.t = source.text();
        this.problems = problems;
    }

    static Result parse(SourceText source, List<Problem> initial) {
        UnitParser p = new UnitParser(source, new ArrayList<>(initial));
        p.run();
        return new Result(List.copyOf(p.sections), List.copyOf(p.assignments), List.copyOf(p.problems));
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void run() {
        int lines = source.lineCount();
        MappedText.Builder cont = null;
        int contFirstLine = 0;
        for (int line = 1; line <= lines; line++) {
            int ls = source.lineStart(line);
            int next = line < lines ? source.lineStart(line + 1) : t.length();
            int le = next;
            if (le > ls && t.charAt(le - 1) == '\n') {
                le--;
            }
            if (le > ls && t.charAt(le - 1) == '\r') {
                le--;
            }
            if (line == 1 && le > ls && t.charAt(ls) == '\uFEFF') {
                ls++;
            }
            int first = ls;
            while (first < le && blank(t.charAt(first))) {
                first++;
            }
            if (first < le && (t.charAt(first) == '#' || t.charAt(first) == ';')) {
                continue;
            }
            if (cont == null && !endsEscaped(t, ls, le)) {
                // a line that neither continues nor is continued (most lines) maps onto the file as it is
                logicalLine(MappedText.verbatim(null, t, ls, le, UnitValueCodec.INSTANCE, UnitValueCodec.PLAIN),
                        line, next);
                continue;
            }
            if (cont == null) {
                cont = MappedText.builder(null, UnitValueCodec.INSTANCE);
                contFirstLine = line;
            }
            for (int i = ls; i < le; i++) {
                cont.append(t.charAt(i), i, i + 1, UnitValueCodec.PLAIN);
            }
            if (endsEscaped(cont)) {
                int last = cont.length() - 1;
                int at = cont.endOf(last) - 1;
                cont.truncate(last);
                cont.append(' ', at, at + 1, UnitValueCodec.BREAK);
                continue;
            }
            logicalLine(cont.build(ls, le, ls, UnitValueCodec.PLAIN), contFirstLine, next);
            cont = null;
        }
        if (cont != null) {
            logicalLine(cont.build(0, t.length(), t.length(), UnitValueCodec.PLAIN), contFirstLine, t.length());
        }
        closeSection(t.length());
    }

    private static boolean endsEscaped(String t, int from, int to) {
        boolean escaped = false;
        for (int i = from; i < to; i++) {
            if (escaped) {
                escaped = false;
            } else if (t.charAt(i) == '\\') {
                escaped = true;
            }
        }
        return escaped;
    }

    private static boolean endsEscaped(MappedText.Builder b) {
        boolean escaped = false;
        for (int i = 0; i < b.length(); i++) {
            if (escaped) {
                escaped = false;
            } else if (b.charAt(i) == '\\') {
                escaped = true;
            }
        }
        return escaped;
    }

    private void logicalLine(MappedText l, int firstLine, int end) {
        String s = l.text();
        int a = 0;
        int b = s.length();
        while (a < b && blank(s.charAt(a))) {
            a++;
        }
        while (b > a && blank(s.charAt(b - 1))) {
            b--;
        }
        if (a == b) {
            return;
        }
        int lineStart = source.lineStart(firstLine);
        if (s.charAt(a) == '[') {
            int[] span = l.fileSpan(a, b);
            if (s.charAt(b - 1) != ']' || b - a < 2) {
                problems.add(Problem.syntax(source.span(span[0], span[1]),
                        "invalid section header '" + s.substring(a, b) + "': systemd refuses to load the file"));
                return;
            }
            String name = s.substring(a + 1, b - 1);
            if (!safe(name)) {
                problems.add(Problem.syntax(source.span(span[0], span[1]),
                        "bad characters in section header '" + s.substring(a, b) + "': systemd refuses to load the file"));
                return;
            }
            closeSection(lineStart);
            currentName = name;
            currentIndex = sections.size();
            current = new ArrayList<>();
            sections.add(new Section(name, span[0], span[1], -1, current));
            return;
        }
        int eq = s.indexOf('=', a);
        if (current == null) {
            int[] span = l.fileSpan(a, b);
            problems.add(Problem.syntax(source.span(span[0], span[1]),
                    "assignment outside of any section: systemd ignores it"));
            return;
        }
        if (eq < 0 || eq >= b) {
            int[] span = l.fileSpan(a, b);
            problems.add(Problem.syntax(source.span(span[0], span[1]), "no '=' in this line: systemd ignores it"));
            return;
        }
        if (eq == a) {
            int[] span = l.fileSpan(a, b);
            problems.add(Problem.syntax(source.span(span[0], span[1]), "no key name before '=': systemd ignores it"));
            return;
        }
        int ke = eq;
        while (ke > a && blank(s.charAt(ke - 1))) {
            ke--;
        }
        int vs = eq + 1;
        while (vs < b && blank(s.charAt(vs))) {
            vs++;
        }
        String key = s.substring(a, ke);
        int[] keySpan = l.fileSpan(a, ke);
        MappedText value;
        if (vs < b) {
            value = l.slice(vs, b, UnitValueCodec.INSTANCE);
        } else {
            int at = l.endOf(eq);
            value = MappedText.verbatim(null, t, at, at, UnitValueCodec.INSTANCE, UnitValueCodec.PLAIN);
        }
        UnitAssignment ua = new UnitAssignment(assignments.size(), currentName, currentIndex, key, value, source,
                keySpan[0], keySpan[1], lineStart, end);
        assignments.add(ua);
        current.add(ua);
    }

    private void closeSection(int at) {
        if (!sections.isEmpty()) {
            Section last = sections.get(sections.size() - 1);
            if (last.lineEnd() < 0) {
                sections.set(sections.size() - 1, new Section(last.name(), last.headerStart(), last.headerEnd(), at,
                        last.assignments()));
            }
        }
    }

    /** src/basic/string-util.c {@code string_is_safe}: no control chars, quotes or backslashes. */
    private static boolean safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f || c == '"' || c == '\'' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
