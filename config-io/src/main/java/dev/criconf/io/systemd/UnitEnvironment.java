package dev.criconf.io.systemd;

import dev.criconf.io.env.EnvAssignment;
import dev.criconf.io.env.EnvFile;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a unit's commands are expanded with, as systemd builds them
 * (src/core/execute.c, exec-invoke.c): the {@code Environment=} assignments in order (a later one
 * replaces an earlier one of the same name, an empty {@code Environment=} clears them), then the
 * {@code EnvironmentFile=} files in order, which override {@code Environment=} ("Settings from
 * these files override settings made with Environment=", systemd.exec(5)). Variables systemd sets
 * itself ({@code $MAINPID}, {@code $PATH}, ...) are not included.
 */
public final class UnitEnvironment {

    private final Map<String, EnvVariable> variables;

    private UnitEnvironment(Map<String, EnvVariable> variables) {
        this.variables = Collections.unmodifiableMap(variables);
    }

    /** No variables. */
    public static UnitEnvironment empty() {
        return new UnitEnvironment(new LinkedHashMap<>());
    }

    /** The environment from {@code Environment=} entries (resets already applied) and loaded environment files. */
    public static UnitEnvironment of(List<EnvironmentEntry> entries, List<EnvFile> files) {
        Map<String, EnvVariable> m = new LinkedHashMap<>();
        for (EnvironmentEntry e : entries) {
            m.put(e.name(), EnvVariable.of(e));
        }
        for (EnvFile f : files) {
            for (EnvAssignment a : f.assignments()) {
                if (a.validName()) {
                    m.put(a.name(), EnvVariable.of(a));
                }
            }
        }
        return new UnitEnvironment(m);
    }

    /** A variable, if set. */
    public Optional<EnvVariable> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Every variable by name, in the order names were first set. */
    public Map<String, EnvVariable> variables() {
        return variables;
    }

    /** Names and values. */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> out.put(k, v.value()));
        return Collections.unmodifiableMap(out);
    }
}
