package dev.criconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A word on a command line that is neither a flag nor a flag's value. The kubelet refuses to start
 * with one ({@code unknown command}); they usually come from a value with spaces that systemd's
 * {@code $VAR} expansion split apart, or from {@code --bool-flag false}.
 *
 * @param text     the word
 * @param origin   where it is
 * @param variable the environment variable whose expansion produced it, when there is one
 */
public record StrayArgument(String text, Origin origin, Optional<String> variable) {

    /** Rejects nulls. */
    public StrayArgument {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(variable, "variable");
    }
}
