package dev.criconf.model;

import java.util.Objects;

/**
 * A located problem found while reading a file: a syntax error, a duplicate key, an exceeded
 * limit, a file that could not be read. Parsers collect problems instead of throwing them, so one
 * bad line never hides the next one and one bad file never stops a node from loading.
 *
 * @param kind    what sort of problem it is; validators map kinds to rule ids
 * @param origin  where it is
 * @param message what a person needs to know, without the location (renderers add that)
 */
public record Problem(Kind kind, Origin origin, String message) {

    /** The sorts of problems readers report. */
    public enum Kind {
        /** The text does not follow the format's grammar. */
        SYNTAX,
        /** A key defined twice where the format or the component forbids or ignores it. */
        DUPLICATE_KEY,
        /** A {@code ParseLimits} limit was exceeded; the rest of the input was not read. */
        LIMIT_EXCEEDED,
        /** The file could not be read at all (permissions, not a regular file, bad encoding). */
        UNREADABLE,
        /** A path that resolves outside the node root; it was not followed. */
        OUTSIDE_ROOT
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    public static Problem syntax(Origin origin, String message) {
        return new Problem(Kind.SYNTAX, origin, message);
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
