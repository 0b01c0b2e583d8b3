package dev.criconf.model.docker;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.catalog.CriDockerdFlagCatalog;
import dev.criconf.model.catalog.KnownVersions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * cri-dockerd's configuration, which is only its command line: the {@code ExecStart=} of
 * {@code cri-docker.service} after drop-ins (an empty {@code ExecStart=} resets it), and the
 * {@code ListenStream=} of {@code cri-docker.socket} that {@code --container-runtime-endpoint fd://}
 * hands over.
 *
 * @param unitFiles      the unit and drop-in files read, relative to the node root, in systemd's order
 * @param flags          the flags in command-line order (names as written, without dashes: cri-dockerd does not normalise)
 * @param strayArguments words that are neither flags nor flag values
 * @param execStart      the {@code ExecStart=} line in effect, when known
 * @param listenStream   the socket unit's {@code ListenStream=} as written ({@code %t} not expanded), when there is a socket unit
 */
public record CriDockerdConfig(List<String> unitFiles, List<CommandLineFlag> flags, List<StrayArgument> strayArguments,
        Optional<Origin> execStart, Optional<Setting<String>> listenStream) {

    /** Rejects nulls and copies the lists. */
    public CriDockerdConfig {
        unitFiles = List.copyOf(unitFiles);
        flags = List.copyOf(flags);
        strayArguments = List.copyOf(strayArguments);
        Objects.requireNonNull(execStart, "execStart");
        Objects.requireNonNull(listenStream, "listenStream");
    }

    /** The last occurrence of a flag (pflag: the last wins), with the flag as its source. */
    public Optional<Setting<String>> flag(String name) {
        String n = name.startsWith("--") ? name.substring(2) : name;
        for (int i = flags.size() - 1; i >= 0; i--) {
            if (flags.get(i).name().equals(n)) {
                return Optional.of(flags.get(i).asSetting());
            }
        }
        return Optional.empty();
    }

    /** {@code --container-runtime-endpoint}: where cri-dockerd listens ({@code fd://} for the socket unit's socket). */
    public Optional<Setting<String>> containerRuntimeEndpoint() {
        return flag(CriDockerdFlagCatalog.CONTAINER_RUNTIME_ENDPOINT);
    }

    /**
     * The endpoint cri-dockerd actually serves: the socket unit's {@code ListenStream} when the flag
     * is {@code fd://}, the flag otherwise, cri-dockerd's default when the flag is absent. Parse it with
     * {@link dev.criconf.model.CriEndpoint#fromListenStream} when it comes from the socket unit.
     */
    public Setting<String> listenEndpoint() {
        Optional<Setting<String>> f = containerRuntimeEndpoint();
        if (f.isPresent() && f.get().value().startsWith("fd://") && listenStream.isPresent()) {
            return listenStream.get();
        }
        return f.orElse(KnownVersions.criDockerdEndpoint());
    }

    /** {@code --docker-endpoint}: Docker's socket (default {@code unix:///var/run/docker.sock}). */
    public Optional<Setting<String>> dockerEndpoint() {
        return flag(CriDockerdFlagCatalog.DOCKER_ENDPOINT);
    }

    /** {@code --pod-infra-container-image}: the sandbox image. */
    public Optional<Setting<String>> podInfraContainerImage() {
        return flag(CriDockerdFlagCatalog.POD_INFRA_CONTAINER_IMAGE);
    }

    /** {@code --network-plugin} ({@code cni} by default; empty or {@code no-op} means no CNI). */
    public Optional<Setting<String>> networkPlugin() {
        return flag(CriDockerdFlagCatalog.NETWORK_PLUGIN);
    }

    /** {@code --cni-conf-dir}. */
    public Optional<Setting<String>> cniConfDir() {
        return flag("cni-conf-dir");
    }

    /** {@code --cni-bin-dir} (a comma-separated list). */
    public Optional<Setting<String>> cniBinDir() {
        return flag("cni-bin-dir");
    }

    /** Flags cri-dockerd does not know (fatal: it prints usage and exits), e.g. {@code --networkplugin}. */
    public List<CommandLineFlag> unknownFlags() {
        List<CommandLineFlag> out = new ArrayList<>();
        for (CommandLineFlag f : flags) {
            if (CriDockerdFlagCatalog.find(f.name()).isEmpty()) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
