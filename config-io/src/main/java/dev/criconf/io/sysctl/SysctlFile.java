package dev.criconf.io.sysctl;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.internal.BoundedDecode;
import dev.criconf.io.internal.PhysicalLines;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.sysctl.internal.SysctlParser;
import dev.criconf.io.sysctl.internal.SysctlParser.Kind;
import dev.criconf.io.sysctl.internal.SysctlParser.ParsedLine;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sysctl.d file ({@code /etc/sysctl.d/*.conf}, {@code /etc/sysctl.conf}), kept byte for byte.
 *
 * <p>The format, as systemd-sysctl and procps {@code sysctl --system} read it: one
 * {@code key = value} per line (blanks around key and value do not count, the first {@code =}
 * separates them, so values may contain {@code =}); lines whose first non-blank character is
 * {@code #} or {@code ;} are comments (there are no end-of-line comments: {@code 1 # on} is the
 * value {@code "1 # on"}); {@code -key = value} means a failure to set it is ignored;
 * {@code -key} alone excludes the key from glob patterns; keys may use {@code .} or {@code /}
 * ({@link SysctlKeys}) and may be glob patterns. Within a file, a later assignment of the same key
 * wins.
 *
 * <p>Instances are immutable; edits return a new document, verified by parsing it again.
 */
public final class SysctlFile implements SyntaxDocument {

    private final SourceText source;
    private final List<ParsedLine> lines;
    private final List<SysctlEntry> entries;
    private final List<Problem> problems;
    private final ParseLimits limits;

    private SysctlFile(SourceText source, List<ParsedLine> lines, List<Problem> problems, ParseLimits limits) {
        this.source = source;
        this.lines = lines;
        this.problems = List.copyOf(problems);
        this.limits = limits;
        List<SysctlEntry> es = new ArrayList<>();
        for (ParsedLine l : lines) {
            l.entry().ifPresent(es::add);
        }
        this.entries = List.copyOf(es);
    }

    /** Parses text with the default limits. */
    public static SysctlFile parse(String sourceName, String text) {
        return parse(sourceName, text, ParseLimits.DEFAULTS);
    }

    /** Parses text; bad input gives {@link #problems()}, never an exception. */
    public static SysctlFile parse(String sourceName, String text, ParseLimits limits) {
        return build(BoundedDecode.of(sourceName, text, limits), limits);
    }

    /** Parses a file's bytes (strict UTF-8) with the default limits. */
    public static SysctlFile parse(String sourceName, byte[] bytes) {
        return parse(sourceName, bytes, ParseLimits.DEFAULTS);
    }

    /** Parses a file's bytes (strict UTF-8); an oversized input is reported, not read. */
    public static SysctlFile parse(String sourceName, byte[] bytes, ParseLimits limits) {
        return build(BoundedDecode.decode(sourceName, bytes, limits), limits);
    }

    private static SysctlFile build(BoundedDecode.Input in, ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        List<Problem> problems = new ArrayList<>(in.problems());
        List<ParsedLine> lines = List.of();
        if (in.parse()) {
            SysctlParser.Result r = SysctlParser.parse(in.source());
            lines = r.lines();
            problems.addAll(r.problems());
        }
        problems.sort((a, b) -> Integer.compare(a.origin().offset(), b.origin().offset()));
        return new SysctlFile(in.source(), lines, problems, limits);
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

    /** Assignments and exclusions in file order. */
    public List<SysctlEntry> entries() {
        return entries;
    }

    /** The assignment of a key that takes effect in this file (the last one), in any spelling of the key. */
    public Optional<SysctlEntry> get(String key) {
        String k = SysctlKeys.normalize(key);
        for (int i = entries.size() - 1; i >= 0; i--) {
            SysctlEntry e = entries.get(i);
            if (e.key().equals(k) && !e.isExclusion()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The value this file gives a key, if it assigns it. */
    public Optional<String> value(String key) {
        return get(key).flatMap(SysctlEntry::value);
    }

    /**
     * Sets a key. If the file assigns it, the value of the assignment that takes effect is replaced
     * in place (key spelling, blanks, {@code -} prefix and line ending stay). Otherwise a line
     * {@code key = value} is appended, copying the blanks around {@code =} of the file's last
     * assignment and its line ending; a file without a final newline keeps having none.
     *
     * @param key   the variable, written as given if a line is appended
     * @param value the value; must not contain line breaks or start or end with blanks
     * @return the edited document ({@code this} when the key already has this value)
     * @throws EditException when the key or value cannot be written, or the document has errors
     */
    public SysctlFile set(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        requireEditable();
        String k = checkKey(key);
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new EditException("a sysctl value cannot contain a line break: " + quote(value));
        }
        if (!value.isEmpty() && (PhysicalLines.isBlank(value.charAt(0)) || PhysicalLines.isBlank(value.charAt(value.length() - 1)))) {
            throw new EditException("a sysctl value cannot start or end with blanks (they are dropped when read): " + quote(value));
        }
        String text = source.text();
        ParsedLine target = null;
        int targetIndex = -1;
        int index = -1;
        for (ParsedLine l : lines) {
            if (l.kind() != Kind.ENTRY) {
                continue;
            }
            index++;
            SysctlEntry e = l.entry().orElseThrow();
            if (e.key().equals(k) && !e.isExclusion()) {
                target = l;
                targetIndex = index;
            }
        }
        List<Semantic> expected = semantics(entries);
        String edited;
        if (target != null) {
            if (target.entry().orElseThrow().value().orElseThrow().equals(value)) {
                return this;
            }
            String insert = value;
            if (target.valueStart() == target.valueEnd() && !value.isEmpty()
                    && PhysicalLines.isBlank(text.charAt(target.keyEnd()))) {
                insert = " " + value; // "key =" becomes "key = value", not "key =value"
            }
            edited = text.substring(0, target.valueStart()) + insert + text.substring(target.valueEnd());
            Semantic old = expected.get(targetIndex);
            expected.set(targetIndex, new Semantic(old.key(), Optional.of(value), old.ignoreFailure()));
        } else {
            String line = key + separator() + value;
            String nl = source.dominantLineEnding();
            if (text.isEmpty()) {
                edited = line + nl;
            } else if (endsWithLineBreak(text)) {
                edited = text + line + nl;
            } else {
                edited = text + nl + line;
            }
            expected.add(new Semantic(k, Optional.of(value), false));
        }
        return verified(edited, expected, "set " + k);
    }

    /**
     * Removes every line that assigns or excludes a key (in any spelling). A file without a final
     * newline keeps having none.
     *
     * @return the edited document, or {@code this} when the file does not mention the key
     * @throws EditException when the document has errors
     */
    public SysctlFile remove(String key) {
        Objects.requireNonNull(key, "key");
        requireEditable();
        String k = checkKey(key);
        String text = source.text();
        StringBuilder sb = new StringBuilder(text.length());
        boolean removed = false;
        for (ParsedLine l : lines) {
            if (l.kind() == Kind.ENTRY && l.entry().orElseThrow().key().equals(k)) {
                removed = true;
                continue;
            }
            sb.append(text, l.line().start(), l.line().end());
        }
        if (!removed) {
            return this;
        }
        String edited = sb.toString();
        if (!text.isEmpty() && !endsWithLineBreak(text) && endsWithLineBreak(edited)) {
            edited = edited.substring(0, edited.length() - lineBreakLength(edited));
        }
        List<Semantic> expected = new ArrayList<>(semantics(entries));
        expected.removeIf(s -> s.key().equals(k));
        return verified(edited, expected, "remove " + k);
    }

    private String separator() {
        String text = source.text();
        for (int i = lines.size() - 1; i >= 0; i--) {
            ParsedLine l = lines.get(i);
            if (l.kind() == Kind.ENTRY && l.valueStart() > l.keyEnd() && l.valueEnd() > l.valueStart()) {
                return text.substring(l.keyEnd(), l.valueStart());
            }
        }
        return " = ";
    }

    private SysctlFile verified(String edited, List<Semantic> expected, String what) {
        SysctlFile result = parse(source.name(), edited, limits);
        if (result.hasErrors()) {
            throw new EditException("edit (" + what + ") would make the file invalid: " + result.problems().get(0));
        }
        List<Semantic> actual = semantics(result.entries());
        if (!actual.equals(expected)) {
            throw new EditException("edit (" + what + ") changed more than intended: expected " + expected + ", got " + actual);
        }
        return result;
    }

    private void requireEditable() {
        if (hasErrors()) {
            throw new EditException(sourceName() + " has problems and is not edited: " + problems.get(0));
        }
    }

    private static String checkKey(String key) {
        String k = SysctlKeys.normalize(key);
        if (k.isEmpty() || !key.equals(key.strip()) || key.startsWith("-") || key.startsWith("#") || key.startsWith(";")
                || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new EditException("not a sysctl key that can be written to a file: " + quote(key));
        }
        return k;
    }

    private static boolean endsWithLineBreak(String s) {
        return !s.isEmpty() && (s.charAt(s.length() - 1) == '\n' || s.charAt(s.length() - 1) == '\r');
    }

    private static int lineBreakLength(String s) {
        return s.endsWith("\r\n") ? 2 : 1;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    /** What an entry means, without where it is: what edits must keep or change. */
    private record Semantic(String key, Optional<String> value, boolean ignoreFailure) {}

    private static List<Semantic> semantics(List<SysctlEntry> entries) {
        List<Semantic> out = new ArrayList<>(entries.size());
        for (SysctlEntry e : entries) {
            out.add(new Semantic(e.key(), e.value(), e.ignoreFailure()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SysctlFile[" + sourceName() + ", " + entries.size() + " entries, " + problems.size() + " problems]";
    }
}
