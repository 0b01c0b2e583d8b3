package dev.criconf.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A flag on a program's command line as the program parses it, with where each part is written.
 * A systemd unit's {@code ExecStart=} often gets its words from environment variables
 * ({@code $KUBELET_KUBEADM_ARGS}); then the origins point into the {@code EnvironmentFile} and
 * {@link #variable()} names the variable.
 *
 * @param name        the flag as the program compares names, without dashes (for the kubelet,
 *                    {@code _} already turned into {@code -}: {@code cgroup-driver})
 * @param written     the flag word as written, e.g. {@code --cgroup_driver} or {@code --cgroup-driver=systemd}
 * @param value       the value, when one was given ({@code --x=v}, {@code --x v}); empty for a bare {@code --x}
 * @param form        how the value was attached
 * @param origin      where the flag word is
 * @param valueOrigin where the value is, when it is a separate word or after {@code =}
 * @param variable    the environment variable whose expansion produced the word, when there is one
 */
public record CommandLineFlag(String name, String written, Optional<String> value, Form form, Origin origin,
        Optional<Origin> valueOrigin, Optional<String> variable) {

    /** How a flag's value is attached. */
    public enum Form {
        /** {@code --flag=value}. */
        EQUALS,
        /** {@code --flag value} (two words). */
        SEPARATE,
        /** {@code --flag} with no value (a boolean set to true, or a missing value). */
        BARE
    }

    /** Rejects nulls and a value that does not match the form. */
    public CommandLineFlag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(valueOrigin, "valueOrigin");
        Objects.requireNonNull(variable, "variable");
        if ((form == Form.BARE) != value.isEmpty()) {
            throw new IllegalArgumentException("a BARE flag has no value and only a BARE flag lacks one: " + written);
        }
    }

    /** The value with this flag as its source; a bare flag gives {@code true} (how pflag reads a bare boolean). */
    public Setting<String> asSetting() {
        return new Setting<>(value.orElse("true"), new Source.Flag("--" + name, origin));
    }
}
