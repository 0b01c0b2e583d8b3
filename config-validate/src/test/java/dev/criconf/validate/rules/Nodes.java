package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.RuleSetting;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.Validator;
import java.util.List;
import java.util.Optional;

/**
 * Node pieces for the cross-component rule tests, built from {@code TestTrees} key paths: the
 * n-th key/value pair of a file sits on line n, its value at column 10 ({@code valueAt(file, n)}),
 * its key at column 1 ({@code keyAt(file, n)}), the file's root table at 1:1.
 */
final class Nodes {

    static final String KUBELET = "var/lib/kubelet/config.yaml";
    static final String KUBEADM_FLAGS = "var/lib/kubelet/kubeadm-flags.env";
    static final String EXTRA_ARGS = "etc/default/kubelet";
    static final String CONTAINERD = "etc/containerd/config.toml";
    static final String CRIO = "etc/crio/crio.conf";
    static final String DAEMON = "etc/docker/daemon.json";
    static final String CRI_DOCKERD = "etc/systemd/system/cri-docker.service";
    static final String CRI_DOCKERD_SOCKET = "usr/lib/systemd/system/cri-docker.socket";
    static final String PROFILE = "criconf.yaml";
    static final String KUBEADM = "etc/kubernetes/kubeadm.yaml";

    /** containerd schema-2 CRI plugin prefix. */
    static final String V2 = "plugins.\"io.containerd.grpc.v1.cri\".";
    /** containerd schema-3 runtime plugin prefix. */
    static final String V3_RUNTIME = "plugins.\"io.containerd.cri.v1.runtime\".";
    /** containerd schema-3 images plugin prefix. */
    static final String V3_IMAGES = "plugins.\"io.containerd.cri.v1.images\".";

    private Nodes() {
    }

    static NodeConfig.Builder node() {
        return NodeConfig.builder("nodes/test");
    }

    static KubeletConfiguration kubelet(Object... pathsAndValues) {
        return new KubeletConfiguration(KUBELET, tree(KUBELET, pathsAndValues));
    }

    static ContainerdConfig containerd(Object... pathsAndValues) {
        return ContainerdConfig.single(CONTAINERD, tree(CONTAINERD, pathsAndValues));
    }

    static CrioConfig crio(Object... pathsAndValues) {
        return CrioConfig.single(CRIO, CrioFile.Role.MAIN, tree(CRIO, pathsAndValues));
    }

    static DockerDaemonConfig daemon(Object... pathsAndValues) {
        return new DockerDaemonConfig(DAEMON, tree(DAEMON, pathsAndValues));
    }

    static NodeProfile profile(Object... pathsAndValues) {
        NodeProfile p = NodeProfile.fromTree(PROFILE, tree(PROFILE, pathsAndValues));
        if (!p.problems().isEmpty()) {
            throw new IllegalArgumentException(p.problems().toString());
        }
        return p;
    }

    /** A {@code --name=value} flag word on {@code line} of an environment file: the flag at column 1, the value at column 10. */
    static CommandLineFlag flag(String file, int line, String name, String value) {
        String variable = file.equals(EXTRA_ARGS) ? "KUBELET_EXTRA_ARGS" : "KUBELET_KUBEADM_ARGS";
        return new CommandLineFlag(name, "--" + name + "=" + value, Optional.of(value), CommandLineFlag.Form.EQUALS,
                keyAt(file, line), Optional.of(valueAt(file, line)), Optional.of(variable));
    }

    static KubeletFlags flags(CommandLineFlag... flags) {
        return new KubeletFlags(List.of(flags), List.of(), Optional.of(Origin.ofFile("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf")));
    }

    /** cri-dockerd's command line in its unit, flag {@code i} on line {@code i + 10}. */
    static CriDockerdConfig criDockerd(Optional<Setting<String>> listenStream, String... namesAndValues) {
        CommandLineFlag[] flags = new CommandLineFlag[namesAndValues.length / 2];
        for (int i = 0; i < flags.length; i++) {
            String name = namesAndValues[2 * i];
            String value = namesAndValues[2 * i + 1];
            flags[i] = new CommandLineFlag(name, "--" + name, Optional.of(value), CommandLineFlag.Form.SEPARATE,
                    keyAt(CRI_DOCKERD, i + 10), Optional.of(valueAt(CRI_DOCKERD, i + 10)), Optional.empty());
        }
        return new CriDockerdConfig(List.of(CRI_DOCKERD), List.of(flags), List.of(), Optional.of(keyAt(CRI_DOCKERD, 9)), listenStream);
    }

    static TargetVersion option(TargetComponent c, String version) {
        return TargetVersion.option(c, version, "--" + c.profileKey());
    }

    static List<Finding> run(Rule rule, NodeConfig node, TargetVersion... options) {
        return Validator.builder().ruleSet(RuleSet.of(rule)).targetVersions(TargetVersions.of(options)).build()
                .validate(node).findings();
    }

    static List<Finding> run(Rule rule, RuleSetting setting, NodeConfig node, TargetVersion... options) {
        return Validator.builder().ruleSet(RuleSet.of(rule)).targetVersions(TargetVersions.of(options))
                .override(rule.id(), setting).build().validate(node).findings();
    }

    /** Every built-in rule's findings of the given ids. */
    static List<Finding> runAll(NodeConfig node, List<String> ids, TargetVersion... options) {
        return Validator.builder().targetVersions(TargetVersions.of(options)).build().validate(node).findings().stream()
                .filter(f -> ids.contains(f.ruleId())).toList();
    }
}
