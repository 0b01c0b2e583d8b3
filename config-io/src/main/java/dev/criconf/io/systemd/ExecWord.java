package dev.criconf.io.systemd;

import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;

/**
 * A word of an {@code Exec*=} command line as systemd stores it when it loads the unit: quotes
 * and C escapes resolved, specifiers expanded; environment variables are expanded later, when the
 * command runs (see {@link CommandLine}).
 *
 * @param written    the word with quotes and escapes resolved, before specifiers
 * @param value      after specifiers
 * @param origin     where the word is written, quotes included
 * @param unresolved specifiers that depend on the host and were left as written
 */
public record ExecWord(String written, String value, Origin origin, List<String> unresolved) {
    /** Checks that nothing is null and copies the list. */
    public ExecWord {
        Objects.requireNonNull(written);
        Objects.requireNonNull(value);
        Objects.requireNonNull(origin);
        unresolved = List.copyOf(unresolved);
    }
}
