package dev.criconf.model.catalog;

import dev.criconf.model.ComponentVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * cri-dockerd's command-line flags (it has no configuration file). Unknown flags are fatal, and
 * names are not normalised: {@code --networkplugin} is not {@code --network-plugin}. No flag is
 * deprecated in any release read (v0.2.0 to v0.4.3).
 *
 * <p>Source: Mirantis/cri-dockerd {@code cmd/cri/options/options.go} at each tag (master
 * 246bd657); research sheet {@code crio-dockerd.md} §5.1.
 */
public final class CriDockerdFlagCatalog {

    /**
     * One flag.
     *
     * @param name    without dashes, e.g. {@code container-runtime-endpoint}
     * @param kind    how its value is written
     * @param addedIn first release with it
     */
    public record Flag(String name, FlagValueKind kind, ComponentVersion addedIn) {
        /** Rejects nulls. */
        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(addedIn, "addedIn");
        }

        /** Whether the release accepts the flag. */
        public boolean existsIn(ComponentVersion v) {
            return v.compareTo(addedIn) >= 0 || v.releaseLine().equals(addedIn.releaseLine()) && v.patch().isEmpty();
        }
    }

    /** The flag that names cri-dockerd's own CRI socket; {@code fd://} means the socket unit's. */
    public static final String CONTAINER_RUNTIME_ENDPOINT = "container-runtime-endpoint";
    /** The flag that names Docker's socket. */
    public static final String DOCKER_ENDPOINT = "docker-endpoint";
    /** The flag that names the sandbox (pause) image. */
    public static final String POD_INFRA_CONTAINER_IMAGE = "pod-infra-container-image";
    /** The flag that selects the network plugin ({@code cni}, {@code kubenet}, or empty / {@code no-op} for none). */
    public static final String NETWORK_PLUGIN = "network-plugin";

    private static final Map<String, Flag> FLAGS = new LinkedHashMap<>();

    private static void put(String name, FlagValueKind kind, int minor, int patch) {
        FLAGS.put(name, new Flag(name, kind, ComponentVersion.of(0, minor, patch)));
    }

    static {
        put(CONTAINER_RUNTIME_ENDPOINT, FlagValueKind.STRING, 2, 0);
        put(DOCKER_ENDPOINT, FlagValueKind.STRING, 2, 0);
        put("cri-dockerd-root-directory", FlagValueKind.STRING, 2, 0);
        put(POD_INFRA_CONTAINER_IMAGE, FlagValueKind.STRING, 2, 0);
        put("image-pull-progress-deadline", FlagValueKind.DURATION, 2, 0);
        put("runtime-request-timeout", FlagValueKind.DURATION, 2, 4);
        put("streaming-bind-addr", FlagValueKind.STRING, 2, 6);
        put("pod-cidr", FlagValueKind.STRING, 2, 0);
        put("ipv6-dual-stack", FlagValueKind.BOOLEAN, 2, 2);
        put(NETWORK_PLUGIN, FlagValueKind.STRING, 2, 0);
        put("cni-conf-dir", FlagValueKind.STRING, 2, 0);
        put("cni-bin-dir", FlagValueKind.LIST, 2, 0);
        put("cni-cache-dir", FlagValueKind.STRING, 2, 0);
        put("network-plugin-mtu", FlagValueKind.INTEGER, 2, 0);
        put("hairpin-mode", FlagValueKind.STRING, 2, 2);
        put("runtime-cgroups", FlagValueKind.STRING, 2, 0);
        put("log-level", FlagValueKind.STRING, 2, 0);
        put("version", FlagValueKind.BOOLEAN, 2, 0);
        put("buildinfo", FlagValueKind.BOOLEAN, 2, 1);
        put("help", FlagValueKind.BOOLEAN, 2, 0);
        put("h", FlagValueKind.BOOLEAN, 2, 0);
    }

    private CriDockerdFlagCatalog() {}

    /** The flag by its exact name (with or without leading dashes; no other normalisation, as cri-dockerd does none). */
    public static Optional<Flag> find(String flag) {
        String s = flag;
        while (s.startsWith("-")) {
            s = s.substring(1);
        }
        return Optional.ofNullable(FLAGS.get(s));
    }

    /** Every flag. */
    public static List<Flag> all() {
        return List.copyOf(FLAGS.values());
    }
}
