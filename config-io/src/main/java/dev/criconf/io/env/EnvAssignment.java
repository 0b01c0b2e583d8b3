package dev.criconf.io.env;

import dev.criconf.io.args.Argument;
import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.args.internal.SystemdWords;
import dev.criconf.io.internal.SourceText;
import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code NAME=value} assignment of an environment file, with the value as systemd reads it
 * and the location of every part.
 */
public final class EnvAssignment {

    /** How the value is written. */
    public enum Quoting {
        /** no quotes: {@code A=b c} */
        NONE,
        /** one double-quoted string: {@code A="b c"} */
        DOUBLE,
        /** one single-quoted string: {@code A='b c'} */
        SINGLE,
        /** quoted and unquoted parts together: {@code A="b"c} */
        MIXED
    }

    private final int index;
    private final String name;
    private final boolean validName;
    private final MappedText value;
    private final SourceText source;
    private final int start;
    private final int nameEnd;
    private final int lineStart;
    private final int lineEnd;
    private final Quoting quoting;

    EnvAssignment(int index, String name, boolean validName, MappedText value, SourceText source, int start,
            int nameEnd, int lineStart, int lineEnd, Quoting quoting) {
        this.index = index;
        this.name = name;
        this.validName = validName;
        this.value = value;
        this.source = source;
        this.start = start;
        this.nameEnd = nameEnd;
        this.lineStart = lineStart;
        this.lineEnd = lineEnd;
        this.quoting = quoting;
    }

    /** Position among the file's assignments, from 0. */
    public int index() {
        return index;
    }

    /** The variable name (surrounding blanks removed, as systemd does). */
    public String name() {
        return name;
    }

    /**
     * Whether systemd accepts the name (letters, digits, {@code _}, not starting with a digit;
     * src/basic/env-util.c {@code env_name_is_valid}). Assignments with other names, such as
     * {@code export A=b}, are dropped when a unit loads the file.
     */
    public boolean validName() {
        return validName;
    }

    /** The value as systemd reads it: quotes removed, escapes resolved, trailing blanks of an unquoted value trimmed. */
    public String value() {
        return value.text();
    }

    /** How the value is written. */
    public Quoting quoting() {
        return quoting;
    }

    /** The whole assignment, from the name to the end of the value. */
    public Origin origin() {
        int end = Math.max(value.rawEnd(), nameEnd + 1);
        return source.span(start, end);
    }

    /** Where the name is written. */
    public Origin nameOrigin() {
        return source.span(start, nameEnd);
    }

    /** The raw value text, quotes included (zero-length right after {@code =} for an empty value). */
    public Origin valueOrigin() {
        return source.span(value.rawStart(), value.rawEnd());
    }

    /** Where the value chars {@code [from, to)} are written (escapes and quotes between them included). */
    public Origin originOf(int from, int to) {
        if (from < 0 || to > value.length() || from > to) {
            throw new IndexOutOfBoundsException(from + ".." + to + " of " + value.length());
        }
        int[] span = value.fileSpan(from, to);
        return source.span(span[0], span[1]);
    }

    /**
     * The value split into words as a unit's {@code $NAME} in {@code ExecStart=} splits it (on blanks;
     * quotes group words and are removed; a backslash takes the next char literally), each word
     * located in this file.
     */
    public List<Argument> words() {
        List<Argument> out = new ArrayList<>();
        for (SystemdWords.Word w : splitWords()) {
            int[] span = value.fileSpan(w.rawStart(), w.rawEnd());
            out.add(new Argument(w.value(), source.span(span[0], span[1])));
        }
        return List.copyOf(out);
    }

    List<SystemdWords.Word> splitWords() {
        return SystemdWords.splitAll(value, 0, SystemdWords.RELAX | SystemdWords.UNQUOTE,
                SystemdWords.wordCodec(false)).words();
    }

    MappedText mappedValue() {
        return value;
    }

    /** First char of the line the assignment starts on. */
    int lineStart() {
        return lineStart;
    }

    /** Just past the line break that ends the value (or the end of the file). */
    int lineEnd() {
        return lineEnd;
    }

    @Override
    public String toString() {
        return name + "=" + value.text() + " @" + nameOrigin();
    }
}
