package dev.criconf.cli;

import dev.criconf.cli.internal.CliException;
import dev.criconf.cli.internal.CliValue;
import dev.criconf.cli.internal.ConfigFile;
import dev.criconf.cli.internal.ConfigFiles;
import dev.criconf.cli.internal.FileTypes;
import dev.criconf.io.EditException;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.edit.NodeEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A small but real {@link NodeSource} for testing the node commands before the node loader exists:
 * it parses every file under a root whose format the command line can tell, reports their
 * problems, carries out {@link NodeEdit.SetValue} edits with the same lossless editors as
 * {@code criconf set}, and knows one effective kubelet setting (cgroupDriver from
 * {@code var/lib/kubelet/config.yaml}, over the v1beta1 default).
 */
class SyntaxOnlyNodeSource implements NodeSource {

    static final String KUBELET_CONFIG = "var/lib/kubelet/config.yaml";
    static final String CONTAINERD_CONFIG = "etc/containerd/config.toml";
    static final List<String> RUNC_SYSTEMD_CGROUP = List.of("plugins", "io.containerd.grpc.v1.cri", "containerd",
            "runtimes", "runc", "options", "SystemdCgroup");

    @Override
    public LoadedNode load(Path root, String displayRoot) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : files) {
            byName.put(root.relativize(f).toString().replace('\\', '/'), f);
        }
        return read(displayRoot, byName);
    }

    @Override
    public LoadedNode loadFiles(List<Path> files) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : files) {
            byName.put(f.toString().replace('\\', '/'), f);
        }
        return read("", byName);
    }

    private static LoadedNode read(String root, Map<String, Path> files) {
        Map<String, ConfigFiles.Opened> opened = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            boolean known;
            try {
                known = FileTypes.byName(e.getValue()).isPresent()
                        || FileTypes.byContent(Files.readAllBytes(e.getValue())).isPresent();
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            if (known) {
                ConfigFiles.Opened o = ConfigFiles.read(e.getValue(), e.getKey(), Optional.empty());
                opened.put(e.getKey(), o);
                problems.addAll(o.file().document().problems());
            }
        }
        NodeConfig config = new NodeConfig(root, List.copyOf(opened.keySet()), problems);
        return new Loaded(config, opened);
    }

    private record Loaded(NodeConfig config, Map<String, ConfigFiles.Opened> files) implements LoadedNode {

        @Override
        public List<FileChange> plan(List<NodeEdit> edits) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (NodeEdit e : edits) {
                NodeEdit edit = e;
                if (e instanceof NodeEdit.SetCgroupDriver d) {
                    edit = d.side() == NodeEdit.Side.KUBELET
                            ? new NodeEdit.SetValue(KUBELET_CONFIG, List.of("cgroupDriver"), d.driver().toString())
                            : new NodeEdit.SetValue(CONTAINERD_CONFIG, RUNC_SYSTEMD_CGROUP,
                                    Boolean.toString(d.driver() == CgroupDriver.SYSTEMD));
                }
                if (!(edit instanceof NodeEdit.SetValue set)) {
                    throw new EditException("this node source only applies SetValue edits, not " + edit.describe());
                }
                ConfigFiles.Opened o = files.get(set.file());
                if (o == null) {
                    throw new EditException("no file " + set.file() + " on this node");
                }
                String current = texts.getOrDefault(set.file(), new String(o.bytes(), StandardCharsets.UTF_8));
                ConfigFile file = reparse(o, current);
                ConfigFile.Edited edited;
                try {
                    edited = file.set(TomlPath.of(set.keyPath()).toString(), CliValue.parse(set.value()),
                            OptionalInt.empty());
                } catch (CliException x) {
                    throw new EditException(x.getMessage());
                }
                texts.put(set.file(), edited.text());
            }
            List<FileChange> out = new ArrayList<>();
            texts.forEach((name, text) -> out.add(new FileChange(files.get(name).path(), name, files.get(name).bytes(),
                    text.getBytes(StandardCharsets.UTF_8))));
            return out;
        }

        private static ConfigFile reparse(ConfigFiles.Opened o, String text) {
            return ConfigFiles.parse(o.file().type(), o.file().document().sourceName(),
                    text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public List<EffectiveSetting> effectiveKubelet() {
            List<Step> chain = new ArrayList<>();
            chain.add(new Step("cgroupfs", "default of KubeletConfiguration v1beta1", Optional.empty()));
            ConfigFiles.Opened kubelet = files.get(KUBELET_CONFIG);
            if (kubelet != null) {
                kubelet.file().get("cgroupDriver", OptionalInt.empty()).ifPresent(found -> chain.add(
                        new Step(String.valueOf(found.value()), "config file",
                                Optional.of(locate(kubelet, "cgroupDriver")))));
            }
            return List.of(new EffectiveSetting("cgroupDriver", chain.get(chain.size() - 1).value(), chain));
        }

        private static Origin locate(ConfigFiles.Opened o, String key) {
            String text = new String(o.bytes(), StandardCharsets.UTF_8);
            int at = text.indexOf(key + ":");
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            int column = at - text.lastIndexOf('\n', at - 1);
            return new Origin(KUBELET_CONFIG, line, column, at, key.length());
        }
    }
}
