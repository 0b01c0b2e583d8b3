package dev.criconf.validate.internal.rules;

import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Setting;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdRegistry;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code docker-registry-not-migrated}: Docker's {@code daemon.json} has {@code registry-mirrors}
 * (Docker Hub mirrors) or {@code insecure-registries}, but the non-Docker runtime the kubelet uses
 * configures nothing for them: containerd has no {@code registry.mirrors}/{@code configs} entry and
 * no {@code <config_path>/<host>/hosts.toml} among the files read; CRI-O has no matching
 * {@code [[registry]]} in {@code /etc/containers/registries.conf(.d)} and (before 1.35) no
 * {@code insecure_registries} entry. Nothing to report when the kubelet uses Docker through
 * cri-dockerd.
 */
public final class DockerRegistryNotMigratedRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("docker-registry-not-migrated", Severity.INFO)
            .title("Docker's registry mirrors or insecure registries are not configured in the runtime in use")
            .rationale("Docker Engine's daemon.json settings apply to Docker only. After a node moves from Docker (dockershim "
                    + "or cri-dockerd) to containerd or CRI-O, the registry-mirrors (used for Docker Hub) and "
                    + "insecure-registries that daemon.json still lists have no effect on pods: image pulls go to Docker "
                    + "Hub directly (rate limits, or failures where only the mirror is reachable) and pulls from registries "
                    + "with self-signed or plain-HTTP endpoints fail with TLS errors. The Kubernetes migration guide asks to "
                    + "reconfigure them for the new runtime: hosts.toml files under containerd's registry config_path, or "
                    + "[[registry]] entries in CRI-O's /etc/containers/registries.conf. criconf sees only the files it read, "
                    + "so this is informational.")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/migrating-from-dockershim/change-runtime-containerd/")
            .reference("https://github.com/containerd/containerd/blob/main/docs/hosts.md")
            .reference("https://github.com/containers/image/blob/main/docs/containers-registries.conf.5.md")
            .example("etc/containerd/certs.d/docker.io/hosts.toml",
                    "# (missing: daemon.json has \"registry-mirrors\": [\"https://mirror.example.internal\"])\n",
                    "server = \"https://registry-1.docker.io\"\n[host.\"https://mirror.example.internal\"]\n"
                            + "  capabilities = [\"pull\", \"resolve\"]\n")
            .build();

    private static final List<String> DOCKER_HUB = List.of("docker.io", "registry-1.docker.io", "index.docker.io");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<DockerDaemonConfig> daemon = node.dockerDaemon();
        if (daemon.isEmpty() || (daemon.get().registryMirrors().isEmpty() && daemon.get().insecureRegistries().isEmpty())) {
            return;
        }
        CrossComponent x = CrossComponent.of(node, ctx);
        List<Runtime> used = x.kubeletRuntimes();
        if (used.stream().anyMatch(r -> r.kind() == ContainerRuntime.CRI_DOCKERD)) {
            return;
        }
        for (Runtime r : used) {
            Registries reg = registries(node, r);
            if (!daemon.get().registryMirrors().isEmpty() && DOCKER_HUB.stream().noneMatch(reg::knows)) {
                List<Setting<String>> mirrors = daemon.get().registryMirrors();
                report(ctx, daemon.get(), r, reg, mirrors, "registry-mirrors " + values(mirrors) + " for Docker Hub, but "
                        + r.name() + ", the runtime the kubelet uses, has no Docker Hub mirror (" + reg.howToCheck("docker.io")
                        + "): pods pull from Docker Hub directly, hitting its rate limits or failing where only the mirror is "
                        + "reachable. " + reg.howToAdd("docker.io", "a host entry for the mirror"));
            }
            List<Setting<String>> missing = new ArrayList<>();
            for (Setting<String> h : daemon.get().insecureRegistries()) {
                if (!reg.knows(host(h.value()))) {
                    missing.add(h);
                }
            }
            if (!missing.isEmpty()) {
                boolean cidr = missing.stream().anyMatch(h -> h.value().contains("/"));
                report(ctx, daemon.get(), r, reg, missing, "insecure-registries " + values(missing) + ", but " + r.name()
                        + ", the runtime the kubelet uses, has no setting for " + (missing.size() == 1 ? "it" : "them") + " ("
                        + reg.howToCheck(host(missing.get(0).value())) + "): pulls from registries with self-signed or plain-HTTP "
                        + "endpoints fail with TLS errors. " + reg.howToAdd(host(missing.get(0).value()),
                                "skip_verify = true (or an http:// host)")
                        + (cidr ? "; CIDR ranges have no equivalent there, list each registry host" : ""));
            }
        }
    }

    private static void report(RuleContext ctx, DockerDaemonConfig daemon, Runtime r, Registries reg, List<Setting<String>> entries,
            String what) {
        Origin at = entries.get(0).origin().orElse(daemon.tree().origin());
        Finding.Builder f = ctx.finding(at, daemon.file() + " sets " + what);
        f.related(reg.where(), r.name() + " registry configuration");
        f.report();
    }

    private static String values(List<Setting<String>> entries) {
        List<String> v = new ArrayList<>();
        for (Setting<String> s : entries) {
            v.add(s.value());
        }
        return String.join(", ", v);
    }

    // daemon.json entries are host[:port], URLs for mirrors, or CIDRs
    private static String host(String entry) {
        String h = entry.strip();
        int scheme = h.indexOf("://");
        if (scheme >= 0) {
            h = h.substring(scheme + 3);
        }
        if (!h.matches(".*/[0-9]{1,3}$")) {
            int slash = h.indexOf('/');
            if (slash >= 0) {
                h = h.substring(0, slash);
            }
        }
        return h.toLowerCase(Locale.ROOT);
    }

    /** What one runtime's registry configuration says about hosts. */
    private interface Registries {
        boolean knows(String host);

        String howToCheck(String host);

        String howToAdd(String host, String what);

        Origin where();
    }

    private static Registries registries(NodeConfig node, Runtime r) {
        if (r.kind() == ContainerRuntime.CONTAINERD && node.containerd().isPresent()) {
            return containerd(node, node.containerd().get(), r);
        }
        if (r.kind() == ContainerRuntime.CRIO && node.crio().isPresent()) {
            return crio(node, node.crio().get(), r);
        }
        return none(r);
    }

    private static Registries containerd(NodeConfig node, ContainerdConfig c, Runtime r) {
        ContainerdRegistry reg = c.cri().registry();
        Optional<Setting<String>> configPath = reg.configPath().filter(s -> !s.value().isBlank());
        List<String> dirs = new ArrayList<>();
        configPath.ifPresent(p -> {
            for (String d : p.value().split(":")) {
                String rel = d.strip();
                while (rel.startsWith("/")) {
                    rel = rel.substring(1);
                }
                while (rel.endsWith("/")) {
                    rel = rel.substring(0, rel.length() - 1);
                }
                if (!rel.isEmpty()) {
                    dirs.add(rel);
                }
            }
        });
        Origin where = configPath.flatMap(Setting::origin)
                .or(() -> reg.table().map(ConfigTable::origin))
                .or(() -> c.cri().imagesPluginTable().map(ConfigTable::origin))
                .orElse(r.home());
        return new Registries() {
            @Override
            public boolean knows(String host) {
                if (reg.mirrors().containsKey(host) || reg.configs().containsKey(host)) {
                    return true;
                }
                for (String d : dirs) {
                    if (node.files().contains(d + "/" + host + "/hosts.toml")) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String howToCheck(String host) {
                return configPath.isPresent()
                        ? "no " + configPath.get().value().split(":")[0] + "/" + host + "/hosts.toml among the files read"
                        : "no registry config_path and no registry.mirrors entry";
            }

            @Override
            public String howToAdd(String host, String what) {
                String dir = configPath.map(p -> p.value().split(":")[0]).orElse("/etc/containerd/certs.d");
                return "Add " + dir + "/" + host + "/hosts.toml with " + what
                        + (configPath.isPresent() ? "" : ", and set the CRI plugin's registry config_path = \"" + dir + "\"");
            }

            @Override
            public Origin where() {
                return where;
            }
        };
    }

    private static Registries crio(NodeConfig node, CrioConfig c, Runtime r) {
        boolean insecureKeyWorks = r.version().map(TargetVersion::version).map(v -> v.isBefore(1, 35)).orElse(true);
        List<ParsedFile> confs = new ArrayList<>();
        for (ParsedFile f : node.parsedFiles()) {
            if (f.path().equals("etc/containers/registries.conf") || f.path().startsWith("etc/containers/registries.conf.d/")) {
                confs.add(f);
            }
        }
        return new Registries() {
            @Override
            public boolean knows(String host) {
                if (insecureKeyWorks && c.insecureRegistries().stream().anyMatch(s -> host(s.value()).equals(host))) {
                    return true;
                }
                for (ParsedFile f : confs) {
                    for (ConfigValue doc : f.documents()) {
                        if (registriesConfNames(doc, host)) {
                            return true;
                        }
                    }
                }
                return false;
            }

            @Override
            public String howToCheck(String host) {
                return "no [[registry]] for " + host + " in /etc/containers/registries.conf among the files read";
            }

            @Override
            public String howToAdd(String host, String what) {
                return "Add a [[registry]] entry with prefix \"" + host + "\" to /etc/containers/registries.conf (or a file in "
                        + "registries.conf.d) with " + (what.startsWith("skip_verify") ? "insecure = true" : "a [[registry.mirror]]");
            }

            @Override
            public Origin where() {
                return r.home();
            }
        };
    }

    private static Registries none(Runtime r) {
        return new Registries() {
            @Override
            public boolean knows(String host) {
                return false;
            }

            @Override
            public String howToCheck(String host) {
                return "nothing configured";
            }

            @Override
            public String howToAdd(String host, String what) {
                return "Configure " + host + " in " + r.name();
            }

            @Override
            public Origin where() {
                return r.home();
            }
        };
    }

    // registries.conf v2: [[registry]] prefix/location = host (with mirrors or insecure); v1: [registries.insecure] registries
    private static boolean registriesConfNames(ConfigValue doc, String host) {
        Optional<ConfigTable> root = doc.asTable();
        if (root.isEmpty()) {
            return false;
        }
        Optional<ConfigValue> regs = root.get().get("registry");
        if (regs.isPresent() && regs.get().asArray().isPresent()) {
            for (ConfigValue item : regs.get().asArray().get().items()) {
                Optional<ConfigTable> t = item.asTable();
                if (t.isEmpty()) {
                    continue;
                }
                for (String key : List.of("prefix", "location")) {
                    Optional<String> v = t.get().get(key).flatMap(ConfigValue::asString);
                    if (v.isPresent() && host(v.get()).equals(host)) {
                        return true;
                    }
                }
            }
        }
        Optional<ConfigValue> v1 = root.get().find("registries", "insecure", "registries");
        return v1.isPresent() && CrossComponent.mentions(v1.get(), host);
    }
}
