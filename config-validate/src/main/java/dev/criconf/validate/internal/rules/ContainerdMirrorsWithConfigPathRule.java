package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.containerd.ContainerdRegistry;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.Optional;

/**
 * {@code containerd-mirrors-with-config-path}: the CRI registry has {@code mirrors} and a non-empty
 * {@code config_path}, which the CRI plugin refuses; the plugin is then not loaded.
 *
 * <p>{@code ValidateImageConfig} (2.x, {@code internal/cri/config/config.go}) and
 * {@code ValidatePluginConfig} (1.x): {@code if len(c.Registry.Mirrors) > 0 { if useConfigPath {
 * return ..., errors.New("`mirrors` cannot be set when `config_path` is provided") } }} (rule-facts
 * notes §2). containerd keeps running without CRI unless CRI is in {@code required_plugins};
 * {@code containerd config dump} does not run this validation. containerd 2.2.0 and 2.2.1 had a
 * non-empty default {@code config_path} ({@link KnownVersions#containerdRegistryConfigPath}), so
 * there any {@code mirrors} fails even without the key (issue #12612, fixed in 2.2.2).
 */
public final class ContainerdMirrorsWithConfigPathRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("containerd-mirrors-with-config-path",
                    Severity.ERROR)
            .title("containerd registry mirrors are set together with config_path")
            .rationale("containerd's CRI plugin reads registry hosts either from the deprecated registry.mirrors "
                    + "table or from hosts.toml files under registry.config_path, not both. With both set the plugin "
                    + "fails its validation ('`mirrors` cannot be set when `config_path` is provided') and is not "
                    + "loaded: containerd itself keeps running, so the service looks healthy, but the kubelet finds "
                    + "no CRI runtime. 'containerd config dump' does not run this check. containerd 2.2.0 and 2.2.1 "
                    + "set config_path by default, so any mirrors table failed there. Move each mirror into a "
                    + "<config_path>/<host>/hosts.toml file and delete the mirrors table.")
            .reference("https://github.com/containerd/containerd/blob/main/docs/hosts.md")
            .reference("https://github.com/containerd/containerd/blob/main/docs/cri/registry.md")
            .reference("https://github.com/containerd/containerd/issues/12612")
            .example("etc/containerd/config.toml",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"
                            + "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
                            + "  endpoint = [\"https://mirror.example.internal\"]\n",
                    "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"
                            + "# /etc/containerd/certs.d/docker.io/hosts.toml:\n"
                            + "#   server = \"https://registry-1.docker.io\"\n"
                            + "#   [host.\"https://mirror.example.internal\"]\n"
                            + "#     capabilities = [\"pull\", \"resolve\"]\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<RuntimeRuleSupport.CriInEffect> inEffect = RuntimeRuleSupport.criInEffect(node, ctx);
        if (inEffect.isEmpty()) {
            return;
        }
        ContainerdConfig containerd = inEffect.get().containerd();
        TargetVersion target = inEffect.get().target();
        ComponentVersion release = target.version();
        ContainerdCri cri = containerd.cri();
        ContainerdRegistry registry = cri.registry();
        Optional<ConfigEntry> mirrorsEntry = registry.mirrorsEntry();
        if (mirrorsEntry.isEmpty() || registry.mirrors().isEmpty()) {
            return;
        }
        String mirrorsHeader = RuntimeRuleSupport.pluginHeader(cri.imagesPluginId(), "registry", "mirrors");
        String hosts = String.join(", ", registry.mirrors().keySet());
        String firstHost = registry.mirrors().keySet().iterator().next();
        Optional<Setting<String>> configPath = registry.configPath();
        String path;
        Finding.Builder finding;
        String consequence = ": the CRI plugin fails its validation (`mirrors` cannot be set when `config_path` is "
                + "provided) and is not loaded, so containerd runs without CRI and the kubelet finds no container runtime. ";
        if (configPath.isPresent()) {
            if (configPath.get().value().isEmpty()) {
                return;
            }
            path = configPath.get().value();
            finding = ctx.finding(mirrorsEntry.get().keyOrigin(), mirrorsHeader + " (" + hosts + ") is set together with "
                    + "registry.config_path = \"" + path + "\"" + consequence + howTo(path, firstHost)
                    + RuntimeRuleSupport.assumption(target));
            if (configPath.get().origin().isPresent()) {
                finding.related(configPath.get().origin().get(), "config_path = \"" + path + "\"");
            }
        } else {
            Optional<Setting<String>> byDefault = KnownVersions.containerdRegistryConfigPath(release);
            if (byDefault.isEmpty() || byDefault.get().value().isEmpty()) {
                return;
            }
            path = byDefault.get().value();
            finding = ctx.finding(mirrorsEntry.get().keyOrigin(), mirrorsHeader + " (" + hosts + ") is set, and "
                    + RuntimeRuleSupport.name(target) + " sets registry.config_path = \"" + path + "\" by default ("
                    + byDefault.get().source().describe() + "; fixed in 2.2.2)" + consequence + howTo(path, firstHost)
                    + ", or upgrade to containerd 2.2.2 or later" + RuntimeRuleSupport.assumption(target));
        }
        finding.report();
    }

    private static String howTo(String configPath, String host) {
        String dir = configPath.split(":", -1)[0];
        return "Move each mirror into " + dir + "/<host>/hosts.toml (here " + dir + "/" + host
                + "/hosts.toml with a [host.\"<mirror URL>\"] entry) and delete the mirrors table";
    }
}
