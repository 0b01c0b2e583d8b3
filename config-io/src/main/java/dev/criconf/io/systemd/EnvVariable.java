package dev.criconf.io.systemd;

import dev.criconf.io.args.Argument;
import dev.criconf.io.env.EnvAssignment;
import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A variable in a unit's environment and where its value is defined. */
public final class EnvVariable {

    /** Where a variable comes from. */
    public enum Source {
        /** an {@code Environment=} setting of the unit */
        ENVIRONMENT,
        /** a file named by {@code EnvironmentFile=} */
        ENVIRONMENT_FILE
    }

    private final String name;
    private final String value;
    private final Source source;
    private final Origin origin;
    private final Origin valueOrigin;
    // split on first use: an environment holds every variable set, most never expanded as $NAME
    // (the split is immutable, so a racy second computation is harmless)
    private List<Argument> words;
    private final Optional<EnvironmentEntry> entry;
    private final Optional<EnvAssignment> fileAssignment;

    private EnvVariable(String name, String value, Source source, Origin origin, Origin valueOrigin,
            Optional<EnvironmentEntry> entry, Optional<EnvAssignment> fileAssignment) {
        this.name = name;
        this.value = value;
        this.source = source;
        this.origin = origin;
        this.valueOrigin = valueOrigin;
        this.entry = entry;
        this.fileAssignment = fileAssignment;
    }

    /** A variable set by an {@code Environment=} word. */
    public static EnvVariable of(EnvironmentEntry e) {
        Objects.requireNonNull(e);
        Origin vo = e.value().isEmpty() ? e.origin() : e.originOf(0, e.value().length());
        return new EnvVariable(e.name(), e.value(), Source.ENVIRONMENT, e.origin(), vo, Optional.of(e),
                Optional.empty());
    }

    /** A variable set by an environment file's assignment. */
    public static EnvVariable of(EnvAssignment a) {
        Objects.requireNonNull(a);
        return new EnvVariable(a.name(), a.value(), Source.ENVIRONMENT_FILE, a.origin(), a.valueOrigin(),
                Optional.empty(), Optional.of(a));
    }

    /** The variable's name. */
    public String name() {
        return name;
    }

    /** The value as the unit's commands see it. */
    public String value() {
        return value;
    }

    /** Whether it comes from {@code Environment=} or an environment file. */
    public Source source() {
        return source;
    }

    /** The file that defines it (as named in origins). */
    public String file() {
        return origin.file();
    }

    /** The defining assignment. */
    public Origin origin() {
        return origin;
    }

    /** The value as written. */
    public Origin valueOrigin() {
        return valueOrigin;
    }

    /** The value split as {@code $NAME} splits it in a command line, each word located where it is written. */
    public List<Argument> words() {
        List<Argument> w = words;
        if (w == null) {
            w = List.copyOf(entry.isPresent() ? entry.get().words() : fileAssignment.get().words());
            words = w;
        }
        return w;
    }

    /** The {@code Environment=} word, for {@link Source#ENVIRONMENT}. */
    public Optional<EnvironmentEntry> environmentEntry() {
        return entry;
    }

    /** The environment file's assignment, for {@link Source#ENVIRONMENT_FILE}. */
    public Optional<EnvAssignment> fileAssignment() {
        return fileAssignment;
    }

    @Override
    public String toString() {
        return name + "=" + value + " @" + origin;
    }
}
