package dev.criconf.validate.internal.rules;

import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.internal.rules.KubeletNodes.CONFIG;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeMismatchRuleTest {

    private static final TypeMismatchRule RULE = new TypeMismatchRule();
    private static final String TOML = "etc/containerd/config.toml";

    private static NodeConfig config(ConfigTable t) {
        return NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration(CONFIG, t)).build();
    }

    @Test
    void aQuotedTrueForSystemdCgroup() {
        ConfigTable t = tree(TOML, "version", 2,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup", "true");
        List<Finding> f = run(RULE, null, NodeConfig.builder("n").containerd(ContainerdConfig.single(TOML, t)).build());
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("type-mismatch", x.ruleId());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(valueAt(TOML, 3), x.location());
        assertEquals("'plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup' is the string "
                + "\"true\" but containerd expects a boolean; containerd starts, but every pod sandbox of this runtime "
                + "fails to start; write true without quotes", x.message());
    }

    @Test
    void aStringVersionStopsContainerd() {
        List<Finding> f = run(RULE, null, NodeConfig.builder("n")
                .containerd(ContainerdConfig.single(TOML, tree(TOML, "version", "2"))).build());
        assertEquals("'version' is the string \"2\" but containerd expects an integer; containerd refuses to start; write 2 "
                + "without quotes", f.get(0).message());
    }

    @Test
    void kubeletYamlIsTypedAsTheKubeletReadsIt() {
        // a YAML 1.2 parser made 'no' a string: the kubelet still reads a boolean, which failSwapOn wants
        ConfigTable ok = tree(CONFIG, "failSwapOn", new ConfigString("no", "no", valueAt(CONFIG, 1)));
        assertEquals(List.of(), run(RULE, null, config(ok)));
        // ... and 'yes' is a boolean where cgroupDriver needs a string
        ConfigTable bad = tree(CONFIG, "cgroupDriver", new ConfigString("yes", "yes", valueAt(CONFIG, 1)));
        List<Finding> f = run(RULE, null, config(bad));
        assertEquals(1, f.size());
        assertEquals("'cgroupDriver' is the unquoted yes, which YAML 1.1 reads as the boolean true, but the kubelet "
                + "expects a string; the kubelet refuses to start (\"failed to decode\"); quote it: \"yes\"", f.get(0).message());
        // a quoted "false" is a string for every reader
        List<Finding> quoted = run(RULE, null, config(tree(CONFIG, "failSwapOn", "false")));
        assertEquals("'failSwapOn' is the string \"false\" but the kubelet expects a boolean; the kubelet refuses to start "
                + "(\"failed to decode\"); write false without quotes", quoted.get(0).message());
    }

    @Test
    void jsonKubeletConfigIsTakenAsWritten() {
        String json = "var/lib/kubelet/config.json";
        ConfigTable t = tree(json, "failSwapOn", new ConfigString("no", "\"no\"", valueAt(json, 1)));
        assertEquals(1, run(RULE, null, NodeConfig.builder("n")
                .kubeletConfiguration(new KubeletConfiguration(json, t)).build()).size());
    }

    @Test
    void daemonJson() {
        String f = "etc/docker/daemon.json";
        NodeConfig n = NodeConfig.builder("n").dockerDaemon(new DockerDaemonConfig(f, tree(f,
                "exec-opts", List.of("native.cgroupdriver=systemd"), "log-opts.max-file", 3))).build();
        List<Finding> findings = run(RULE, null, n);
        assertEquals(1, findings.size());
        assertEquals("'log-opts.max-file' is the integer 3 but Docker expects a string; dockerd refuses to start; quote it: "
                + "\"3\"", findings.get(0).message());
    }

    @Test
    void wellTypedFilesAreQuiet() {
        assertEquals(List.of(), run(RULE, null, config(tree(CONFIG, "failSwapOn", false, "maxPods", 110,
                "cgroupDriver", "systemd", "evictionHard.\"memory.available\"", "100Mi"))));
    }
}
