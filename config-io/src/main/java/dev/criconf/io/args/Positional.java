package dev.criconf.io.args;

import java.util.Objects;

/**
 * An argument that is neither a flag nor a flag's value. The kubelet refuses to start with one
 * ({@code unknown command}); in a unit it usually is the stray half of a value that contained a
 * space.
 *
 * @param index           its index in the argument list
 * @param argument        the argument
 * @param afterTerminator whether it follows {@code --}
 */
public record Positional(int index, Argument argument, boolean afterTerminator) {
    /** Checks that nothing is null. */
    public Positional {
        Objects.requireNonNull(argument);
    }
}
