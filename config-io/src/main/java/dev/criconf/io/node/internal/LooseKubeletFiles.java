package dev.criconf.io.node.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.codec.internal.YamlTrees;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.kubelet.KubeletSources;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kubelet side of loose files: {@code criconf.yaml}, kubeadm configurations, KubeletConfiguration
 * files (the first one is the {@code --config} file, later ones and {@code *.conf} files are drop-ins,
 * in the order given), environment files, and {@code kubelet.service} with drop-ins (combined in the
 * order given; the environment files given supply the variables of {@code ExecStart=}).
 */
final class LooseKubeletFiles {

    /** In a fixed order: the list is quoted in a problem message, which must not change from run to run. */
    private static final List<String> KUBEADM_KINDS = List.of("InitConfiguration", "ClusterConfiguration", "JoinConfiguration",
            "UpgradeConfiguration", "ResetConfiguration");

    private final NodeConfig.Builder b;
    private final ParseLimits limits;
    private Optional<KubeletConfiguration> config = Optional.empty();
    private final List<KubeletConfiguration> dropIns = new ArrayList<>();
    private final List<UnitFile> units = new ArrayList<>();
    private final List<EnvFile> envFiles = new ArrayList<>();
    private Optional<NodeProfile> profile = Optional.empty();
    private Optional<KubeadmConfig> kubeadm = Optional.empty();

    LooseKubeletFiles(NodeConfig.Builder builder, ParseLimits limits) {
        this.b = builder;
        this.limits = limits;
    }

    void unit(String name, byte[] bytes) {
        UnitFile unit = UnitFile.parse(name, bytes, limits);
        b.addProblems(unit.problems());
        b.addParsedFile(new ParsedFile(name, FileFormat.SYSTEMD_UNIT, Component.KUBELET, List.of()));
        units.add(unit);
    }

    void envFile(String name, byte[] bytes) {
        EnvFile f = EnvFile.parse(name, bytes, limits);
        b.addProblems(f.problems());
        b.addParsedFile(new ParsedFile(name, FileFormat.ENVIRONMENT, Component.KUBELET, List.of()));
        b.addKubeletEnvFile(KubeletReader.toModel(f));
        envFiles.add(f);
    }

    /**
     * A YAML (or JSON) file: the profile, a kubeadm configuration or a KubeletConfiguration. With
     * {@code onlyIfKnown}, a file that is none of them is left alone (false) for the caller to report.
     */
    boolean yaml(String name, byte[] bytes, boolean onlyIfKnown) {
        YamlStream stream = YamlStream.parse(name, bytes, limits);
        YamlTrees.Trees trees = YamlTrees.of(stream);
        String file = name.substring(name.lastIndexOf('/') + 1);
        List<String> kinds = new ArrayList<>();
        for (ConfigValue d : trees.documents()) {
            if (d instanceof ConfigTable t) {
                t.string("kind").ifPresent(kinds::add);
            }
        }
        Component component;
        if (file.equals(KubeletReader.PROFILE)) {
            component = Component.CRICONF;
            NodeProfile p = trees.first().map(d -> NodeProfile.fromTree(name, d)).orElse(NodeProfile.empty(name));
            b.addProblems(p.problems());
            profile = Optional.of(p);
        } else if (kinds.stream().anyMatch(KUBEADM_KINDS::contains)) {
            component = Component.KUBEADM;
            kubeadm = Optional.of(new KubeadmConfig(name, trees.documents()));
        } else if (kinds.contains("KubeletConfiguration")) {
            component = Component.KUBELET;
            ConfigTable t = (ConfigTable) trees.documents().get(firstOfKind(trees));
            KubeletConfiguration k = new KubeletConfiguration(name, t);
            if (config.isEmpty() && !file.endsWith(".conf")) {
                config = Optional.of(k);
            } else {
                dropIns.add(k);
            }
        } else if (onlyIfKnown) {
            return false;
        } else {
            component = Component.KUBELET;
            b.addProblem(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(name), "a YAML file criconf does not know: not a "
                    + "KubeletConfiguration, a kubeadm configuration (" + String.join(", ", KUBEADM_KINDS) + ") or " + KubeletReader.PROFILE));
        }
        b.addProblems(stream.problems());
        b.addProblems(trees.problems());
        b.addParsedFile(new ParsedFile(name, FileFormat.YAML, component, trees.documents()));
        return true;
    }

    private static int firstOfKind(YamlTrees.Trees trees) {
        for (int i = 0; i < trees.documents().size(); i++) {
            if (trees.documents().get(i) instanceof ConfigTable t && t.string("kind").filter("KubeletConfiguration"::equals).isPresent()) {
                return i;
            }
        }
        return 0;
    }

    /** Adds what was read to the builder, with the effective configuration when there is a kubelet file. */
    void finish() {
        List<String> assumptions = new ArrayList<>();
        Optional<KubeletFlags> flags = Optional.empty();
        Optional<String> unitFile = Optional.empty();
        List<String> unitDropIns = new ArrayList<>();
        if (!units.isEmpty()) {
            for (UnitFile u : units) {
                if (u.sourceName().endsWith(".service") && unitFile.isEmpty()) {
                    unitFile = Optional.of(u.sourceName());
                } else {
                    unitDropIns.add(u.sourceName());
                }
            }
            Optional<CommandLine> line = LooseUnits.execStart(units, KubeletReader.UNIT, envFiles);
            if (line.isPresent()) {
                CommandLineFlags converted = CommandLineFlags.kubelet(line.get());
                b.addProblems(converted.problems());
                flags = Optional.of(new KubeletFlags(converted.flags(), converted.strayArguments(),
                        Optional.of(line.get().command().assignment().origin())));
                b.kubeletFlags(flags.get());
            }
            if (!envFiles.isEmpty()) {
                assumptions.add("the environment files given (" + String.join(", ", envFiles.stream().map(EnvFile::sourceName).toList())
                        + ") supply the variables of the unit's ExecStart=");
            }
        }
        profile.ifPresent(b::profile);
        kubeadm.ifPresent(b::kubeadm);
        config.ifPresent(b::kubeletConfiguration);
        dropIns.forEach(b::addKubeletDropIn);
        if (config.isEmpty() && dropIns.isEmpty() && flags.isEmpty()) {
            return;
        }
        KubernetesVersion version = profile.flatMap(NodeProfile::kubernetesVersion).map(Setting::value)
                .or(() -> kubeadm.flatMap(KubeadmConfig::kubernetesVersion).flatMap(s -> KubernetesVersion.parse(s.value()).toOptional()))
                .orElseGet(() -> {
                    assumptions.add("the kubelet's defaults are those of Kubernetes " + KubeletReader.ASSUMED_VERSION
                            + ": no criconf.yaml or kubeadm configuration among the files names the release");
                    return KubeletReader.ASSUMED_VERSION;
                });
        EffectiveKubeletConfig effective = EffectiveKubeletConfig.compute(version, config, dropIns, flags);
        b.addProblems(effective.problems());
        b.effectiveKubelet(effective);
        b.kubeletSources(new KubeletSources(unitFile, false, unitDropIns, List.of(), List.of(),
                envFiles.stream().map(EnvFile::sourceName).toList(), config.map(KubeletConfiguration::file), Optional.empty(), assumptions));
    }
}
