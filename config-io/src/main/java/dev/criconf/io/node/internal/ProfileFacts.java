package dev.criconf.io.node.internal;

import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.io.yaml.YamlNode;
import dev.criconf.io.yaml.YamlPath;
import dev.criconf.io.yaml.YamlScalar;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.Setting;
import java.util.Optional;

/**
 * The one profile fact the runtime readers need before the profile itself is read (by the kubelet
 * side, which owns {@code criconf.yaml}): {@code containerdVersion}, which decides containerd's merge
 * semantics. Problems in the profile are left to the profile's own reader.
 */
public final class ProfileFacts {

    /** The node profile, at the root. */
    public static final String PROFILE = "/criconf.yaml";

    private ProfileFacts() {}

    /** {@code containerdVersion} when the profile has a readable one. */
    public static Optional<Setting<ComponentVersion>> containerdVersion(LoadContext ctx) {
        NodeRootFiles.Read read = ctx.node().read(PROFILE);
        if (read.bytes().isEmpty()) {
            return Optional.empty();
        }
        YamlStream stream = ctx.parseYaml(LoadContext.rel(PROFILE), read.bytes().get());
        if (stream.documents().isEmpty()) {
            return Optional.empty();
        }
        Optional<YamlNode> node = stream.find(0, YamlPath.of("containerdVersion"));
        if (node.isEmpty() || !(node.get() instanceof YamlScalar s)) {
            return Optional.empty();
        }
        return ComponentVersion.parse(s.value().strip()).toOptional().map(v -> Setting.inFile(v, s.origin()));
    }
}
