package dev.criconf.io.args;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * Something in an argument list the program's flag parser rejects. pflag stops at the first one
 * (the kubelet and cri-dockerd then exit); criconf goes on to find them all.
 *
 * @param kind    what is wrong
 * @param index   the argument it is about
 * @param origin  where that argument is written
 * @param message pflag's own wording where it has one
 */
public record ArgIssue(Kind kind, int index, Origin origin, String message) {

    /** The sorts of issues. */
    public enum Kind {
        /** {@code unknown flag: --x} (closed specs only) */
        UNKNOWN_FLAG,
        /** {@code unknown shorthand flag: 'n' in -node-ip}: one dash is for one-letter shorthands only */
        UNKNOWN_SHORTHAND,
        /** {@code flag needs an argument} */
        MISSING_VALUE,
        /** {@code bad flag syntax: ---x} or {@code --=x} */
        BAD_SYNTAX,
        /** the value is not valid for the flag's type (a boolean, a {@code k=v} pair) */
        INVALID_VALUE
    }

    /** Checks that nothing is null. */
    public ArgIssue {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(message);
    }
}
