package dev.criconf.model.catalog;

import dev.criconf.model.ComponentVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings containerd itself reports as deprecated, with the release that deprecated them, the one
 * that removed them (after which they are ignored, at most with an "Ignoring unknown key" log line)
 * and what to use instead.
 *
 * <p>Sources: containerd {@code pkg/deprecation/deprecation.go} on {@code release/1.7} (ids and
 * messages of 1.6.25+/1.7.9+) and in a 2.2-era snapshot (ids still reported by 2.x:
 * {@code cri-registry-mirrors}, {@code -auths}, {@code -configs}, {@code cri-cni-bin-dir} from 2.1,
 * the tracing plugin configs); {@code RELEASES.md} (removal of the 1.x-only keys in 2.0; registry
 * properties now slated for 2.4); research sheet {@code containerd.md} §3, §9, §10 ({@code no_pivot}
 * removed in 2.0, {@code plugin_dir} deprecated in 2.0 and removed in 2.1, commit 499238a52).
 */
public final class ContainerdDeprecations {

    private ContainerdDeprecations() {}

    /** Where a deprecated setting lives, relative to the file's schema. */
    public enum Where {
        /** Top level of {@code config.toml}. */
        TOP_LEVEL,
        /** The CRI plugin table that holds runtimes and CNI ({@link ContainerdPlugins#runtimePlugin}). */
        RUNTIME_PLUGIN,
        /** The CRI plugin table that holds images and the registry ({@link ContainerdPlugins#imagesPlugin}). */
        IMAGES_PLUGIN,
        /** Each {@code containerd.runtimes.<name>} table of the runtime plugin. */
        HANDLER,
        /** Each {@code containerd.runtimes.<name>.options} table. */
        HANDLER_OPTIONS,
        /** A whole plugin table; {@link Deprecation#path()} holds the plugin URI (schema-1 short ids are migrated first). */
        PLUGIN
    }

    /**
     * One deprecated setting.
     *
     * @param id             containerd's deprecation id (after {@code io.containerd.deprecation/}), or empty when
     *                       containerd reports it only as a log line or validation error
     * @param where          where it lives
     * @param path           key path below {@code where}
     * @param value          the deprecated value, when the value rather than the key is deprecated
     * @param since          the containerd release that deprecated it
     * @param firstRelease   the first release in which it counts as deprecated (e.g. 2.1 for {@code cni.bin_dir})
     * @param removedIn      the release that removed it
     * @param plannedRemoval the release containerd's documentation names for a removal that has not happened
     * @param replacement    what to use instead
     * @param minSchema      the lowest config schema in which the setting is written this way (e.g. 3 for
     *                       {@code cni.bin_dir} under {@code io.containerd.cri.v1.runtime}; schema-2 files are
     *                       migrated by containerd 2.1 without the warning)
     */
    public record Deprecation(String id, Where where, List<String> path, Optional<String> value, String since,
            ComponentVersion firstRelease, Optional<ComponentVersion> removedIn, Optional<String> plannedRemoval,
            String replacement, int minSchema) {
        /** Rejects nulls and copies the path. */
        public Deprecation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(where, "where");
            path = List.copyOf(path);
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(firstRelease, "firstRelease");
            Objects.requireNonNull(removedIn, "removedIn");
            Objects.requireNonNull(plannedRemoval, "plannedRemoval");
            Objects.requireNonNull(replacement, "replacement");
        }

        /** Whether a release still has the setting but reports it deprecated. */
        public boolean isDeprecatedIn(ComponentVersion containerd) {
            return reached(containerd, firstRelease) && !isRemovedIn(containerd);
        }

        /** Whether a release no longer has the setting (it is ignored). */
        public boolean isRemovedIn(ComponentVersion containerd) {
            return removedIn.map(r -> reached(containerd, r)).orElse(false);
        }

        /** Whether the setting is deprecated or already removed in a release. */
        public boolean appliesTo(ComponentVersion containerd) {
            return reached(containerd, firstRelease);
        }

