package dev.criconf.model.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * containerd plugin ids and where the CRI settings live in each config schema version.
 *
 * <p>Sources: containerd {@code services/server/config/config.go} (1.x, {@code GetVersion},
 * {@code V1DisabledFilter}/{@code V2DisabledFilter}), {@code cmd/containerd/server/config/config.go}
 * (2.x, {@code v1Migrate} rename map, {@code ValidateVersion}, {@code serviceMigrate} for v4),
 * {@code internal/cri/config/config.go} (v3 {@code ServerConfig}), {@code RELEASES.md} (minimum
 * release per schema). Details: research sheet {@code containerd.md} §1, §2, §11.
 */
public final class ContainerdPlugins {

    private ContainerdPlugins() {}

    /** The config schema versions ({@code version = N} at the top of {@code config.toml}). */
    public enum Schema {
        /** No {@code version} line (or {@code version = 1}): plugins by short id ({@code [plugins.cri]}); containerd 1.0+. */
        V1(1, "1.0"),
        /** {@code version = 2}: plugins by URI, one CRI table {@code io.containerd.grpc.v1.cri}; containerd 1.3+. */
        V2(2, "1.3"),
        /** {@code version = 3}: CRI split into {@code io.containerd.cri.v1.runtime} and {@code .images}; containerd 2.0+. */
        V3(3, "2.0"),
        /** {@code version = 4}: gRPC/ttrpc/metrics listeners become server plugins; containerd 2.3+. */
        V4(4, "2.3");

        private final int number;
        private final String minimumRelease;

        Schema(int number, String minimumRelease) {
            this.number = number;
            this.minimumRelease = minimumRelease;
        }

        /** The number written after {@code version =}. */
        public int number() {
            return number;
        }

        /** The first containerd release that reads this schema. */
        public String minimumRelease() {
            return minimumRelease;
        }

