package dev.criconf.model.kubelet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment file that feeds the kubelet's command line: kubeadm's
 * {@code /var/lib/kubelet/kubeadm-flags.env} ({@code KUBELET_KUBEADM_ARGS}) or the packages'
 * {@code /etc/default/kubelet} / {@code /etc/sysconfig/kubelet} ({@code KUBELET_EXTRA_ARGS}).
 *
 * @param file        the file, relative to the node root
 * @param assignments its assignments in file order
 */
public record KubeadmFlagsEnv(String file, List<EnvAssignment> assignments) {

    /** kubeadm's variable in {@code kubeadm-flags.env}. */
    public static final String KUBEADM_ARGS = "KUBELET_KUBEADM_ARGS";
    /** The user's variable in {@code /etc/default/kubelet} or {@code /etc/sysconfig/kubelet}. */
    public static final String EXTRA_ARGS = "KUBELET_EXTRA_ARGS";

    /** Rejects nulls and copies the list. */
    public KubeadmFlagsEnv {
        Objects.requireNonNull(file, "file");
        assignments = List.copyOf(assignments);
    }

    /** The last assignment of a variable (systemd keeps the last). */
    public Optional<EnvAssignment> get(String name) {
        for (int i = assignments.size() - 1; i >= 0; i--) {
            if (assignments.get(i).name().equals(name)) {
                return Optional.of(assignments.get(i));
            }
        }
        return Optional.empty();
    }

    /** {@code KUBELET_KUBEADM_ARGS}. */
    public Optional<EnvAssignment> kubeadmArgs() {
        return get(KUBEADM_ARGS);
    }

    /** {@code KUBELET_EXTRA_ARGS}. */
    public Optional<EnvAssignment> extraArgs() {
        return get(EXTRA_ARGS);
    }
}
