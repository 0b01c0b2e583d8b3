package dev.criconf.model.containerd;

import dev.criconf.model.Origin;
import dev.criconf.model.Secret;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CRI plugin's {@code registry} table: {@code config_path} (the {@code hosts.toml} directory
 * list) and the deprecated {@code mirrors}, {@code configs} and {@code auths} (slated for removal
 * in containerd 2.4); {@code mirrors} together with {@code config_path} makes the CRI plugin fail to
 * load. Credentials are {@link Secret}s.
 *
 * @param table the {@code registry} table, when the file has one
 */
public record ContainerdRegistry(Optional<ConfigTable> table) {

    /** Rejects null. */
    public ContainerdRegistry {
        Objects.requireNonNull(table, "table");
    }

    /** A {@code mirrors."<host>"} entry. */
    public record Mirror(String host, Origin keyOrigin, List<Setting<String>> endpoints) {
        /** Rejects nulls and copies the list. */
        public Mirror {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(keyOrigin, "keyOrigin");
            endpoints = List.copyOf(endpoints);
        }
    }

    /** Credentials ({@code configs."<host>".auth} or {@code auths."<url>"}); each field is a {@link Secret}. */
    public record Auth(Origin origin, Optional<Secret> username, Optional<Secret> password, Optional<Secret> auth,
            Optional<Secret> identityToken) {
        /** Rejects nulls. */
        public Auth {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(identityToken, "identityToken");
        }

        static Auth of(ConfigTable t) {
            return new Auth(t.origin(), secret(t, "username"), secret(t, "password"), secret(t, "auth"), secret(t, "identitytoken"));
        }

        private static Optional<Secret> secret(ConfigTable t, String key) {
            return t.get(key).flatMap(v -> v.asString().map(s -> new Secret(s, v.origin())));
        }
    }

    /** A {@code configs."<host>"} entry: credentials and (1.x only) TLS settings. */
    public record HostConfig(String host, Origin keyOrigin, Optional<Auth> auth, Optional<ConfigTable> tls) {
        /** Rejects nulls. */
        public HostConfig {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(keyOrigin, "keyOrigin");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(tls, "tls");
        }
    }

    private java.util.Collection<ConfigEntry> sub(String key) {
        return table.map(t -> Trees.subTables(t, Match.EXACT, List.of(key)).values()).orElse(List.of());
    }

    /** {@code config_path}: directories of {@code <host>/hosts.toml}, separated by {@code :} ({@code ;} on Windows). */
    public Optional<Setting<String>> configPath() {
        return table.flatMap(t -> Trees.string(t, Match.EXACT, List.of("config_path")));
    }

    /** The {@code mirrors} table itself (where to point a finding). */
    public Optional<ConfigEntry> mirrorsEntry() {
        return table.flatMap(t -> t.entry("mirrors"));
    }

    /** {@code mirrors}, by host. */
    public Map<String, Mirror> mirrors() {
        Map<String, Mirror> out = new LinkedHashMap<>();
        for (ConfigEntry e : sub("mirrors")) {
            ConfigTable m = (ConfigTable) e.value();
            out.put(e.key(), new Mirror(e.key(), e.keyOrigin(), Trees.strings(m, Match.EXACT, List.of("endpoint"))));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The {@code configs} table itself. */
    public Optional<ConfigEntry> configsEntry() {
        return table.flatMap(t -> t.entry("configs"));
    }

    /** {@code configs}, by host. */
    public Map<String, HostConfig> configs() {
        Map<String, HostConfig> out = new LinkedHashMap<>();
        for (ConfigEntry e : sub("configs")) {
            ConfigTable c = (ConfigTable) e.value();
            out.put(e.key(), new HostConfig(e.key(), e.keyOrigin(), c.table("auth").map(Auth::of), c.table("tls")));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The {@code auths} table itself. */
    public Optional<ConfigEntry> authsEntry() {
        return table.flatMap(t -> t.entry("auths"));
    }

    /** {@code auths}, by registry URL. */
    public Map<String, Auth> auths() {
        Map<String, Auth> out = new LinkedHashMap<>();
        for (ConfigEntry e : sub("auths")) {
            out.put(e.key(), Auth.of((ConfigTable) e.value()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The hosts the registry settings name: mirror hosts and {@code configs} hosts. */
    public List<String> configuredHosts() {
        java.util.LinkedHashSet<String> hosts = new java.util.LinkedHashSet<>(mirrors().keySet());
        hosts.addAll(configs().keySet());
        return List.copyOf(hosts);
    }
}
