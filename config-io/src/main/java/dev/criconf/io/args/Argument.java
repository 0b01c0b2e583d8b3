package dev.criconf.io.args;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One command-line argument as the program receives it (after systemd's quoting, escapes,
 * specifiers and variable expansion) and where its text is written.
 *
 * @param text   the argument
 * @param origin where it is written: the word in a unit file's {@code ExecStart=}, or the part of a
 *               variable's value in an environment file that became this argument
 */
public record Argument(String text, Origin origin) {

    /** The pseudo file name of arguments that were given as plain strings. */
    public static final String PLAIN = "<argv>";

    /** Checks that nothing is null. */
    public Argument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * Arguments from plain strings; their origins point into {@code <argv>}, the words joined by
     * single spaces on one line.
     */
    public static List<Argument> of(String... words) {
        return of(List.of(words));
    }

    /** Like {@link #of(String...)}. */
    public static List<Argument> of(List<String> words) {
        List<Argument> out = new ArrayList<>(words.size());
        int offset = 0;
        for (String w : words) {
            out.add(new Argument(w, new Origin(PLAIN, 1, offset + 1, offset, w.length())));
            offset += w.length() + 1;
        }
        return List.copyOf(out);
    }
}
