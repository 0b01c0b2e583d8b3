package dev.criconf.model.kubelet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the kubelet's configuration comes from on a node, as criconf found it: the systemd unit
 * and its drop-ins (including the ones systemd ignores because a file of the same name hides or
 * masks them), the environment files the unit loads, the {@code --config} file and
 * {@code --config-dir}, and what criconf had to assume where the node did not say.
 *
 * <p>All paths are relative to the node root with {@code /} separators
 * ({@code usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf}).
 *
 * @param unitFile        the {@code kubelet.service} file systemd uses, when one exists
 * @param unitMasked      whether {@code kubelet.service} is masked (a link to {@code /dev/null} or empty)
 * @param dropIns         the {@code kubelet.service.d/*.conf} drop-ins systemd applies, in order
 * @param shadowedDropIns drop-ins systemd ignores because a same-named file in a directory earlier in
 *                        the unit search path hides them (a legacy {@code /etc/systemd/system/...}
 *                        {@code 10-kubeadm.conf} hides the packaged {@code /usr/lib/...} one)
 * @param maskedDropIns   drop-ins that are links to {@code /dev/null} or empty: they hide their name
 * @param environmentFiles the environment files that fed the command line, in the order loaded
 * @param configFile      the {@code --config} file read, when there is one
 * @param configDir       the {@code --config-dir} directory, when given
 * @param assumptions     what criconf assumed because the node did not say, one sentence each
 *                        (e.g. the command line without a unit, the Kubernetes release of the defaults)
 */
public record KubeletSources(Optional<String> unitFile, boolean unitMasked, List<String> dropIns,
        List<ShadowedDropIn> shadowedDropIns, List<String> maskedDropIns, List<String> environmentFiles,
        Optional<String> configFile, Optional<String> configDir, List<String> assumptions) {

    /**
     * A drop-in that systemd ignores because another file of the same name wins.
     *
     * @param path       the ignored drop-in
     * @param shadowedBy the drop-in (or mask) of the same name that systemd uses instead
     */
    public record ShadowedDropIn(String path, String shadowedBy) {
        /** Rejects nulls. */
        public ShadowedDropIn {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(shadowedBy, "shadowedBy");
        }
    }

    /** Rejects nulls and copies the lists. */
    public KubeletSources {
        Objects.requireNonNull(unitFile, "unitFile");
        dropIns = List.copyOf(dropIns);
        shadowedDropIns = List.copyOf(shadowedDropIns);
        maskedDropIns = List.copyOf(maskedDropIns);
        environmentFiles = List.copyOf(environmentFiles);
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(configDir, "configDir");
        assumptions = List.copyOf(assumptions);
    }

    /** Nothing found, nothing assumed. */
    public static KubeletSources none() {
        return new KubeletSources(Optional.empty(), false, List.of(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of());
    }

    /** Whether a kubelet unit (file or drop-in) was found. */
    public boolean hasUnit() {
        return unitFile.isPresent() || unitMasked || !dropIns.isEmpty();
    }
}
