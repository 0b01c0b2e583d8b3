package dev.criconf.validate;

import dev.criconf.model.edit.NodeEdit;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One way to resolve a finding: model edits that config-io's lossless editors apply.
 *
 * @param description       short imperative text for reports, e.g. {@code set cgroupDriver: systemd}
 * @param edits             the edits, applied in order; at least one
 * @param machineApplicable whether {@code criconf fix} may apply it without asking: the edits are
 *                          right whenever the finding is (false for fixes that need a human's choice)
 */
public record Fix(String description, List<NodeEdit> edits, boolean machineApplicable) {

    /** Checks the components and copies collections; see the class description. */
    public Fix {
        Objects.requireNonNull(description, "description");
        edits = List.copyOf(edits);
        if (description.isBlank()) {
            throw new IllegalArgumentException("a fix needs a description");
        }
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one edit: " + description);
        }
    }

    /** A machine-applicable fix. */
    public static Fix of(String description, NodeEdit... edits) {
        return new Fix(description, List.of(edits), true);
    }

    /** A machine-applicable fix described by its edits' own descriptions. */
    public static Fix of(NodeEdit... edits) {
        List<NodeEdit> list = List.of(edits);
        return new Fix(list.stream().map(NodeEdit::describe).collect(Collectors.joining("; ")), list, true);
    }

    /** A fix that is offered but not applied automatically: a person has to judge it. */
    public static Fix suggestion(String description, NodeEdit... edits) {
        return new Fix(description, List.of(edits), false);
    }
}
