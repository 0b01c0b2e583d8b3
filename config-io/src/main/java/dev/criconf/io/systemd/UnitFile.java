package dev.criconf.io.systemd;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.internal.FileSplice;
import dev.criconf.io.args.internal.Splicer;
import dev.criconf.io.args.internal.SystemdWords;
import dev.criconf.io.args.internal.WordEdits;
import dev.criconf.io.internal.FileProbe;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.systemd.internal.UnitValueCodec;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A systemd unit file or drop-in ({@code kubelet.service}, {@code 10-kubeadm.conf},
 * {@code cri-docker.socket}) read as systemd's unit parser reads it (src/shared/conf-parser.c):
 * sections in order (a name may repeat), assignments in order (keys may repeat), comments only at
 * the start of a line, backslash continuation. Immutable and lossless; edits return a new document
 * and change only the bytes they must.
 *
 * <p>Besides the grammar, the problems include what makes systemd reject an {@code Exec*=} or
 * {@code Environment=} line (unbalanced quotes, an empty executable).
 */
public final class UnitFile implements SyntaxDocument {

    /** The settings holding command lines. */
    public static final Set<String> EXEC_KEYS = Set.of("ExecStart", "ExecStartPre", "ExecStartPost", "ExecReload",
            "ExecStop", "ExecStopPost", "ExecCondition");

    private final SourceText source;
    private final List<UnitParser.Section> parsedSections;
    private final List<UnitSection> sections;
    private final List<UnitAssignment> assignments;
    private final List<Problem> problems;

    private UnitFile(SourceText source, UnitParser.Result r) {
        this.source = source;
        this.parsedSections = r.sections();
        List<UnitSection> secs = new ArrayList<>();
        for (UnitParser.Section s : r.sections()) {
            secs.add(new UnitSection(s.name(), source.span(s.headerStart(), s.headerEnd()), s.assignments()));
        }
        this.sections = List.copyOf(secs);
        this.assignments = r.assignments();
        List<Problem> all = new ArrayList<>(r.problems());
        Specifiers specifiers = unitName().map(Specifiers::systemUnit).orElse(Specifiers.unknownUnit());
        for (UnitAssignment a : assignments) {
            if (EXEC_KEYS.contains(a.key())) {
                all.addAll(ExecCommand.parse(a, specifiers).problems());
            } else if (a.key().equals("Environment")) {
                all.addAll(EnvironmentEntry.parse(a, specifiers).problems());
            }
        }
        all.sort((x, y) -> Integer.compare(x.origin().offset(), y.origin().offset()));
        this.problems = List.copyOf(all);
    }

    /** Parses text; {@code sourceName} is used in origins and to know the unit's name. */
    public static UnitFile parse(String sourceName, String text) {
        return parse(SourceText.of(sourceName, text), List.of());
    }

    /** Parses bytes as strict UTF-8 with default limits. */
    public static UnitFile parse(String sourceName, byte[] bytes) {
        return parse(sourceName, bytes, ParseLimits.DEFAULTS);
    }

