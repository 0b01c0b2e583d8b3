package dev.criconf.model.kubelet;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code NAME=value} line of a systemd {@code EnvironmentFile}.
 *
 * @param name        the variable, e.g. {@code KUBELET_KUBEADM_ARGS}
 * @param value       the value after systemd's unquoting (kubeadm writes the whole value in double quotes)
 * @param raw         the text after {@code =} exactly as written
 * @param origin      where the name is
 * @param valueOrigin where the value's text starts
 */
public record EnvAssignment(String name, String value, String raw, Origin origin, Origin valueOrigin) {

    /** Rejects nulls. */
    public EnvAssignment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(valueOrigin, "valueOrigin");
    }

    /**
     * The words a {@code $NAME} reference in {@code ExecStart=} expands to: the value split on
     * whitespace (systemd does not honour quotes inside the value, so {@code --x="a b"} becomes two
     * words).
     */
    public List<String> words() {
        List<String> out = new ArrayList<>();
        for (String w : value.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }
}
