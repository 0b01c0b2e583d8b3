package dev.criconf.model.kubelet;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kubelet's command line as the kubelet parses it: the {@code ExecStart=} that systemd runs
 * (unit file and drop-ins, an empty {@code ExecStart=} resetting the list), with {@code $VAR}
 * words expanded from {@code Environment=} and {@code EnvironmentFile=}
 * ({@code KUBELET_KUBECONFIG_ARGS}, {@code KUBELET_CONFIG_ARGS}, {@code KUBELET_KUBEADM_ARGS},
 * {@code KUBELET_EXTRA_ARGS}), in command-line order. Where the same flag appears more than once
 * the last occurrence wins for scalar flags ({@link #last}).
 *
 * <p>Flag names are stored as the kubelet compares them ({@link KubeletFlagCatalog#normalize}), so
 * lookups accept any spelling.
 *
 * @param flags          the flags in command-line order
 * @param strayArguments words that are not flags or flag values (the kubelet exits with {@code unknown command})
 * @param execStart      the {@code ExecStart=} line the command line comes from, when known
 */
public record KubeletFlags(List<CommandLineFlag> flags, List<StrayArgument> strayArguments, Optional<Origin> execStart) {

    /** Rejects nulls and copies the lists. */
    public KubeletFlags {
        flags = List.copyOf(flags);
        strayArguments = List.copyOf(strayArguments);
        Objects.requireNonNull(execStart, "execStart");
    }

    /** Every occurrence of a flag, in order. */
    public List<CommandLineFlag> all(String flag) {
        String n = KubeletFlagCatalog.normalize(flag);
        List<CommandLineFlag> out = new ArrayList<>();
        for (CommandLineFlag f : flags) {
            if (f.name().equals(n)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /** The last occurrence of a flag (the one that counts for scalar flags). */
    public Optional<CommandLineFlag> last(String flag) {
        List<CommandLineFlag> all = all(flag);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Whether the flag is given at all. */
    public boolean has(String flag) {
        return last(flag).isPresent();
    }

    /** The value of the last occurrence, with the flag as its source ({@code true} for a bare flag). */
    public Optional<Setting<String>> value(String flag) {
        return last(flag).map(CommandLineFlag::asSetting);
    }

    /** The flags that came from one environment variable, e.g. {@code KUBELET_EXTRA_ARGS}. */
    public List<CommandLineFlag> fromVariable(String variable) {
        List<CommandLineFlag> out = new ArrayList<>();
        for (CommandLineFlag f : flags) {
            if (f.variable().map(variable::equals).orElse(false)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /** {@code --config}: the KubeletConfiguration file. */
    public Optional<Setting<String>> config() {
        return value("config");
    }

    /** {@code --config-dir}: the drop-in directory (1.28+). */
    public Optional<Setting<String>> configDir() {
        return value("config-dir");
    }

    /** {@code --container-runtime-endpoint}. */
    public Optional<Setting<String>> containerRuntimeEndpoint() {
        return value("container-runtime-endpoint");
    }

    /** {@code --pod-infra-container-image} (no effect since 1.29, removed in 1.35). */
    public Optional<Setting<String>> podInfraContainerImage() {
        return value("pod-infra-container-image");
    }

    /** {@code --cgroup-driver}. */
    public Optional<Setting<String>> cgroupDriver() {
        return value("cgroup-driver");
    }
}
