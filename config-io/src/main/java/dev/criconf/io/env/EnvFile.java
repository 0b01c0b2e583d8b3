package dev.criconf.io.env;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.args.internal.FileSplice;
import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.args.internal.Splicer;
import dev.criconf.io.args.internal.SystemdWords;
import dev.criconf.io.args.internal.WordEdits;
import dev.criconf.io.env.internal.EnvValueCodec;
import dev.criconf.io.internal.FileProbe;
import dev.criconf.io.internal.SourceText;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment file as systemd's {@code EnvironmentFile=} reads it ({@code /var/lib/kubelet/kubeadm-flags.env},
 * {@code /etc/default/kubelet}, {@code /etc/sysconfig/crio}): {@code NAME=value} lines, comments,
 * quotes and backslash escapes with systemd's rules, which are not a shell's (see
 * src/basic/env-file.c). Immutable and lossless: {@link #text()} is the input, and every edit
 * returns a new document that changes only the bytes it must.
 */
public final class EnvFile implements SyntaxDocument {

    private final SourceText source;
    private final List<EnvAssignment> assignments;
    private final List<Problem> problems;

    private EnvFile(SourceText source, List<EnvAssignment> assignments, List<Problem> problems) {
        this.source = source;
        this.assignments = assignments;
        this.problems = problems;
    }

    /** Parses text; {@code sourceName} is used in origins. */
    public static EnvFile parse(String sourceName, String text) {
        return parse(SourceText.of(sourceName, text), List.of());
    }

    /** Parses bytes as strict UTF-8 with default limits. */
    public static EnvFile parse(String sourceName, byte[] bytes) {
        return parse(sourceName, bytes, ParseLimits.DEFAULTS);
    }

    /** Parses bytes as strict UTF-8; a file larger than the limit gives an empty document with a problem. */
    public static EnvFile parse(String sourceName, byte[] bytes, ParseLimits limits) {
        Objects.requireNonNull(limits);
        if (bytes.length > limits.maxFileBytes()) {
            return tooLarge(sourceName, bytes.length, limits);
        }
        SourceText.Decoded d = SourceText.decodeUtf8(sourceName, bytes);
        return parse(d.source(), d.problem().map(List::of).orElse(List.of()));
    }

    /** Reads a file; an unreadable file gives an empty document with an {@code UNREADABLE} problem. */
    public static EnvFile read(Path path, String sourceName, ParseLimits limits) {
        try {
            long size = FileProbe.current().size(path);
            if (size > limits.maxFileBytes()) {
                return tooLarge(sourceName, size, limits);
            }
            return parse(sourceName, FileProbe.current().readAllBytes(path), limits);
        } catch (IOException | SecurityException e) {
            return new EnvFile(SourceText.of(sourceName, ""), List.of(), List.of(new Problem(Problem.Kind.UNREADABLE,
                    Origin.ofFile(sourceName), "cannot read " + path + ": " + e.getMessage())));
        }
    }

    private static EnvFile tooLarge(String sourceName, long size, ParseLimits limits) {
        return new EnvFile(SourceText.of(sourceName, ""), List.of(), List.of(new Problem(Problem.Kind.LIMIT_EXCEEDED,
                Origin.ofFile(sourceName), "file has " + size + " bytes, more than the limit of " + limits.maxFileBytes())));
    }

    private static EnvFile parse(SourceText source, List<Problem> initial) {
        EnvParser.Result r = EnvParser.parse(source, initial);
        return new EnvFile(source, r.assignments(), r.problems());
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

    /** Every assignment in file order, including repeated names and names systemd rejects. */
    public List<EnvAssignment> assignments() {
        return assignments;
    }

    /** The assignment whose value a unit gets for {@code name}: the last one with that (valid) name. */
    public Optional<EnvAssignment> get(String name) {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            EnvAssignment a = assignments.get(i);
            if (a.validName() && a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The variables a unit gets from this file: valid names only, each with its last value, in the
     * order the names first appear (systemd's {@code strv_env_replace_consume}).
     */
    public Map<String, String> variables() {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnvAssignment a : assignments) {
            if (a.validName()) {
                out.put(a.name(), a.value());
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The flags in a variable's value, split as {@code $NAME} splits it; empty arguments when absent. */
    public ParsedArgs flags(String name, FlagSpec spec) {
        return ParsedArgs.parse(get(name).map(EnvAssignment::words).orElse(List.of()), spec);
    }

    // ---------------------------------------------------------------- edits

    /**
     * Sets a variable. The assignment in effect gets the new value written in its own quoting
     * (double quotes stay double quotes); a missing variable is appended as {@code NAME="value"}
     * (or unquoted when it needs no quotes).
     */
    public EnvFile set(String name, String value) {
        requireEditable(name);
        Objects.requireNonNull(value);
        Optional<EnvAssignment> current = get(name);
        String next;
        if (current.isPresent()) {
            EnvAssignment a = current.get();
            String raw = rawValue(a.quoting(), value)
                    .orElseThrow(() -> new EditException("cannot write " + name + "=" + value));
            MappedText v = a.mappedValue();
            next = FileSplice.apply(text(), List.of(new FileSplice(v.rawStart(), v.rawEnd(), raw)));
        } else {
            next = append(name + "=" + rawValue(EnvAssignment.Quoting.NONE, value).orElseThrow(
                    () -> new EditException("cannot write " + name + "=" + value)));
        }
        List<String[]> expected = pairs();
        if (current.isPresent()) {
            expected.set(current.get().index(), new String[] {name, value});
        } else {
            expected.add(new String[] {name, value});
        }
        return verified(next, expected, "set " + name);
    }

    /** Removes every assignment of {@code name} (whole lines). */
    public EnvFile remove(String name) {
        requireEditable(name);
        List<FileSplice> splices = new ArrayList<>();
        List<String[]> expected = new ArrayList<>();
        for (EnvAssignment a : assignments) {
            if (a.name().equals(name)) {
                splices.add(new FileSplice(a.lineStart(), a.lineEnd(), ""));
            } else {
                expected.add(new String[] {a.name(), a.value()});
            }
        }
        if (splices.isEmpty()) {
            return this;
        }
        return verified(FileSplice.apply(text(), splices), expected, "remove " + name);
    }

    /**
     * Edits the flags in a variable's value (as {@code $NAME} splits it), changing only the words
     * concerned and keeping the value's quoting: in {@code A="--a=1 --b=2"} setting {@code b} to 3
     * rewrites {@code 2} and nothing else. A missing variable is created for set and add.
     */
    public EnvFile editFlags(String name, FlagEdit edit, FlagSpec spec) {
        requireEditable(name);
        Optional<EnvAssignment> current = get(name);
        if (current.isEmpty()) {
            if (edit instanceof FlagEdit.RemoveFlag) {
                return this;
            }
            WordEdits.Plan plan = WordEdits.plan(List.of(), 0, spec, edit);
            String word = SystemdWords.quoteWord(plan.expected().get(0), false)
                    .orElseThrow(() -> new EditException("cannot write " + plan.expected().get(0)));
            return set(name, word);
        }
        EnvAssignment a = current.get();
        List<SystemdWords.Word> words = a.splitWords();
        List<String> values = words.stream().map(SystemdWords.Word::value).toList();
        WordEdits.Plan plan = WordEdits.plan(values, 0, spec, edit);
        if (plan.isNoop()) {
            return this;
        }
        List<int[]> spans = words.stream().map(w -> new int[] {w.rawStart(), w.rawEnd()}).toList();
        List<Splicer.Replacement> regions = WordEdits.regions(a.mappedValue(), spans, plan.ops(),
                w -> SystemdWords.quoteWord(w, false), (byte) -100);
        EditException failure = null;
        for (List<FileSplice> candidate : Splicer.candidates(a.mappedValue(), regions)) {
            try {
                return checkedFlagEdit(FileSplice.apply(text(), candidate), a, name, plan.expected());
            } catch (EditException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private EnvFile checkedFlagEdit(String next, EnvAssignment a, String name, List<String> expected) {
        EnvFile result = parse(SourceText.of(sourceName(), next), List.of());
        List<String[]> before = pairs();
        if (result.assignments.size() != assignments.size()) {
            throw new EditException("editing " + name + " changed other assignments");
        }
        List<String> got = result.assignments.get(a.index()).splitWords().stream().map(SystemdWords.Word::value).toList();
        if (!got.equals(expected)) {
            throw new EditException("editing " + name + " would give " + got + " instead of " + expected);
        }
        List<String[]> after = result.pairs();
        for (int i = 0; i < before.size(); i++) {
            if (i != a.index() && !java.util.Arrays.equals(before.get(i), after.get(i))) {
                throw new EditException("editing " + name + " changed " + before.get(i)[0]);
            }
        }
        return result;
    }

    private static void requireEditable(String name) {
        Objects.requireNonNull(name);
        if (!EnvParser.validName(name)) {
            throw new EditException("'" + name + "' is not a variable name systemd accepts");
        }
    }

    private List<String[]> pairs() {
        List<String[]> out = new ArrayList<>();
        for (EnvAssignment a : assignments) {
            out.add(new String[] {a.name(), a.value()});
        }
        return out;
    }

    private EnvFile verified(String next, List<String[]> expected, String what) {
        EnvFile result = parse(SourceText.of(sourceName(), next), List.of());
        List<String[]> got = result.pairs();
        boolean same = got.size() == expected.size();
        for (int i = 0; same && i < got.size(); i++) {
            same = java.util.Arrays.equals(got.get(i), expected.get(i));
        }
        if (!same) {
            throw new EditException(what + ": the result does not read back as intended");
        }
        return result;
    }

    private String append(String line) {
        String text = text();
        String eol = source.dominantLineEnding();
        boolean needsBreak = !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
        return text + (needsBreak ? eol : "") + line + eol;
    }

    /** A value written in a quoting style, falling back to double quotes. */
    static Optional<String> rawValue(EnvAssignment.Quoting style, String value) {
        if (value.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        switch (style) {
            case SINGLE:
                if (value.indexOf('\'') < 0) {
                    return Optional.of("'" + value + "'");
                }
                break;
            case NONE:
                if (value.isEmpty()) {
                    return Optional.of("");
                }
                boolean simple = value.chars().allMatch(c -> c > ' ' && c != '"' && c != '\'' && c != '\\' && c != 0x7f
                        && c != '$' && c != '`');
                if (simple) {
                    return Optional.of(value);
                }
                break;
            default:
                break;
        }
        return Optional.of("\"" + EnvValueCodec.doubleQuoted(value) + "\"");
    }
}
