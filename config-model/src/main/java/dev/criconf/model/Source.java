package dev.criconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a setting's value came from: a line in a file, a program's built-in default, or a
 * command-line flag. Findings point at {@link #origin()} when there is one; for a default they
 * say whose default it is ({@link #describe()}), because criconf never applies a default silently.
 */
public sealed interface Source permits Source.InFile, Source.Default, Source.Flag {

    /** The location to point at, when the value was written somewhere. Empty for defaults. */
    Optional<Origin> origin();

    /** A short phrase for messages, e.g. {@code etc/containerd/config.toml:12:9} or {@code default of kubelet 1.30}. */
    String describe();

    /** Whether a person wrote this value (in a file or as a flag), as opposed to a default. */
    default boolean isExplicit() {
        return !(this instanceof Default);
    }

    /**
     * The value is written in a file.
     *
     * @param at the value's location (for a table or map: its header or key)
     */
    record InFile(Origin at) implements Source {
        /** Rejects a null location. */
        public InFile {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<Origin> origin() {
            return Optional.of(at);
        }

        @Override
        public String describe() {
            return at.toString();
        }
    }

    /**
     * The value is a program's built-in default.
     *
     * @param component whose default it is
     * @param version   the version or version range the default belongs to as a person should read
     *                  it, e.g. {@code 2.0}, {@code 1.6.9 to 1.6.x}, {@code >= 1.27}, or
     *                  {@code all versions}; never blank
     */
    record Default(Component component, String version) implements Source {
        /** Rejects nulls and a blank version. */
        public Default {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(version, "version");
            if (version.isBlank()) {
                throw new IllegalArgumentException("version must not be blank; say 'all versions' when it does not depend on one");
            }
        }

        @Override
        public Optional<Origin> origin() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "default of " + component.displayName() + " " + version;
        }
    }

    /**
     * The value is given on a command line (a systemd unit's {@code ExecStart}, possibly through an
     * environment variable from an {@code EnvironmentFile}).
     *
     * @param flag the flag as the program knows it, with dashes, e.g. {@code --cgroup-driver}
     * @param at   the location of the flag word in the file that holds it
     */
    record Flag(String flag, Origin at) implements Source {
        /** Rejects nulls. */
        public Flag {
            Objects.requireNonNull(flag, "flag");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<Origin> origin() {
            return Optional.of(at);
        }

        @Override
        public String describe() {
            return flag + " at " + at;
        }
    }
}