        private static boolean reached(ComponentVersion containerd, ComponentVersion release) {
            return containerd.isAtLeast(release.major(), release.minor(), release.patch().orElse(0));
        }
    }

    private static final ComponentVersion ANY = ComponentVersion.of(1, 0);
    private static final Optional<ComponentVersion> V2_0 = Optional.of(ComponentVersion.of(2, 0));

    private static Deprecation removedIn2(String id, Where where, List<String> path, Optional<String> value, String since,
            String replacement) {
        return new Deprecation(id, where, path, value, since, ANY, V2_0, Optional.empty(), replacement, 1);
    }

    private static final List<Deprecation> ALL = List.of(
            removedIn2("cri-systemd-cgroup-v1", Where.RUNTIME_PLUGIN, List.of("systemd_cgroup"), Optional.empty(), "1.3",
                    "SystemdCgroup = true in the runc handler's options ([...containerd.runtimes.runc.options])"),
            removedIn2("cri-untrusted-workload-runtime", Where.RUNTIME_PLUGIN, List.of("containerd", "untrusted_workload_runtime"),
                    Optional.empty(), "1.2", "an 'untrusted' handler under containerd.runtimes, selected with a RuntimeClass"),
            removedIn2("cri-default-runtime", Where.RUNTIME_PLUGIN, List.of("containerd", "default_runtime"), Optional.empty(), "1.3",
                    "default_runtime_name and a handler under containerd.runtimes"),
            removedIn2("", Where.RUNTIME_PLUGIN, List.of("no_pivot"), Optional.empty(), "1.3",
                    "NoPivotRoot = true in the runc handler's options"),
            removedIn2("cri-runtime-engine", Where.HANDLER, List.of("runtime_engine"), Optional.empty(), "1.3",
                    "runtime_type = \"io.containerd.runc.v2\" with options.BinaryName"),
            removedIn2("cri-runtime-root", Where.HANDLER, List.of("runtime_root"), Optional.empty(), "1.3",
                    "runtime_type = \"io.containerd.runc.v2\" with options.Root"),
            removedIn2("runtime-v1", Where.HANDLER, List.of("runtime_type"), Optional.of("io.containerd.runtime.v1.linux"), "1.4",
                    "runtime_type = \"io.containerd.runc.v2\""),
            removedIn2("runtime-runc-v1", Where.HANDLER, List.of("runtime_type"), Optional.of("io.containerd.runc.v1"), "1.4",
                    "runtime_type = \"io.containerd.runc.v2\""),
            removedIn2("cri-criu-path", Where.HANDLER_OPTIONS, List.of("CriuPath"), Optional.empty(), "1.7",
                    "a criu binary in $PATH"),
            removedIn2("aufs-snapshotter", Where.RUNTIME_PLUGIN, List.of("containerd", "snapshotter"), Optional.of("aufs"), "1.5",
                    "snapshotter = \"overlayfs\""),
            new Deprecation("cri-registry-mirrors", Where.IMAGES_PLUGIN, List.of("registry", "mirrors"), Optional.empty(), "1.5",
                    ANY, Optional.empty(), Optional.of("2.4"),
                    "hosts.toml files under the directory named by registry.config_path (e.g. /etc/containerd/certs.d/docker.io/hosts.toml)",
                    1),
            new Deprecation("cri-registry-configs", Where.IMAGES_PLUGIN, List.of("registry", "configs"), Optional.empty(), "1.5",
                    ANY, Optional.empty(), Optional.of("2.4"),
                    "hosts.toml files under registry.config_path for TLS settings, and the kubelet's image pull secrets "
                            + "or credential provider for credentials", 1),
            new Deprecation("cri-registry-auths", Where.IMAGES_PLUGIN, List.of("registry", "auths"), Optional.empty(), "1.3",
                    ANY, Optional.empty(), Optional.of("2.4"),
                    "image pull secrets (ImagePullSecrets) or a kubelet credential provider", 1),
            new Deprecation("cri-cni-bin-dir", Where.RUNTIME_PLUGIN, List.of("cni", "bin_dir"), Optional.empty(), "2.1",
                    ComponentVersion.of(2, 1), Optional.empty(), Optional.empty(), "bin_dirs = [...] in the same section", 3),
            new Deprecation("tracing-processor-config", Where.PLUGIN, List.of("io.containerd.tracing.processor.v1.otlp"),
                    Optional.empty(), "1.6", ANY, Optional.empty(), Optional.empty(),
                    "the OTLP exporter environment variables (OTEL_EXPORTER_OTLP_*) in containerd's service environment", 1),
            new Deprecation("tracing-service-config", Where.PLUGIN, List.of("io.containerd.internal.v1.tracing"),
                    Optional.empty(), "1.6", ANY, Optional.empty(), Optional.empty(),
                    "the OpenTelemetry SDK environment variables (OTEL_SERVICE_NAME, OTEL_TRACES_SAMPLER, ...) in containerd's "
                            + "service environment", 1),
            new Deprecation("", Where.TOP_LEVEL, List.of("plugin_dir"), Optional.empty(), "2.0",
                    ComponentVersion.of(2, 0), Optional.of(ComponentVersion.of(2, 1)), Optional.empty(),
                    "proxy_plugins or a runtime shim (Go plugins loaded from plugin_dir are no longer supported)", 1));

    /** Every deprecated setting criconf knows. */
    public static List<Deprecation> all() {
        return ALL;
    }
}