        /** The schema for a {@code version} value: 0 (absent) and 1 are V1; unknown numbers are empty. */
        public static Optional<Schema> of(long version) {
            if (version == 0 || version == 1) {
                return Optional.of(V1);
            }
            for (Schema s : values()) {
                if (s.number == version) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /** Whether plugins, {@code disabled_plugins} and {@code required_plugins} use full URIs (V2 and later). */
        public boolean usesPluginUris() {
            return this != V1;
        }
    }

    /** The short CRI plugin id of schema 1. */
    public static final String CRI_V1 = "cri";
    /** The CRI gRPC plugin: everything CRI in schema 2, only the streaming server in schemas 3 and 4. */
    public static final String GRPC_CRI = "io.containerd.grpc.v1.cri";
    /** Schema 3+: runtimes, CNI, kernel and security options. */
    public static final String CRI_RUNTIME = "io.containerd.cri.v1.runtime";
    /** Schema 3+: snapshotter, sandbox (pinned) images, registry, pull options. */
    public static final String CRI_IMAGES = "io.containerd.cri.v1.images";
    /** Schema 4: the gRPC listener ({@code address} moves here from {@code [grpc]}). */
    public static final String SERVER_GRPC = "io.containerd.server.v1.grpc";

    /** Other CRI-related plugin URIs of containerd 2.x that disable lists name (e.g. Talos). */
    public static final Set<String> OTHER_CRI_RELATED = Set.of(
            "io.containerd.podsandbox.controller.v1.podsandbox",
            "io.containerd.sandbox.controller.v1.shim",
            "io.containerd.grpc.v1.sandbox-controllers");

    /** Schema-2 server-only keys that stay in {@code io.containerd.grpc.v1.cri} from schema 3 on. */
    public static final Set<String> V3_SERVER_KEYS = Set.of(
            "disable_tcp_service", "stream_server_address", "stream_server_port", "stream_idle_timeout",
            "enable_tls_streaming", "x509_key_pair_streaming");

    private static final Map<String, String> V1_TO_V2 = new LinkedHashMap<>();

    static {
        V1_TO_V2.put("cri", GRPC_CRI);
        V1_TO_V2.put("cgroups", "io.containerd.monitor.v1.cgroups");
        V1_TO_V2.put("linux", "io.containerd.runtime.v1.linux");
        V1_TO_V2.put("scheduler", "io.containerd.gc.v1.scheduler");
        V1_TO_V2.put("bolt", "io.containerd.metadata.v1.bolt");
        V1_TO_V2.put("task", "io.containerd.runtime.v2.task");
        V1_TO_V2.put("opt", "io.containerd.internal.v1.opt");
        V1_TO_V2.put("restart", "io.containerd.internal.v1.restart");
        V1_TO_V2.put("tracing", "io.containerd.internal.v1.tracing");
        V1_TO_V2.put("otlp", "io.containerd.tracing.processor.v1.otlp");
        for (String s : List.of("aufs", "btrfs", "devmapper", "native", "overlayfs", "zfs", "windows", "windows-lcow")) {
            V1_TO_V2.put(s, "io.containerd.snapshotter.v1." + s);
        }
    }

    /**
     * The URI containerd 2.x's v1-to-v2 migration gives a short plugin id ({@code v1Migrate}):
     * the fixed renames, {@code *-service} to {@code io.containerd.service.v1.*}, any other name
     * without a dot to {@code io.containerd.grpc.v1.<name>}; names with a dot stay as they are.
     */
    public static String migrateV1Id(String id) {
        if (id.contains(".")) {
            return id;
        }
        String fixed = V1_TO_V2.get(id);
        if (fixed != null) {
            return fixed;
        }
        if (id.endsWith("-service")) {
            return "io.containerd.service.v1." + id;
        }
        return "io.containerd.grpc.v1." + id;
    }

    /** Whether a {@code disabled_plugins} entry disables CRI in a file of the given schema (any id or URI of the CRI plugins). */
    public static boolean disablesCri(String entry, Schema schema) {
        if (schema == Schema.V1) {
            return entry.equals(CRI_V1);
        }
        if (schema == Schema.V2) {
            return entry.equals(GRPC_CRI);
        }
        return entry.equals(GRPC_CRI) || entry.equals(CRI_RUNTIME) || entry.equals(CRI_IMAGES);
    }

    /**
     * Whether a {@code disabled_plugins} entry turns the CRI plugin off for a given release reading a
     * file of the given schema. containerd 1.x matches schema-1 files by short id only (Debian's
     * 1.6.20: {@code "cri"} disables CRI, {@code "io.containerd.grpc.v1.cri"} does not; see the
     * shared rule-facts notes, experiments e5a/e5b) and reads a schema-3 file it accepts as schema 2;
     * containerd 2.x first renames schema-1 ids ({@link #migrateV1Id}), then the gRPC CRI service and
     * the split runtime and images plugins each count.
     */
    public static boolean disablesCri(String entry, Schema schema, dev.criconf.model.ComponentVersion containerd) {
        if (containerd.major() < 2) {
            return disablesCri(entry, schema.number() >= 3 ? Schema.V2 : schema);
        }
        String id = schema == Schema.V1 ? migrateV1Id(entry) : entry;
        return id.equals(GRPC_CRI) || id.equals(CRI_RUNTIME) || id.equals(CRI_IMAGES);
    }

    /**
     * Whether a {@code disabled_plugins} or {@code required_plugins} entry makes a release refuse to
     * load a file of schema 2 or later ({@code invalid disabled plugin URI "cri" expect
     * io.containerd.x.vx}): 1.x {@code ValidateV2} wants at least four dot-separated parts, 2.x
     * {@code ValidateVersion} at least one dot (containerd services/server/config/config.go,
     * cmd/containerd/server/config/config.go; Debian 1.6.20, experiment e5c).
     */
    public static boolean rejectsPluginReference(String entry, Schema schema, dev.criconf.model.ComponentVersion containerd) {
        if (schema == Schema.V1) {
            return false;
        }
        return containerd.major() < 2 ? entry.split("\\.", -1).length < 4 : !entry.contains(".");
    }

    /**
     * Whether a plugin id may be written in a file of the given schema: short ids only in V1,
     * URIs ({@code io.containerd.x.vN.name}, at least four dot-separated parts) from V2 on.
     * Schema-3 CRI ids in a V2 file are URIs but belong to containerd 2.x ({@link #introducedIn}).
     */
    public static boolean idFitsSchema(String id, Schema schema) {
        boolean uri = id.split("\\.", -1).length >= 4;
        return schema.usesPluginUris() ? uri : !id.contains(".");
    }

    /** The schema in which a CRI plugin id first appears ({@code cri}: V1, {@code io.containerd.grpc.v1.cri}: V2, the split plugins: V3). */
    public static Optional<Schema> introducedIn(String pluginId) {
        switch (pluginId) {
            case CRI_V1:
                return Optional.of(Schema.V1);
            case GRPC_CRI:
                return Optional.of(Schema.V2);
            case CRI_RUNTIME:
            case CRI_IMAGES:
                return Optional.of(Schema.V3);
            case SERVER_GRPC:
                return Optional.of(Schema.V4);
            default:
                return Optional.empty();
        }
    }

    /** Table keys (under {@code plugins}) that hold runtimes, CNI and the CRI runtime options in a schema. */
    public static String runtimePlugin(Schema schema) {
        switch (schema) {
            case V1:
                return CRI_V1;
            case V2:
                return GRPC_CRI;
            default:
                return CRI_RUNTIME;
        }
    }

    /** Table key (under {@code plugins}) that holds the sandbox image and registry settings in a schema. */
    public static String imagesPlugin(Schema schema) {
        switch (schema) {
            case V1:
                return CRI_V1;
            case V2:
                return GRPC_CRI;
            default:
                return CRI_IMAGES;
        }
    }

    /** Key path, below {@code plugins.<imagesPlugin>}, of the sandbox image: {@code sandbox_image}, or {@code pinned_images.sandbox} from V3. */
    public static List<String> sandboxImageKeys(Schema schema) {
        return schema.number() >= 3 ? List.of("pinned_images", "sandbox") : List.of("sandbox_image");
    }

    /**
     * The highest schema a containerd release reads: 2 for 1.x, 3 for 2.0 to 2.2, 4 for 2.3 and later.
     * containerd 1.6 before 1.6.32 and 1.7 before 1.7.17 accept a higher number without a word and read
     * the file as version 2 ({@link #silentlyDowngrades}).
     */
    public static Schema highestSchema(dev.criconf.model.ComponentVersion containerd) {
        if (containerd.major() < 2) {
            return Schema.V2;
        }
        return containerd.isAtLeast(2, 3) ? Schema.V4 : Schema.V3;
    }

    /** Whether a containerd 1.x release reads {@code version = 3} as version 2 instead of rejecting it. */
    public static boolean silentlyDowngrades(dev.criconf.model.ComponentVersion containerd) {
        if (containerd.major() != 1) {
            return false;
        }
        if (containerd.minor() == 6) {
            return !containerd.isAtLeast(1, 6, 32);
        }
        if (containerd.minor() == 7) {
            return !containerd.isAtLeast(1, 7, 17);
        }
        return containerd.minor() < 6;
    }
}
