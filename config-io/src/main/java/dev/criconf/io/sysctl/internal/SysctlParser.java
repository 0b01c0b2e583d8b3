package dev.criconf.io.sysctl.internal;

import dev.criconf.io.internal.PhysicalLines;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.sysctl.SysctlEntry;
import dev.criconf.io.sysctl.SysctlKeys;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Line parser following systemd-sysctl's {@code parse_line()}: blanks around the line, the key
 * and the value are dropped; {@code #} and {@code ;} start comment lines; the first {@code =}
 * separates key and value; a leading {@code -} marks an assignment whose failure is ignored, or
 * (without {@code =}) an exclusion. Anything else is reported, as systemd does, and skipped.
 */
public final class SysctlParser {

    private SysctlParser() {}

    /** What a line is. */
    public enum Kind { BLANK, COMMENT, ENTRY, INVALID }

    /**
     * A parsed line with the offsets edits need.
     *
     * @param line       the physical line
     * @param kind       what it is
     * @param entry      the entry, for ENTRY lines
     * @param keyStart   offset of the key (ENTRY)
     * @param keyEnd     offset just past the key (ENTRY)
     * @param valueStart offset of the value, or -1 for an exclusion
     * @param valueEnd   offset just past the value, or -1 for an exclusion
     */
    public record ParsedLine(PhysicalLines.Line line, Kind kind, Optional<SysctlEntry> entry,
            int keyStart, int keyEnd, int valueStart, int valueEnd) {}

    /** The lines of a file and the problems found in them. */
    public record Result(List<ParsedLine> lines, List<Problem> problems) {}

    public static Result parse(SourceText source) {
        String text = source.text();
        List<ParsedLine> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<PhysicalLines.Line> lines = PhysicalLines.split(text);
        for (int n = 0; n < lines.size(); n++) {
            PhysicalLines.Line line = lines.get(n);
            int from = line.start();
            if (n == 0 && from < line.contentEnd() && text.charAt(from) == '\uFEFF') {
                // systemd reads a BOM as part of the first line, which breaks that line: say so,
                // and parse the rest of the line as the author meant it
                problems.add(Problem.syntax(source.span(from, from + 1),
                        "the file starts with a byte order mark; systemd-sysctl reads it as part of the first line"));
                from++;
            }
            int s = PhysicalLines.skipBlanks(text, from, line.contentEnd());
            int e = PhysicalLines.trimBlanksEnd(text, s, line.contentEnd());
            if (s == e) {
                out.add(new ParsedLine(line, Kind.BLANK, Optional.empty(), -1, -1, -1, -1));
                continue;
            }
            char c = text.charAt(s);
            if (c == '#' || c == ';') {
                out.add(new ParsedLine(line, Kind.COMMENT, Optional.empty(), -1, -1, -1, -1));
                continue;
            }
            boolean dash = c == '-';
            int eq = text.indexOf('=', s);
            if (eq >= e) {
                eq = -1;
            }
            if (eq < 0 && !dash) {
                problems.add(Problem.syntax(source.span(s, e),
                        "line is not an assignment (key = value) and not a comment; systemd-sysctl ignores it"));
                out.add(new ParsedLine(line, Kind.INVALID, Optional.empty(), -1, -1, -1, -1));
                continue;
            }
            int keyFrom = dash ? s + 1 : s;
            int keyTo = eq < 0 ? e : eq;
            int ks = PhysicalLines.skipBlanks(text, keyFrom, keyTo);
            int ke = PhysicalLines.trimBlanksEnd(text, ks, keyTo);
            String rawKey = text.substring(ks, ke);
            String key = SysctlKeys.normalize(rawKey);
            if (key.isEmpty()) {
                problems.add(Problem.syntax(ks == ke ? source.span(s, e) : source.span(ks, ke),
                        eq < 0 ? "'-' without a key" : "no variable name before '='"));
                out.add(new ParsedLine(line, Kind.INVALID, Optional.empty(), -1, -1, -1, -1));
                continue;
            }
            int vs = -1;
            int ve = -1;
            Optional<String> value = Optional.empty();
            if (eq >= 0) {
                vs = PhysicalLines.skipBlanks(text, eq + 1, e);
                ve = e;
                value = Optional.of(text.substring(vs, ve));
            }
            SysctlEntry entry = new SysctlEntry(key, rawKey, value, eq >= 0 && dash, source.span(s, e),
                    source.span(ks, ke), eq >= 0 ? Optional.of(source.span(vs, ve)) : Optional.empty());
            out.add(new ParsedLine(line, Kind.ENTRY, Optional.of(entry), ks, ke, vs, ve));
        }
        return new Result(List.copyOf(out), List.copyOf(problems));
    }
}