    /** Parses bytes as strict UTF-8; a file over the size limit gives an empty document with a problem. */
    public static UnitFile parse(String sourceName, byte[] bytes, ParseLimits limits) {
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(sourceName, bytes.length, limits);
        }
        SourceText.Decoded d = SourceText.decodeUtf8(sourceName, bytes);
        return parse(d.source(), d.problem().map(List::of).orElse(List.of()));
    }

    /** Reads a file; an unreadable one gives an empty document with an {@code UNREADABLE} problem. */
    public static UnitFile read(Path path, String sourceName, ParseLimits limits) {
        try {
            long size = FileProbe.current().size(path);
            if (size > limits.maxFileBytes()) {
                return tooLarge(sourceName, size, limits);
            }
            return parse(sourceName, FileProbe.current().readAllBytes(path), limits);
        } catch (IOException | SecurityException e) {
            return parse(SourceText.of(sourceName, ""), List.of(new Problem(Problem.Kind.UNREADABLE,
                    Origin.ofFile(sourceName), "cannot read " + path + ": " + e.getMessage())));
        }
    }

    private static UnitFile tooLarge(String sourceName, long size, ParseLimits limits) {
        return parse(SourceText.of(sourceName, ""), List.of(new Problem(Problem.Kind.LIMIT_EXCEEDED,
                Origin.ofFile(sourceName), "file has " + size + " bytes, more than the limit of " + limits.maxFileBytes())));
    }

    private static UnitFile parse(SourceText source, List<Problem> initial) {
        return new UnitFile(source, UnitParser.parse(source, initial));
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

    /**
     * The unit this file belongs to, from its name: {@code kubelet.service} for
     * {@code .../kubelet.service} and for a drop-in {@code .../kubelet.service.d/10-kubeadm.conf}.
     */
    public Optional<String> unitName() {
        String n = sourceName().replace('\\', '/');
        String[] parts = n.split("/");
        String last = parts[parts.length - 1];
        if (last.endsWith(".conf") && parts.length > 1 && parts[parts.length - 2].endsWith(".d")) {
            String dir = parts[parts.length - 2];
            return Optional.of(dir.substring(0, dir.length() - 2));
        }
        return last.contains(".") && !last.endsWith(".conf") ? Optional.of(last) : Optional.empty();
    }

    /** Every section in file order (a name may repeat). */
    public List<UnitSection> sections() {
        return sections;
    }

    /** Every assignment in file order. */
    public List<UnitAssignment> assignments() {
        return assignments;
    }

    /** The assignments of {@code key} in every section named {@code section}, in file order (resets not applied). */
    public List<UnitAssignment> assignments(String section, String key) {
        return assignments.stream().filter(a -> a.section().equals(section) && a.key().equals(key)).toList();
    }

    /** The values of {@code key} in this file alone, after empty assignments reset the list. */
    public List<String> values(String section, String key) {
        List<String> out = new ArrayList<>();
        for (UnitAssignment a : assignments(section, key)) {
            if (a.isEmpty()) {
                out.clear();
            } else {
                out.add(a.value());
            }
        }
        return List.copyOf(out);
    }

    /** The last value of {@code key}: what a single-valued setting is, in this file alone. */
    public Optional<String> value(String section, String key) {
        List<String> v = values(section, key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    // ---------------------------------------------------------------- edits

    /**
     * Sets {@code key} in {@code section}: the last such assignment gets the new value (earlier ones
     * of a list setting stay); when there is none the assignment is added.
     */
    public UnitFile set(String section, String key, String value) {
        requireKey(section, key);
        List<UnitAssignment> current = assignments(section, key);
        if (current.isEmpty()) {
            return add(section, key, value);
        }
        UnitAssignment a = current.get(current.size() - 1);
        String raw = rawValue(value);
        String next = FileSplice.apply(text(), List.of(new FileSplice(a.mappedValue().rawStart(), a.mappedValue().rawEnd(),
                raw)));
        List<String[]> expected = triples();
        expected.set(a.index(), new String[] {section, key, value});
        return verified(next, expected, sectionNames(), "set " + key);
    }

    /**
     * Adds {@code key=value} after the last assignment of the last section named {@code section}
     * (after its header when it has none); a missing section is added at the end of the file.
     */
    public UnitFile add(String section, String key, String value) {
        requireKey(section, key);
        String raw = rawValue(value);
        String eol = source.dominantLineEnding();
        String line = key + "=" + raw;
        UnitParser.Section target = null;
        for (UnitParser.Section s : parsedSections) {
            if (s.name().equals(section)) {
                target = s;
            }
        }
        List<String[]> expected = triples();
        List<String> names = sectionNames();
        String next;
        if (target == null) {
            String text = text();
            StringBuilder sb = new StringBuilder(text);
            if (!text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r")) {
                sb.append(eol);
            }
            if (!text.isEmpty()) {
                sb.append(eol);
            }
            sb.append('[').append(section).append(']').append(eol).append(line).append(eol);
            next = sb.toString();
            expected.add(new String[] {section, key, value});
            names = new ArrayList<>(names);
            names.add(section);
        } else {
            int at;
            int insertIndex;
            if (target.assignments().isEmpty()) {
                at = lineEndAfter(target.headerEnd());
                insertIndex = firstIndexAfter(target.headerEnd());
            } else {
                UnitAssignment last = target.assignments().get(target.assignments().size() - 1);
                at = last.lastLineEnd();
                insertIndex = last.index() + 1;
            }
            String prefix = at > 0 && at == text().length() && !text().endsWith("\n") && !text().endsWith("\r") ? eol : "";
            next = FileSplice.apply(text(), List.of(new FileSplice(at, at, prefix + line + eol)));
            expected.add(insertIndex, new String[] {section, key, value});
        }
        return verified(next, expected, names, "add " + key);
    }

    /** Removes every assignment of {@code key} in sections named {@code section} (their whole lines). */
    public UnitFile remove(String section, String key) {
        requireKey(section, key);
        List<FileSplice> splices = new ArrayList<>();
        List<String[]> expected = new ArrayList<>();
        for (UnitAssignment a : assignments) {
            if (a.section().equals(section) && a.key().equals(key)) {
                splices.add(new FileSplice(a.firstLineStart(), a.lastLineEnd(), ""));
            } else {
                expected.add(new String[] {a.section(), a.key(), a.value()});
            }
        }
        if (splices.isEmpty()) {
            return this;
        }
        return verified(FileSplice.apply(text(), splices), expected, sectionNames(), "remove " + key);
    }

    /** Adds an empty {@code [name]} section at the end of the file. */
    public UnitFile addSection(String name) {
        Objects.requireNonNull(name);
        if (name.isEmpty() || name.chars().anyMatch(c -> c < ' ' || c == 0x7f || c == '"' || c == '\'' || c == '\\'
                || c == '[' || c == ']')) {
            throw new EditException("not a section name systemd accepts: " + name);
        }
        String eol = source.dominantLineEnding();
        String text = text();
        StringBuilder sb = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r")) {
            sb.append(eol);
        }
        if (!text.isEmpty()) {
            sb.append(eol);
        }
        sb.append('[').append(name).append(']').append(eol);
        List<String> names = new ArrayList<>(sectionNames());
        names.add(name);
        return verified(sb.toString(), triples(), names, "add section " + name);
    }

    /**
     * Edits the literal flags of the command in effect for {@code key} in this file (the last
     * non-empty assignment), keeping every other byte, continuation lines included. Values are
     * written so that specifiers and variables in them are not expanded ({@code %%}, {@code $$}).
     * Flags that come from variables ({@code $KUBELET_EXTRA_ARGS}) are edited where the variable is set.
     */
    public UnitFile editExecFlags(String section, String key, FlagEdit edit, FlagSpec spec) {
        requireKey(section, key);
        UnitAssignment target = null;
        for (UnitAssignment a : assignments(section, key)) {
            target = a.isEmpty() ? null : a;
        }
        if (target == null) {
            throw new EditException("no " + key + "= command in [" + section + "] of " + sourceName());
        }
        ExecCommand.Parsed parsed = ExecCommand.parse(target, Specifiers.unknownUnit());
        if (!parsed.problems().isEmpty() || parsed.commands().size() != 1) {
            throw new EditException(key + "= in " + sourceName() + " must hold exactly one valid command to edit its flags");
        }
        ExecCommand cmd = parsed.commands().get(0);
        List<int[]> spans = cmd.wordSpans();
        List<String> words = new ArrayList<>();
        words.add(cmd.program().written());
        for (int i = 1; i < spans.size(); i++) {
            words.add(cmd.argv().get(cmd.has(ExecCommand.Prefix.SEPARATE_ARGV0) ? i - 1 : i).written());
        }
        int firstFlag = cmd.has(ExecCommand.Prefix.SEPARATE_ARGV0) ? 2 : 1;
        boolean expands = !cmd.has(ExecCommand.Prefix.NO_ENV_EXPANSION);
        FlagEdit escaped = escapeForExec(edit, expands);
        WordEdits.Plan plan = WordEdits.plan(words, Math.min(firstFlag, words.size()), spec, escaped);
        if (plan.isNoop()) {
            return this;
        }
        List<Splicer.Replacement> regions = WordEdits.regions(target.mappedValue(), spans, plan.ops(),
                w -> SystemdWords.quoteWord(w, true), UnitValueCodec.BREAK);
        EditException failure = null;
        for (List<FileSplice> candidate : Splicer.candidates(target.mappedValue(), regions)) {
            try {
                return checkedExecEdit(FileSplice.apply(text(), candidate), target.index(), key, plan.expected());
            } catch (EditException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private UnitFile checkedExecEdit(String next, int index, String key, List<String> expected) {
        UnitFile result = parse(SourceText.of(sourceName(), next), List.of());
        checkOthersUnchanged(result, index, key);
        ExecCommand.Parsed again = ExecCommand.parse(result.assignments.get(index), Specifiers.unknownUnit());
        List<String> got = new ArrayList<>();
        if (again.commands().size() == 1 && again.problems().isEmpty()) {
            ExecCommand c = again.commands().get(0);
            got.add(c.program().written());
            for (int i = 1; i < c.wordSpans().size(); i++) {
                got.add(c.argv().get(c.has(ExecCommand.Prefix.SEPARATE_ARGV0) ? i - 1 : i).written());
            }
        }
        if (!got.equals(expected)) {
            throw new EditException("editing " + key + "= would give " + got + " instead of " + expected);
        }
        return result;
    }

    /**
     * Edits the flags in an {@code Environment=} variable of {@code section} (the last word that
     * sets it), such as {@code KUBELET_CONFIG_ARGS} in {@code Environment="KUBELET_CONFIG_ARGS=--config=..."},
     * keeping the quoting of the word and of the line.
     */
    public UnitFile editEnvironmentFlags(String section, String variable, FlagEdit edit, FlagSpec spec) {
        Objects.requireNonNull(variable);
        Specifiers specifiers = unitName().map(Specifiers::systemUnit).orElse(Specifiers.unknownUnit());
        EnvironmentEntry target = null;
        for (UnitAssignment a : assignments(section, "Environment")) {
            for (EnvironmentEntry e : EnvironmentEntry.parse(a, specifiers).entries()) {
                if (e.name().equals(variable)) {
                    target = e;
                }
            }
        }
        if (target == null) {
            throw new EditException("no Environment= sets " + variable + " in [" + section + "] of " + sourceName());
        }
        List<SystemdWords.Word> words = target.splitWords();
        List<String> values = words.stream().map(SystemdWords.Word::value).toList();
        WordEdits.Plan plan = WordEdits.plan(values, 0, spec, edit);
        if (plan.isNoop()) {
            return this;
        }
        List<int[]> spans = words.stream().map(w -> new int[] {w.rawStart(), w.rawEnd()}).toList();
        List<Splicer.Replacement> regions = WordEdits.regions(target.mappedValue(), spans, plan.ops(),
                w -> SystemdWords.quoteWord(w, false), (byte) -100);
        EditException failure = null;
        for (List<FileSplice> candidate : Splicer.candidates(target.mappedValue(), regions)) {
            try {
                return checkedEnvironmentEdit(FileSplice.apply(text(), candidate), target, specifiers, variable,
                        plan.expected());
            } catch (EditException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private UnitFile checkedEnvironmentEdit(String next, EnvironmentEntry target, Specifiers specifiers, String variable,
            List<String> expected) {
        UnitFile result = parse(SourceText.of(sourceName(), next), List.of());
        int index = target.assignment().index();
        checkOthersUnchanged(result, index, "Environment");
        List<EnvironmentEntry> before = EnvironmentEntry.parse(target.assignment(), specifiers).entries();
        EnvironmentEntry.Parsed parsedAfter = EnvironmentEntry.parse(result.assignments.get(index), specifiers);
        List<EnvironmentEntry> after = parsedAfter.entries();
        if (before.size() != after.size() || !parsedAfter.problems().isEmpty()) {
            throw new EditException("editing " + variable + " changed the other Environment= words");
        }
        for (int i = 0; i < before.size(); i++) {
            EnvironmentEntry b = before.get(i);
            EnvironmentEntry n = after.get(i);
            if (!b.name().equals(n.name())) {
                throw new EditException("editing " + variable + " changed the other Environment= words");
            }
            if (b.wordIndex() == target.wordIndex()) {
                List<String> got = n.splitWords().stream().map(SystemdWords.Word::value).toList();
                if (!got.equals(expected)) {
                    throw new EditException("editing " + variable + " would give " + got + " instead of " + expected);
                }
            } else if (!b.value().equals(n.value())) {
                throw new EditException("editing " + variable + " changed " + b.name());
            }
        }
        return result;
    }

    private static FlagEdit escapeForExec(FlagEdit edit, boolean expands) {
        if (edit.name().contains("%") || edit.name().contains("$")) {
            throw new EditException("flag names with '%' or '$' cannot be written: " + edit.name());
        }
        java.util.function.UnaryOperator<String> esc = v -> {
            String s = v.replace("%", "%%");
            return expands ? s.replace("$", "$$") : s;
        };
        if (edit instanceof FlagEdit.SetFlag s) {
            return new FlagEdit.SetFlag(s.name(), esc.apply(s.value()));
        }
        if (edit instanceof FlagEdit.AddFlag s) {
            return new FlagEdit.AddFlag(s.name(), esc.apply(s.value()));
        }
        return edit;
    }

    private void checkOthersUnchanged(UnitFile result, int index, String key) {
        List<String[]> before = triples();
        List<String[]> after = result.triples();
        if (before.size() != after.size() || !sectionNames().equals(result.sectionNames())) {
            throw new EditException("editing " + key + "= changed the file's structure");
        }
        for (int i = 0; i < before.size(); i++) {
            if (i == index) {
                if (!before.get(i)[0].equals(after.get(i)[0]) || !before.get(i)[1].equals(after.get(i)[1])) {
                    throw new EditException("editing " + key + "= changed the file's structure");
                }
            } else if (!java.util.Arrays.equals(before.get(i), after.get(i))) {
                throw new EditException("editing " + key + "= changed " + before.get(i)[1] + "=");
            }
        }
    }

    private int lineEndAfter(int offset) {
        int line = source.lineOf(offset);
        return line < source.lineCount() ? source.lineStart(line + 1) : text().length();
    }

    private int firstIndexAfter(int offset) {
        for (UnitAssignment a : assignments) {
            if (a.keyOrigin().offset() > offset) {
                return a.index();
            }
        }
        return assignments.size();
    }

    private static void requireKey(String section, String key) {
        Objects.requireNonNull(section);
        Objects.requireNonNull(key);
        if (key.isEmpty() || key.contains("=") || key.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '#' || c == ';'
                || c == '[' || c == ' ' || c == '\t')) {
            throw new EditException("not a key systemd reads: " + key);
        }
    }

    private static String rawValue(String value) {
        Objects.requireNonNull(value);
        return UnitValueCodec.INSTANCE.encodeWhole(value)
                .orElseThrow(() -> new EditException("a unit value cannot start or end with a blank, end with a "
                        + "backslash or hold a line break: " + value));
    }

    private List<String[]> triples() {
        List<String[]> out = new ArrayList<>();
        for (UnitAssignment a : assignments) {
            out.add(new String[] {a.section(), a.key(), a.value()});
        }
        return out;
    }

    private List<String> sectionNames() {
        return sections.stream().map(UnitSection::name).toList();
    }

    private UnitFile verified(String next, List<String[]> expected, List<String> sectionNames, String what) {
        UnitFile result = parse(SourceText.of(sourceName(), next), List.of());
        List<String[]> got = result.triples();
        boolean same = got.size() == expected.size() && result.sectionNames().equals(sectionNames)
                && result.problems.size() <= problems.size();
        for (int i = 0; same && i < got.size(); i++) {
            same = java.util.Arrays.equals(got.get(i), expected.get(i));
        }
        if (!same) {
            throw new EditException(what + ": the result does not read back as intended");
        }
        return result;
    }
}
