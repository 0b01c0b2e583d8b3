package dev.criconf.model;

import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Facts about a node that its configuration files do not prove, from {@code criconf.yaml} at the
 * node root: releases of Kubernetes and the runtimes, the cgroup version, the init system and the
 * operating system. Rules take versions from an explicit option first, then from here, then from
 * what the files prove.
 *
 * @param file              the profile file, relative to the node root
 * @param kubernetesVersion {@code kubernetesVersion}
 * @param containerdVersion {@code containerdVersion}
 * @param crioVersion       {@code crioVersion}
 * @param criDockerdVersion {@code criDockerdVersion}
 * @param dockerVersion     {@code dockerVersion}
 * @param cgroupVersion     {@code cgroupVersion}: 1 or 2
 * @param init              {@code init}: {@code systemd} or {@code other}
 * @param os                {@code os}: {@code linux} or {@code windows}
 * @param problems          values that could not be read and keys the profile does not have
 */
public record NodeProfile(String file, Optional<Setting<KubernetesVersion>> kubernetesVersion,
        Optional<Setting<ComponentVersion>> containerdVersion, Optional<Setting<ComponentVersion>> crioVersion,
        Optional<Setting<ComponentVersion>> criDockerdVersion, Optional<Setting<ComponentVersion>> dockerVersion,
        Optional<Setting<CgroupVersion>> cgroupVersion, Optional<Setting<InitSystem>> init, Optional<Setting<NodeOs>> os,
        List<Problem> problems) {

    /** The host's cgroup hierarchy. */
    public enum CgroupVersion {
        /** Legacy or hybrid hierarchy. */
        V1,
        /** Unified hierarchy. */
        V2
    }

    /** The host's init system. */
    public enum InitSystem {
        /** systemd ({@code /run/systemd/system} exists). */
        SYSTEMD,
        /** Anything else. */
        OTHER
    }

    /** The node's operating system. */
    public enum NodeOs {
        /** Linux. */
        LINUX,
        /** Windows. */
        WINDOWS
    }

    /** The keys a profile may have. */
    public static final List<String> KEYS = List.of("kubernetesVersion", "containerdVersion", "crioVersion",
            "criDockerdVersion", "dockerVersion", "cgroupVersion", "init", "os");

    /** Rejects nulls and copies the list. */
    public NodeProfile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(containerdVersion, "containerdVersion");
        Objects.requireNonNull(crioVersion, "crioVersion");
        Objects.requireNonNull(criDockerdVersion, "criDockerdVersion");
        Objects.requireNonNull(dockerVersion, "dockerVersion");
        Objects.requireNonNull(cgroupVersion, "cgroupVersion");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(os, "os");
        problems = List.copyOf(problems);
    }

    /** A profile that says nothing. */
    public static NodeProfile empty(String file) {
        return new NodeProfile(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /**
     * Reads a profile document. Version numbers may be written unquoted: YAML reads {@code 1.30} as
     * the number 1.3, so the text as written is used. Bad values and unknown keys become
     * {@link Problem}s (kind {@code SYNTAX}) located at the value or key; the rest is still read.
     */
    public static NodeProfile fromTree(String file, ConfigValue document) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(document, "document");
        List<Problem> problems = new ArrayList<>();
        if (!(document instanceof ConfigTable t)) {
            problems.add(Problem.syntax(document.origin(), "a node profile is a mapping of keys such as kubernetesVersion: 1.30"));
            return new NodeProfile(file, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), problems);
        }
        for (ConfigEntry e : t.entries()) {
            if (!KEYS.contains(e.key())) {
                problems.add(Problem.syntax(e.keyOrigin(), "unknown key '" + e.key() + "' in the node profile; known keys: " + String.join(", ", KEYS)));
            }
        }
        return new NodeProfile(file,
                read(t, "kubernetesVersion", KubernetesVersion::parse, problems),
                read(t, "containerdVersion", ComponentVersion::parse, problems),
                read(t, "crioVersion", ComponentVersion::parse, problems),
                read(t, "criDockerdVersion", ComponentVersion::parse, problems),
                read(t, "dockerVersion", ComponentVersion::parse, problems),
                read(t, "cgroupVersion", s -> {
                    switch (s.toLowerCase(Locale.ROOT)) {
                        case "1": case "v1": return Parsed.ok(CgroupVersion.V1);
                        case "2": case "v2": return Parsed.ok(CgroupVersion.V2);
                        default: return Parsed.invalid(s, "cgroupVersion must be 1 or 2");
                    }
                }, problems),
                read(t, "init", s -> {
                    switch (s) {
                        case "systemd": return Parsed.ok(InitSystem.SYSTEMD);
                        case "other": return Parsed.ok(InitSystem.OTHER);
                        default: return Parsed.invalid(s, "init must be systemd or other");
                    }
                }, problems),
                read(t, "os", s -> {
                    switch (s) {
                        case "linux": return Parsed.ok(NodeOs.LINUX);
                        case "windows": return Parsed.ok(NodeOs.WINDOWS);
                        default: return Parsed.invalid(s, "os must be linux or windows");
                    }
                }, problems),
                problems);
    }

    private static <T> Optional<Setting<T>> read(ConfigTable t, String key, Function<String, Parsed<T>> parser, List<Problem> problems) {
        Optional<ConfigValue> v = t.get(key);
        if (v.isEmpty() || v.get().isNull()) {
            return Optional.empty();
        }
        String text;
        if (v.get() instanceof ConfigString s) {
            text = s.value();
        } else if (v.get() instanceof ConfigFloat || v.get() instanceof ConfigInteger) {
            text = ((dev.criconf.model.value.ConfigScalar) v.get()).raw();
        } else {
            problems.add(Problem.syntax(v.get().origin(), key + " must be a string or a number, not a " + v.get().type()));
            return Optional.empty();
        }
        Parsed<T> p = parser.apply(text);
        if (p instanceof Parsed.Invalid<T> bad) {
            problems.add(Problem.syntax(v.get().origin(), key + ": " + bad.message()));
            return Optional.empty();
        }
        return Optional.of(Setting.inFile(p.orElseThrow(), v.get().origin()));
    }
}
