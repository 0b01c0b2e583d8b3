package dev.criconf.validate.internal;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Secret;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdFile;
import dev.criconf.model.containerd.ContainerdRegistry;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.validate.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credentials a node's files hold, so reports can redact them wherever a message or snippet
 * would repeat them. Today only containerd's files hold any: {@code registry.auths} and
 * {@code registry.configs.<host>.auth} of the CRI plugin. Every file is searched, not only the
 * merged tree, because a credential an import overrides is still written on the node.
 */
public final class ContainerdCredentials {

    private ContainerdCredentials() {
    }

    /** Every credential found in the node's files. */
    public static Secrets from(NodeConfig node) {
        List<String> values = new ArrayList<>();
        node.containerd().ifPresent(c -> collect(c, values));
        return Secrets.of(values);
    }

    private static void collect(ContainerdConfig c, List<String> out) {
        ContainerdRegistry registry = c.cri().registry();
        for (ContainerdRegistry.Auth a : registry.auths().values()) {
            add(a, out);
        }
        for (ContainerdRegistry.HostConfig h : registry.configs().values()) {
            h.auth().ifPresent(a -> add(a, out));
        }
        // the typed view reads one schema's paths of the merged tree; files of another schema,
        // and values an import replaced, still hold credentials
        List<ConfigValue> trees = new ArrayList<>();
        trees.add(c.merged());
        for (ContainerdFile f : c.files()) {
            trees.add(f.tree());
        }
        for (ConfigValue tree : trees) {
            // every secret path passes through a "registry" key: only those strings need a path
            ScalarWalk.scalars(tree, (scalar, at) -> {
                if (scalar instanceof ConfigString s && ScalarWalk.Step.below(at, "registry")
                        && ContainerdConfig.isSecretPath(ScalarWalk.Step.path(at))) {
                    out.add(s.value());
                }
            });
        }
    }

    private static void add(ContainerdRegistry.Auth a, List<String> out) {
        for (Optional<Secret> s : List.of(a.username(), a.password(), a.auth(), a.identityToken())) {
            s.ifPresent(x -> out.add(x.reveal()));
        }
    }
}
