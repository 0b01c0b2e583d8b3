package dev.criconf.cli.internal;

import dev.criconf.cli.NodeSource;
import dev.criconf.io.node.EditPlan;
import dev.criconf.io.node.NodeEditor;
import dev.criconf.io.node.NodeLoader;
import dev.criconf.io.node.NodeSecrets;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.validate.NodeVersions;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.TargetVersions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command line's nodes: read with {@link NodeLoader}, changed with {@link NodeEditor}. */
public final class LoaderNodeSource implements NodeSource {

    private final NodeLoader loader = NodeLoader.create();

    @Override
    public LoadedNode load(Path root, String displayRoot) {
        return new Loaded(root, loader.load(root));
    }

    @Override
    public LoadedNode loadFiles(List<Path> files) {
        // loose files are named as given, so edits resolve them against the working directory
        return new Loaded(Path.of(""), loader.loadFiles(files));
    }

    private record Loaded(Path root, NodeConfig config) implements LoadedNode {

        // without this the node's criconf.yaml versions never reach the rules
        @Override
        public TargetVersions versions() {
            return NodeVersions.from(config);
        }

        @Override
        public Secrets secrets() {
            return Secrets.of(NodeSecrets.of(config));
        }

        @Override
        public List<FileChange> plan(List<NodeEdit> edits) {
            EditPlan plan = NodeEditor.of(root, config).plan(edits);
            List<FileChange> out = new ArrayList<>();
            for (dev.criconf.io.node.FileChange c : plan.changes()) {
                out.add(new FileChange(root.resolve(c.file()), c.file(), c.before().orElse(new byte[0]), c.after()));
            }
            return out;
        }

        @Override
        public List<EffectiveSetting> effectiveKubelet() {
            Optional<EffectiveKubeletConfig> effective = config.effectiveKubelet();
            if (effective.isEmpty()) {
                return List.of();
            }
            List<NodeSource.EffectiveSetting> out = new ArrayList<>();
            for (Map.Entry<String, dev.criconf.model.kubelet.EffectiveSetting> e : effective.get().settings().entrySet()) {
                dev.criconf.model.kubelet.EffectiveSetting s = e.getValue();
                if (!s.isSet()) {
                    continue;
                }
                List<Step> chain = new ArrayList<>();
                s.defaultValue().ifPresent(d -> chain.add(new Step(d.value(), d.source().describe(), d.origin())));
                for (Setting<ConfigValue> c : s.contributions()) {
                    chain.add(new Step(ConfigValues.render(c.value(), 200), c.source().describe(), c.origin()));
                }
                out.add(new NodeSource.EffectiveSetting(e.getKey(), s.render(), chain));
            }
            for (Map.Entry<String, Setting<String>> f : effective.get().flagOnly().entrySet()) {
                Setting<String> s = f.getValue();
                out.add(new NodeSource.EffectiveSetting("--" + f.getKey(), s.value(),
                        List.of(new Step(s.value(), s.source().describe(), s.origin()))));
            }
            return out;
        }
    }
}
