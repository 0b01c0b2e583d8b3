package dev.criconf.io.systemd;

import dev.criconf.io.args.Argument;
import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.args.internal.SystemdWords;
import dev.criconf.io.systemd.internal.SpecifierCodec;
import dev.criconf.io.systemd.internal.SpecifierLayer;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code NAME=value} word of an {@code Environment=} setting, as systemd's
 * {@code config_parse_environ()} (src/core/load-fragment.c) reads it: the setting is split into
 * words with quotes and C escapes ({@code Environment="A=b c" D=e} is two assignments), specifiers
 * are expanded, and words that are not valid assignments are ignored.
 */
public final class EnvironmentEntry {

    private final UnitAssignment assignment;
    private final int wordIndex;
    private final String name;
    private final MappedText value;
    private final Origin origin;

    private EnvironmentEntry(UnitAssignment assignment, int wordIndex, String name, MappedText value, Origin origin) {
        this.assignment = assignment;
        this.wordIndex = wordIndex;
        this.name = name;
        this.value = value;
        this.origin = origin;
    }

    /** The variable's name. */
    public String name() {
        return name;
    }

    /** The value: quotes and escapes resolved, specifiers expanded. */
    public String value() {
        return value.text();
    }

    /** The {@code Environment=} assignment holding it. */
    public UnitAssignment assignment() {
        return assignment;
    }

    /** Position of the word in the assignment's value, from 0. */
    public int wordIndex() {
        return wordIndex;
    }

    /** The whole {@code NAME=value} word as written, quotes included. */
    public Origin origin() {
        return origin;
    }

    /** Where the value chars {@code [from, to)} are written. */
    public Origin originOf(int from, int to) {
        int[] span = value.fileSpan(from, to);
        return assignment.source().span(span[0], span[1]);
    }

    /** The value split as {@code $NAME} splits it in a command line, each word located in the unit file. */
    public List<Argument> words() {
        List<Argument> out = new ArrayList<>();
        for (SystemdWords.Word w : splitWords()) {
            int[] span = value.fileSpan(w.rawStart(), w.rawEnd());
            out.add(new Argument(w.value(), assignment.source().span(span[0], span[1])));
        }
        return List.copyOf(out);
    }

    List<SystemdWords.Word> splitWords() {
        return SystemdWords.splitAll(value, 0, SystemdWords.RELAX | SystemdWords.UNQUOTE, SystemdWords.wordCodec(false))
                .words();
    }

    MappedText mappedValue() {
        return value;
    }

    /** The entries of an assignment and located problems; an empty value (a reset) has none. */
    public record Parsed(List<EnvironmentEntry> entries, List<Problem> problems) {
        /** Copies the lists. */
        public Parsed {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    /** Reads an {@code Environment=} assignment. */
    public static Parsed parse(UnitAssignment a, Specifiers specifiers) {
        Objects.requireNonNull(a);
        if (!a.specifierFree()) {
            return read(a, specifiers);
        }
        Parsed p = a.environmentReading();
        if (p == null) {
            p = read(a, specifiers);
            a.environmentReading(p);
        }
        return p;
    }

    private static Parsed read(UnitAssignment a, Specifiers specifiers) {
        List<EnvironmentEntry> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        MappedText u = a.mappedValue();
        int p = 0;
        int index = 0;
        while (true) {
            // config_parse_environ uses plain extract_first_word: a bad escape or quote drops the rest
            SystemdWords.Extracted e = SystemdWords.extract(u, p, SystemdWords.UNQUOTE | SystemdWords.CUNESCAPE,
                    SystemdWords.wordCodec(true));
            if (e.error().isPresent()) {
                int at = Math.min(e.errorAt(), u.length());
                problems.add(new Problem(Problem.Kind.SYNTAX, a.originOf(at, u.length()),
                        e.error().get() + " in Environment=: systemd ignores the rest of the line"));
                break;
            }
            if (e.word().isEmpty()) {
                break;
            }
            SystemdWords.Word w = e.word().get();
            p = e.next();
            Origin wordOrigin = a.originOf(w.rawStart(), w.rawEnd());
            List<String> unresolved = new ArrayList<>();
            MappedText expanded = SpecifierLayer.expand(w.text(), 0, w.text().length(), specifiers, unresolved);
            String s = expanded.text();
            int eq = s.indexOf('=');
            if (eq <= 0 || !validName(s.substring(0, eq))) {
                problems.add(new Problem(Problem.Kind.SYNTAX, wordOrigin,
                        "invalid environment assignment '" + s + "': systemd ignores it"));
                index++;
                continue;
            }
            MappedText value = expanded.slice(eq + 1, s.length(), SpecifierCodec.INSTANCE);
            out.add(new EnvironmentEntry(a, index++, s.substring(0, eq), value, wordOrigin));
        }
        return new Parsed(out, problems);
    }

    static boolean validName(String name) {
        if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + "=" + value.text() + " @" + origin;
    }
}
