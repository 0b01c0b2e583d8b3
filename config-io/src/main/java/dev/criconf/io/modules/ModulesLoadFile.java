package dev.criconf.io.modules;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.internal.BoundedDecode;
import dev.criconf.io.internal.PhysicalLines;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.modules.internal.ModulesParser;
import dev.criconf.io.modules.internal.ModulesParser.ParsedLine;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One modules-load.d file ({@code /etc/modules-load.d/*.conf}, or Debian's {@code /etc/modules},
 * which has the same format), kept byte for byte: one kernel module name or alias per line;
 * blank lines and lines whose first non-blank character is {@code #} or {@code ;} are ignored.
 *
 * <p>Instances are immutable; edits return a new document, verified by parsing it again.
 */
public final class ModulesLoadFile implements SyntaxDocument {

    private final SourceText source;
    private final List<ParsedLine> lines;
    private final List<ModuleEntry> modules;
    private final List<Problem> problems;
    private final ParseLimits limits;

    private ModulesLoadFile(SourceText source, List<ParsedLine> lines, List<Problem> problems, ParseLimits limits) {
        this.source = source;
        this.lines = lines;
        this.problems = List.copyOf(problems);
        this.limits = limits;
        List<ModuleEntry> ms = new ArrayList<>();
        for (ParsedLine l : lines) {
            l.module().ifPresent(ms::add);
        }
        this.modules = List.copyOf(ms);
    }

    /** Parses text with the default limits; {@code sourceName} is used in origins. */
    public static ModulesLoadFile parse(String sourceName, String text) {
        return parse(sourceName, text, ParseLimits.DEFAULTS);
    }

    /** Parses text; bad input gives {@link #problems()}, never an exception. */
    public static ModulesLoadFile parse(String sourceName, String text, ParseLimits limits) {
        return build(BoundedDecode.of(sourceName, text, limits), limits);
    }

    /** Parses a file's bytes (strict UTF-8) with the default limits. */
    public static ModulesLoadFile parse(String sourceName, byte[] bytes) {
        return parse(sourceName, bytes, ParseLimits.DEFAULTS);
    }

    /** Parses a file's bytes (strict UTF-8); an oversized input is reported, not read. */
    public static ModulesLoadFile parse(String sourceName, byte[] bytes, ParseLimits limits) {
        return build(BoundedDecode.decode(sourceName, bytes, limits), limits);
    }

    private static ModulesLoadFile build(BoundedDecode.Input in, ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        List<Problem> problems = new ArrayList<>(in.problems());
        List<ParsedLine> lines = List.of();
        if (in.parse()) {
            ModulesParser.Result r = ModulesParser.parse(in.source());
            lines = r.lines();
            problems.addAll(r.problems());
        }
        problems.sort((a, b) -> Integer.compare(a.origin().offset(), b.origin().offset()));
        return new ModulesLoadFile(in.source(), lines, problems, limits);
    }

    @Override
    public String sourceName() {
        return source.name();
    }

    @Override
    public String text() {
        return source.text();
    }

    @Override
    public List<Problem> problems() {
        return problems;
    }

    /** The modules listed, in file order (a module listed twice appears twice). */
    public List<ModuleEntry> modules() {
        return modules;
    }

    /** The first line listing a module ({@code -} and {@code _} compare equal). */
    public Optional<ModuleEntry> find(String module) {
        String n = ModuleNames.normalize(module);
        return modules.stream().filter(m -> m.normalizedName().equals(n)).findFirst();
    }

    /** Whether a module is listed ({@code -} and {@code _} compare equal). */
    public boolean contains(String module) {
        return find(module).isPresent();
    }

    /**
     * Appends a line naming a module, with the file's line ending; a file without a final newline
     * keeps having none.
     *
     * @return the edited document, or {@code this} when the module is already listed
     * @throws EditException when the name cannot be written or the document has errors
     */
    public ModulesLoadFile add(String module) {
        Objects.requireNonNull(module, "module");
        requireEditable();
        checkName(module);
        if (contains(module)) {
            return this;
        }
        String text = source.text();
        String nl = source.dominantLineEnding();
        String edited;
        if (text.isEmpty()) {
            edited = module + nl;
        } else if (endsWithLineBreak(text)) {
            edited = text + module + nl;
        } else {
            edited = text + nl + module;
        }
        List<String> expected = names(modules);
        expected.add(module);
        return verified(edited, expected, "add " + module);
    }

    /**
     * Removes every line naming a module ({@code -} and {@code _} compare equal). A file without a
     * final newline keeps having none.
     *
     * @return the edited document, or {@code this} when the module is not listed
     * @throws EditException when the document has errors
     */
    public ModulesLoadFile remove(String module) {
        Objects.requireNonNull(module, "module");
        requireEditable();
        String n = ModuleNames.normalize(module);
        String text = source.text();
        StringBuilder sb = new StringBuilder(text.length());
        boolean removed = false;
        for (ParsedLine l : lines) {
            if (l.module().isPresent() && l.module().get().normalizedName().equals(n)) {
                removed = true;
                continue;
            }
            sb.append(text, l.line().start(), l.line().end());
        }
        if (!removed) {
            return this;
        }
        String edited = sb.toString();
        if (!endsWithLineBreak(text) && !edited.isEmpty() && endsWithLineBreak(edited)) {
            edited = edited.substring(0, edited.length() - (edited.endsWith("\r\n") ? 2 : 1));
        }
        List<String> expected = names(modules);
        expected.removeIf(m -> ModuleNames.normalize(m).equals(n));
        return verified(edited, expected, "remove " + module);
    }

    private ModulesLoadFile verified(String edited, List<String> expected, String what) {
        ModulesLoadFile result = parse(source.name(), edited, limits);
        if (result.hasErrors()) {
            throw new EditException("edit (" + what + ") would make the file invalid: " + result.problems().get(0));
        }
        if (!names(result.modules()).equals(expected)) {
            throw new EditException("edit (" + what + ") changed more than intended: expected " + expected
                    + ", got " + names(result.modules()));
        }
        return result;
    }

    private void requireEditable() {
        if (hasErrors()) {
            throw new EditException(sourceName() + " has problems and is not edited: " + problems.get(0));
        }
    }

    private static void checkName(String module) {
        boolean ok = !module.isEmpty() && module.charAt(0) != '#' && module.charAt(0) != ';';
        for (int i = 0; ok && i < module.length(); i++) {
            char c = module.charAt(i);
            ok = !PhysicalLines.isBlank(c) && c != '\n' && c != '\r' && c != '\uFEFF';
        }
        if (!ok) {
            throw new EditException("not a module name that can be written to a modules-load.d file: \"" + module + "\"");
        }
    }

    private static boolean endsWithLineBreak(String s) {
        return !s.isEmpty() && (s.charAt(s.length() - 1) == '\n' || s.charAt(s.length() - 1) == '\r');
    }

    private static List<String> names(List<ModuleEntry> modules) {
        List<String> out = new ArrayList<>();
        for (ModuleEntry m : modules) {
            out.add(m.name());
        }
        return out;
    }

    @Override
    public String toString() {
        return "ModulesLoadFile[" + sourceName() + ", " + modules.size() + " modules, " + problems.size() + " problems]";
    }
}
