package dev.criconf.io.args;

import java.util.Objects;

/**
 * A change to the flags in one argument list (an env-file variable, an {@code ExecStart=} line).
 * Names are given without dashes; the written spelling of existing flags is kept.
 */
public sealed interface FlagEdit {

    /** The flag's name without dashes. */
    String name();

    /**
     * Make the flag's effective value {@code value}: the occurrence in effect is changed in place
     * ({@code --name=v} keeps that form, {@code --name v} changes only the value word); for flags
     * whose occurrences combine, the other occurrences are removed; when absent it is added.
     */
    record SetFlag(String name, String value) implements FlagEdit {
        /** Checks the name (no dashes, no {@code =}) and that nothing is null. */
        public SetFlag {
            requireName(name);
            Objects.requireNonNull(value, "value");
        }
    }

    /** Append {@code --name=value} after the last argument, whatever is there already. */
    record AddFlag(String name, String value) implements FlagEdit {
        /** Checks the name (no dashes, no {@code =}) and that nothing is null. */
        public AddFlag {
            requireName(name);
            Objects.requireNonNull(value, "value");
        }
    }

    /** Remove every occurrence of the flag (and its separate value argument). */
    record RemoveFlag(String name) implements FlagEdit {
        /** Checks the name (no dashes, no {@code =}). */
        public RemoveFlag {
            requireName(name);
        }
    }

    /** A {@link SetFlag}. */
    static FlagEdit set(String name, String value) {
        return new SetFlag(name, value);
    }

    /** A {@link AddFlag}. */
    static FlagEdit add(String name, String value) {
        return new AddFlag(name, value);
    }

    /** A {@link RemoveFlag}. */
    static FlagEdit remove(String name) {
        return new RemoveFlag(name);
    }

    private static void requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith("-") || name.contains("=")) {
            throw new IllegalArgumentException("flag name without dashes or '=': " + name);
        }
    }
}
