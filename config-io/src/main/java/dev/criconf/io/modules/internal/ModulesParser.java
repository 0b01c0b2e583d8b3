package dev.criconf.io.modules.internal;

import dev.criconf.io.internal.PhysicalLines;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.modules.ModuleEntry;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Line parser following systemd-modules-load: each line, blanks removed, is one module name or
 * alias; empty lines and lines starting with {@code #} or {@code ;} are skipped.
 */
public final class ModulesParser {

    private ModulesParser() {}

    /** A parsed line; {@code module} is present for a module line. */
    public record ParsedLine(PhysicalLines.Line line, Optional<ModuleEntry> module) {}

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
                problems.add(Problem.syntax(source.span(from, from + 1),
                        "the file starts with a byte order mark; systemd-modules-load reads it as part of the first line"));
                from++;
            }
            int s = PhysicalLines.skipBlanks(text, from, line.contentEnd());
            int e = PhysicalLines.trimBlanksEnd(text, s, line.contentEnd());
            if (s == e || text.charAt(s) == '#' || text.charAt(s) == ';') {
                out.add(new ParsedLine(line, Optional.empty()));
                continue;
            }
            String name = text.substring(s, e);
            for (int i = 0; i < name.length(); i++) {
                if (PhysicalLines.isBlank(name.charAt(i))) {
                    problems.add(Problem.syntax(source.span(s + i, e),
                            "a module line holds one name; systemd-modules-load looks up \"" + name
                                    + "\" as a whole, so it fails (module options belong in /etc/modprobe.d/*.conf)"));
                    break;
                }
            }
            out.add(new ParsedLine(line, Optional.of(new ModuleEntry(name, source.span(s, e)))));
        }
        return new Result(List.copyOf(out), List.copyOf(problems));
    }
}
