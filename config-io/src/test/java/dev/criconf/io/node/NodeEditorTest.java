package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.edit.NodeEdit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every typed edit on small realistic nodes: the exact text of each changed file, nothing else touched. */
class NodeEditorTest {

    static final String DROP_IN_PATH = "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";
    static final String KUBELET_YAML = "var/lib/kubelet/config.yaml";
    static final String FLAGS_ENV = "var/lib/kubelet/kubeadm-flags.env";
    static final String CONTAINERD = "etc/containerd/config.toml";
    static final String HEADER = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n";
    static final String CONTAINERD_SOCK = "unix:///run/containerd/containerd.sock";

    static final String CONTAINERD_V2 = "version = 2\n\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
            + "  sandbox_image = \"registry.k8s.io/pause:3.9\"\n\n"
            + "  [plugins.\"io.containerd.grpc.v1.cri\".containerd]\n"
            + "    default_runtime_name = \"runc\"\n\n"
            + "    [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
            + "      runtime_type = \"io.containerd.runc.v2\"\n\n"
            + "      [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
            + "        SystemdCgroup = false # cgroupfs\n";

    @TempDir
    Path root;

    private NodeRoots tree() {
        return new NodeRoots(root);
    }

    /** A kubeadm node: packaged drop-in, profile, kubeadm-flags.env and config.yaml. */
    private NodeRoots kubeadmNode(String flags, String configBody) {
        return tree().write(DROP_IN_PATH, NodeTree.KUBEADM_DROP_IN)
                .write("criconf.yaml", "kubernetesVersion: \"1.31.0\"\n")
                .write(FLAGS_ENV, flags)
                .write(KUBELET_YAML, HEADER + configBody);
    }

    private NodeRoots containerdNode(String kubeletBody, String containerdToml) {
        return kubeadmNode("KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.5\"\n",
                kubeletBody + "containerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n").write(CONTAINERD, containerdToml);
    }

    private NodeConfig load() {
        return NodeLoader.create().load(root);
    }

    private NodeEditor editor() {
        return NodeEditor.of(root, load());
    }

    private Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Writes the plan and checks the disk: exactly the files in {@code expected} changed or appeared,
     * with exactly that text, and the plan listed exactly those files.
     */
    private void writeAndExpect(EditPlan plan, Map<String, String> expected) {
        Map<String, String> before = snapshot();
        assertEquals(new java.util.TreeSet<>(expected.keySet()),
                plan.changes().stream().map(FileChange::file).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)),
                "files in the plan");
        for (FileChange c : plan.changes()) {
            assertEquals(expected.get(c.file()), c.afterText(), "planned text of " + c.file());
            assertEquals(!before.containsKey(c.file()), c.creates(), "creates " + c.file());
        }
        assertEquals(before, snapshot(), "nothing written before write()");
        plan.write();
        Map<String, String> want = new TreeMap<>(before);
        want.putAll(expected);
        assertEquals(want, snapshot());
    }

    private static String kubeletDriver(NodeConfig node) {
        return node.effectiveKubelet().orElseThrow().cgroupDriver().map(Setting::value).orElse("<unset>");
    }

    private static String containerdDriver(NodeConfig node) {
        return node.containerd().orElseThrow().cri().defaultRuntime()
                .flatMap(r -> r.systemdCgroup()).map(Setting::value).orElse(false) ? "systemd" : "cgroupfs";
    }

    // ---- setCgroupDriver -----------------------------------------------------------------------

    @Test
    void cgroupDriverKubeletSideInConfigYaml() {
        containerdNode("cgroupDriver: cgroupfs # was the default once\n", CONTAINERD_V2.replace("false # cgroupfs", "true"));
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(KUBELET_YAML,
                HEADER + "cgroupDriver: systemd # was the default once\ncontainerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n"));
        NodeConfig after = load();
        assertEquals("systemd", kubeletDriver(after));
        assertEquals("systemd", containerdDriver(after));
    }

    @Test
    void cgroupDriverKubeletSideAsFlag() {
        kubeadmNode("KUBELET_KUBEADM_ARGS=\"--cgroup-driver=cgroupfs --node-ip=10.0.0.5\"\n",
                "cgroupDriver: systemd\ncontainerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n")
                .write(CONTAINERD, CONTAINERD_V2.replace("false # cgroupfs", "true"));
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(FLAGS_ENV,
                "KUBELET_KUBEADM_ARGS=\"--cgroup-driver=systemd --node-ip=10.0.0.5\"\n"));
        NodeConfig after = load();
        assertEquals("systemd", kubeletDriver(after));
        assertEquals("systemd", containerdDriver(after));
    }

    @Test
    void cgroupDriverContainerdV2WithOptionsTable() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD),
                Map.of(CONTAINERD, CONTAINERD_V2.replace("SystemdCgroup = false", "SystemdCgroup = true")));
        assertEquals("systemd", containerdDriver(load()));
    }

    @Test
    void cgroupDriverContainerdV2WithoutOptionsTable() {
        String toml = CONTAINERD_V2.substring(0, CONTAINERD_V2.indexOf("\n      [plugins")) ;
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(CONTAINERD, toml
                + "\n      [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n        SystemdCgroup = true\n"));
        NodeConfig after = load();
        assertEquals("systemd", containerdDriver(after));
        assertEquals("systemd", kubeletDriver(after));
    }

    static final String CONTAINERD_V3 = "version = 3\n\n"
            + "[plugins.'io.containerd.cri.v1.images'.pinned_images]\n"
            + "  sandbox = 'registry.k8s.io/pause:3.10'\n\n"
            + "[plugins.'io.containerd.cri.v1.runtime'.containerd]\n"
            + "  default_runtime_name = 'runc'\n\n"
            + "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]\n"
            + "  runtime_type = 'io.containerd.runc.v2'\n";

    @Test
    void cgroupDriverContainerdV3WithOptionsTable() {
        String toml = CONTAINERD_V3 + "\n[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n"
                + "  BinaryName = '/usr/bin/runc'\n";
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(CONTAINERD,
                toml + "  SystemdCgroup = true\n"));
        assertEquals("systemd", containerdDriver(load()));
    }

    @Test
    void cgroupDriverContainerdV3WithoutOptionsTable() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V3);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(CONTAINERD, CONTAINERD_V3
                + "\n[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n  SystemdCgroup = true\n"));
        assertEquals("systemd", containerdDriver(load()));
    }

    @Test
    void cgroupDriverBothSidesAtOnce() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2.replace("false # cgroupfs", "true"));
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.CGROUPFS), Map.of(
                KUBELET_YAML, HEADER + "cgroupDriver: cgroupfs\ncontainerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n",
                CONTAINERD, CONTAINERD_V2.replace("false # cgroupfs", "false")));
        NodeConfig after = load();
        assertEquals("cgroupfs", kubeletDriver(after));
        assertEquals("cgroupfs", containerdDriver(after));
    }

    @Test
    void cgroupDriverContainerdWithoutRuncTableAddsRuntimeType() {
        String toml = "version = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"registry.k8s.io/pause:3.9\"\n";
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(CONTAINERD, toml
                + "\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n  runtime_type = \"io.containerd.runc.v2\"\n"
                + "\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n"));
        NodeConfig after = load();
        assertEquals("io.containerd.runc.v2", after.containerd().orElseThrow().cri().defaultRuntime().orElseThrow()
                .runtimeType().orElseThrow().value());
        assertEquals("systemd", containerdDriver(after));
    }

    @Test
    void cgroupDriverKubeletWithoutConfigFileBecomesFlag() {
        tree().write("usr/lib/systemd/system/kubelet.service", "[Service]\n"
                        + "EnvironmentFile=-/etc/default/kubelet\n"
                        + "ExecStart=/usr/bin/kubelet --container-runtime-endpoint=" + CONTAINERD_SOCK + " $KUBELET_EXTRA_ARGS\n")
                .write("criconf.yaml", "kubernetesVersion: \"1.31.0\"\n")
                .write(CONTAINERD, CONTAINERD_V2.replace("false # cgroupfs", "true"));
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD),
                Map.of("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--cgroup-driver=systemd\n"));
        NodeConfig after = load();
        assertEquals("systemd", kubeletDriver(after));
        assertEquals("systemd", containerdDriver(after));
    }

    // ---- CRI-O ---------------------------------------------------------------------------------

    static final String CRIO_SOCK = "unix:///var/run/crio/crio.sock";
    static final String CRIO_CONF = "etc/crio/crio.conf";
    static final String CRIO_BASE = "[crio.image]\npause_image = \"registry.k8s.io/pause:3.9\"\n\n"
            + "[crio.runtime]\n# the driver\ncgroup_manager = \"systemd\"\ndefault_runtime = \"crun\"\n";

    private NodeRoots crioNode(String crioConf) {
        NodeRoots t = kubeadmNode("KUBELET_KUBEADM_ARGS=\"\"\n",
                "cgroupDriver: systemd\ncontainerRuntimeEndpoint: " + CRIO_SOCK + "\n");
        return crioConf == null ? t.write("etc/crio/crio.conf.d/10-crio.conf", "[crio.runtime]\ndefault_runtime = \"crun\"\n")
                : t.write(CRIO_CONF, crioConf);
    }

    @Test
    void cgroupDriverCrioExistingCgroupManager() {
        crioNode(CRIO_BASE);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.CGROUPFS), Map.of(
                KUBELET_YAML, HEADER + "cgroupDriver: cgroupfs\ncontainerRuntimeEndpoint: " + CRIO_SOCK + "\n",
                CRIO_CONF, CRIO_BASE.replace("cgroup_manager = \"systemd\"", "cgroup_manager = \"cgroupfs\"")
                        + "conmon_cgroup = \"pod\"\n"));
        NodeConfig after = load();
        assertEquals(CgroupDriver.CGROUPFS, after.crio().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals("pod", after.crio().orElseThrow().conmonCgroup().orElseThrow().value());
        assertEquals("cgroupfs", kubeletDriver(after));
    }

    @Test
    void cgroupDriverCrioNoneSetCreatesDropIn() {
        crioNode(null);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.CGROUPFS), Map.of(
                KUBELET_YAML, HEADER + "cgroupDriver: cgroupfs\ncontainerRuntimeEndpoint: " + CRIO_SOCK + "\n",
                NodeEditor.CRIO_CGROUP_DROP_IN, "[crio.runtime]\ncgroup_manager = \"cgroupfs\"\nconmon_cgroup = \"pod\"\n"));
        NodeConfig after = load();
        assertEquals(CgroupDriver.CGROUPFS, after.crio().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals("pod", after.crio().orElseThrow().conmonCgroup().orElseThrow().value());
    }

    @Test
    void cgroupDriverCrioSystemdDropIn() {
        crioNode(null);
        writeAndExpect(editor().plan(new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.SYSTEMD)),
                Map.of(NodeEditor.CRIO_CGROUP_DROP_IN, "[crio.runtime]\ncgroup_manager = \"systemd\"\n"));
    }

    @Test
    void crioConmonCgroup() {
        crioNode(CRIO_BASE);
        writeAndExpect(editor().setCrioConmonCgroup("system.slice"), Map.of(NodeEditor.CRIO_CGROUP_DROP_IN,
                "[crio.runtime]\nconmon_cgroup = \"system.slice\"\n"));
        assertEquals("system.slice", load().crio().orElseThrow().conmonCgroup().orElseThrow().value());
    }

    @Test
    void crioPauseImage() {
        crioNode(CRIO_BASE);
        writeAndExpect(editor().setSandboxImage("registry.k8s.io/pause:3.10.1"), Map.of(CRIO_CONF,
                CRIO_BASE.replace("pause:3.9", "pause:3.10.1")));
        assertEquals("registry.k8s.io/pause:3.10.1", load().crio().orElseThrow().pauseImage().orElseThrow().value());
    }

    // ---- cri-dockerd / Docker ------------------------------------------------------------------

    static final String CRI_DOCKERD_SOCK = "unix:///var/run/cri-dockerd.sock";
    static final String DAEMON_JSON = "etc/docker/daemon.json";

    private NodeRoots dockerNode(String daemonJson) {
        NodeRoots t = kubeadmNode("KUBELET_KUBEADM_ARGS=\"\"\n",
                "cgroupDriver: systemd\ncontainerRuntimeEndpoint: " + CRI_DOCKERD_SOCK + "\n")
                .write("usr/lib/systemd/system/cri-docker.service", "[Unit]\nDescription=cri-dockerd\n\n[Service]\n"
                        + "ExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint fd://\n")
                .write("usr/lib/systemd/system/cri-docker.socket", "[Socket]\nListenStream=%t/cri-dockerd.sock\n");
        return daemonJson == null ? t : t.write(DAEMON_JSON, daemonJson);
    }

    @Test
    void cgroupDriverDockerReplacesExecOpt() {
        String json = "{\n  \"exec-opts\": [\"native.cgroupdriver=cgroupfs\"],\n  \"log-driver\": \"json-file\"\n}\n";
        dockerNode(json);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(DAEMON_JSON,
                json.replace("native.cgroupdriver=cgroupfs", "native.cgroupdriver=systemd")));
        assertEquals(CgroupDriver.SYSTEMD, load().dockerDaemon().orElseThrow().cgroupDriver().orElseThrow().value());
    }

    @Test
    void cgroupDriverDockerAppendsExecOpt() {
        String json = "{\n  \"exec-opts\": [\"native.umask=normal\"],\n  \"log-driver\": \"json-file\"\n}\n";
        dockerNode(json);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(DAEMON_JSON,
                "{\n  \"exec-opts\": [\"native.umask=normal\", \"native.cgroupdriver=systemd\"],\n  \"log-driver\": \"json-file\"\n}\n"));
        assertEquals(CgroupDriver.SYSTEMD, load().dockerDaemon().orElseThrow().cgroupDriver().orElseThrow().value());
    }

    @Test
    void cgroupDriverDockerCreatesDaemonJson() {
        dockerNode(null);
        writeAndExpect(editor().setCgroupDriver(CgroupDriver.SYSTEMD), Map.of(DAEMON_JSON,
                "{\n  \"exec-opts\": [\"native.cgroupdriver=systemd\"]\n}\n"));
        assertEquals(CgroupDriver.SYSTEMD, load().dockerDaemon().orElseThrow().cgroupDriver().orElseThrow().value());
    }

    // ---- sandbox image, endpoint, CRI plugin ----------------------------------------------------

    @Test
    void sandboxImageContainerdV2() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2);
        writeAndExpect(editor().setSandboxImage("registry.k8s.io/pause:3.10.1"),
                Map.of(CONTAINERD, CONTAINERD_V2.replace("pause:3.9", "pause:3.10.1")));
        assertEquals("registry.k8s.io/pause:3.10.1",
                load().containerd().orElseThrow().cri().sandboxImage().orElseThrow().value());
    }

    @Test
    void sandboxImageContainerdV3() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V3);
        writeAndExpect(editor().setSandboxImage("registry.k8s.io/pause:3.10.1"),
                Map.of(CONTAINERD, CONTAINERD_V3.replace("pause:3.10'", "pause:3.10.1'")));
        assertEquals("registry.k8s.io/pause:3.10.1",
                load().containerd().orElseThrow().cri().sandboxImage().orElseThrow().value());
    }

    @Test
    void runtimeEndpointInConfigFile() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2);
        writeAndExpect(editor().setRuntimeEndpoint("unix:///var/run/containerd/containerd.sock"), Map.of(KUBELET_YAML,
                HEADER + "cgroupDriver: systemd\ncontainerRuntimeEndpoint: unix:///var/run/containerd/containerd.sock\n"));
    }

    @Test
    void runtimeEndpointAsFlag() {
        kubeadmNode("KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///run/crio/crio.sock --node-ip=10.0.0.5\"\n",
                "cgroupDriver: systemd\n").write(CONTAINERD, CONTAINERD_V2);
        writeAndExpect(editor().setRuntimeEndpoint(CONTAINERD_SOCK), Map.of(FLAGS_ENV,
                "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=" + CONTAINERD_SOCK + " --node-ip=10.0.0.5\"\n"));
        assertEquals(CONTAINERD_SOCK, load().effectiveKubelet().orElseThrow().containerRuntimeEndpoint().orElseThrow().value());
    }

    @Test
    void enableCriV2FullId() {
        String toml = "version = 2\ndisabled_plugins = [\"io.containerd.internal.v1.tracing\", \"io.containerd.grpc.v1.cri\"]\n";
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().enableContainerdCri(), Map.of(CONTAINERD,
                "version = 2\ndisabled_plugins = [\"io.containerd.internal.v1.tracing\"]\n"));
    }

    @Test
    void enableCriV1ShortName() {
        String toml = "disabled_plugins = [\"cri\"]\n\n[plugins.cri]\n  sandbox_image = \"registry.k8s.io/pause:3.9\"\n";
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().enableContainerdCri(), Map.of(CONTAINERD, toml.replace("[\"cri\"]", "[]")));
        assertTrue(load().containerd().orElseThrow().disabledPlugins().isEmpty());
    }

    @Test
    void enableCriV2ShortNameThatContainerdRefuses() {
        // "cri" in a version 2 file is no CRI id of that schema, but containerd refuses the whole file for it
        String toml = "version = 2\ndisabled_plugins = [\"io.containerd.snapshotter.v1.zfs\", \"cri\"]\n";
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().enableContainerdCri(), Map.of(CONTAINERD,
                "version = 2\ndisabled_plugins = [\"io.containerd.snapshotter.v1.zfs\"]\n"));
    }

    @Test
    void enableCriV2FileSplitIdsOfContainerd2() {
        // containerd 2.x reads a version 2 file and splits the CRI into runtime and images plugins
        String toml = "version = 2\ndisabled_plugins = [\"io.containerd.cri.v1.images\"]\n";
        containerdNode("cgroupDriver: systemd\n", toml);
        writeAndExpect(editor().enableContainerdCri(), Map.of(CONTAINERD, "version = 2\ndisabled_plugins = []\n"));
    }

    // ---- kubelet flags -------------------------------------------------------------------------

    @Test
    void setExistingKubeletFlagKeepsQuoting() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2);
        writeAndExpect(editor().setKubeletFlag("node-ip", "10.0.0.6"), Map.of(FLAGS_ENV,
                "KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.6\"\n"));
    }

    @Test
    void newKubeletFlagGoesToExtraArgs() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2).write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=\n");
        writeAndExpect(editor().setKubeletFlag("v", "4"), Map.of("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--v=4\n"));
        assertEquals("4", load().kubeletFlags().orElseThrow().last("v").orElseThrow().value().orElseThrow());
    }

    @Test
    void newKubeletFlagCreatesEtcDefaultKubelet() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2);
        writeAndExpect(editor().setKubeletFlag("v", "4"), Map.of("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--v=4\n"));
        assertEquals("4", load().kubeletFlags().orElseThrow().last("v").orElseThrow().value().orElseThrow());
    }

    @Test
    void removeKubeletFlag() {
        kubeadmNode("KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.5 --cgroup-driver=cgroupfs\"\n",
                "cgroupDriver: systemd\ncontainerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n").write(CONTAINERD, CONTAINERD_V2);
        writeAndExpect(editor().removeKubeletFlag("cgroup-driver"), Map.of(FLAGS_ENV,
                "KUBELET_KUBEADM_ARGS=\"--node-ip=10.0.0.5\"\n"));
        assertEquals("systemd", kubeletDriver(load()));
    }

    // ---- generic SetValue / RemoveValue --------------------------------------------------------

    @Test
    void genericTomlKeepsType() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2);
        List<String> path = List.of("plugins", "io.containerd.grpc.v1.cri", "containerd", "runtimes", "runc", "options",
                "SystemdCgroup");
        writeAndExpect(editor().plan(new NodeEdit.SetValue(CONTAINERD, path, "true")),
                Map.of(CONTAINERD, CONTAINERD_V2.replace("SystemdCgroup = false", "SystemdCgroup = true")));
        writeAndExpect(editor().plan(new NodeEdit.RemoveValue(CONTAINERD, path)),
                Map.of(CONTAINERD, CONTAINERD_V2.replace("        SystemdCgroup = false # cgroupfs\n", "")));
    }

    @Test
    void genericYaml() {
        containerdNode("cgroupDriver: systemd\nevictionHard:\n  memory.available: 100Mi\n", CONTAINERD_V2);
        String base = HEADER + "cgroupDriver: systemd\nevictionHard:\n  memory.available: 100Mi\n";
        writeAndExpect(editor().plan(new NodeEdit.SetValue(KUBELET_YAML, List.of("evictionHard", "nodefs.available"), "10%")),
                Map.of(KUBELET_YAML, base + "  nodefs.available: 10%\ncontainerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n"));
        writeAndExpect(editor().plan(new NodeEdit.RemoveValue(KUBELET_YAML, List.of("evictionHard", "memory.available"))),
                Map.of(KUBELET_YAML, HEADER + "cgroupDriver: systemd\nevictionHard:\n  nodefs.available: 10%\n"
                        + "containerRuntimeEndpoint: " + CONTAINERD_SOCK + "\n"));
    }

    @Test
    void genericJson() {
        String json = "{\n  \"log-driver\": \"json-file\",\n  \"storage-driver\": \"overlay2\"\n}\n";
        dockerNode(json);
        writeAndExpect(editor().plan(new NodeEdit.SetValue(DAEMON_JSON, List.of("log-driver"), "journald")),
                Map.of(DAEMON_JSON, json.replace("json-file", "journald")));
        writeAndExpect(editor().plan(new NodeEdit.RemoveValue(DAEMON_JSON, List.of("storage-driver"))),
                Map.of(DAEMON_JSON, "{\n  \"log-driver\": \"journald\"\n}\n"));
    }

    @Test
    void genericEnv() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2).write("etc/default/kubelet", "# local\nKUBELET_EXTRA_ARGS=\n");
        writeAndExpect(editor().plan(new NodeEdit.SetValue("etc/default/kubelet", List.of("KUBELET_EXTRA_ARGS"), "--v=2")),
                Map.of("etc/default/kubelet", "# local\nKUBELET_EXTRA_ARGS=--v=2\n"));
        writeAndExpect(editor().plan(new NodeEdit.RemoveValue("etc/default/kubelet", List.of("KUBELET_EXTRA_ARGS"))),
                Map.of("etc/default/kubelet", "# local\n"));
    }

    @Test
    void genericUnit() {
        dockerNode(null);
        String unit = "usr/lib/systemd/system/cri-docker.socket";
        writeAndExpect(editor().plan(new NodeEdit.SetValue(unit, List.of("Socket", "SocketMode"), "0660")),
                Map.of(unit, "[Socket]\nListenStream=%t/cri-dockerd.sock\nSocketMode=0660\n"));
        writeAndExpect(editor().plan(new NodeEdit.RemoveValue(unit, List.of("Socket", "SocketMode"))),
                Map.of(unit, "[Socket]\nListenStream=%t/cri-dockerd.sock\n"));
    }

    // ---- refusals ------------------------------------------------------------------------------

    @Test
    void refusesFileWithSyntaxErrors() {
        String broken = "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"\n  sandbox_image = \"x\"\n";
        containerdNode("cgroupDriver: systemd\n", broken);
        Map<String, String> before = snapshot();
        NodeEditor editor = editor();
        EditException e = assertThrows(EditException.class, () -> editor.setSandboxImage("registry.k8s.io/pause:3.10.1"));
        assertTrue(e.getMessage().contains(CONTAINERD), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void refusesSeveralRuntimesWithoutEndpoint() {
        // an endpoint that is neither runtime's socket: the editor cannot tell which runtime to edit
        kubeadmNode("KUBELET_KUBEADM_ARGS=\"\"\n", "cgroupDriver: systemd\ncontainerRuntimeEndpoint: unix:///run/other.sock\n")
                .write(CONTAINERD, CONTAINERD_V2).write(CRIO_CONF, CRIO_BASE);
        Map<String, String> before = snapshot();
        NodeEditor editor = editor();
        EditException e = assertThrows(EditException.class, () -> editor.setCgroupDriver(CgroupDriver.SYSTEMD));
        assertTrue(e.getMessage().contains("several runtimes"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void refusesPlanThatWouldNotTakeEffect() {
        // a kubelet unit that reads no environment file: a new flag in /etc/default/kubelet would be dead text
        tree().write("usr/lib/systemd/system/kubelet.service", "[Service]\n"
                        + "ExecStart=/usr/bin/kubelet --config=/var/lib/kubelet/config.yaml\n")
                .write("criconf.yaml", "kubernetesVersion: \"1.31.0\"\n")
                .write(KUBELET_YAML, HEADER + "cgroupDriver: systemd\n")
                .write(CONTAINERD, CONTAINERD_V2);
        Map<String, String> before = snapshot();
        NodeEditor editor = editor();
        EditException e = assertThrows(EditException.class, () -> editor.setKubeletFlag("v", "4"));
        assertTrue(e.getMessage().contains("does not take effect"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void writeRefusesFileChangedSincePlanWritingNothing() throws IOException {
        containerdNode("cgroupDriver: cgroupfs\n", CONTAINERD_V2);
        EditPlan plan = editor().setCgroupDriver(CgroupDriver.SYSTEMD);
        assertEquals(List.of(CONTAINERD, KUBELET_YAML), plan.changes().stream().map(FileChange::file).toList());
        // someone else edits the kubelet file between plan and write
        String theirs = HEADER + "cgroupDriver: cgroupfs\nmaxPods: 50\n";
        Files.writeString(root.resolve(KUBELET_YAML), theirs);
        dev.criconf.io.WriteException e = assertThrows(dev.criconf.io.WriteException.class, plan::write);
        assertEquals(dev.criconf.io.WriteException.Reason.CHANGED_ON_DISK, e.reason());
        assertEquals(theirs, Files.readString(root.resolve(KUBELET_YAML)));
        // every file is checked before the first write: no half-fixed node
        assertEquals(CONTAINERD_V2, Files.readString(root.resolve(CONTAINERD)));
        Map<String, String> files = snapshot();
        assertEquals(new java.util.TreeSet<>(List.of(DROP_IN_PATH, "criconf.yaml", FLAGS_ENV, KUBELET_YAML, CONTAINERD)),
                files.keySet(), "no temporary or backup files left");
    }

    @Test
    void planIsEmptyWhenAlreadyTrue() {
        containerdNode("cgroupDriver: systemd\n", CONTAINERD_V2.replace("false # cgroupfs", "true"));
        EditPlan plan = editor().setCgroupDriver(CgroupDriver.SYSTEMD);
        assertTrue(plan.isEmpty(), plan.unifiedDiff());
        assertEquals("", plan.unifiedDiff());
    }

    @Test
    void unifiedDiffNamesFiles() {
        crioNode(null);
        String diff = editor().setCrioConmonCgroup("pod").unifiedDiff();
        assertTrue(diff.startsWith("--- /dev/null\n+++ b/" + NodeEditor.CRIO_CGROUP_DROP_IN + "\n"), diff);
        assertFalse(Files.exists(root.resolve(NodeEditor.CRIO_CGROUP_DROP_IN)));
        assertEquals(Optional.empty(), load().crio().orElseThrow().conmonCgroup());
    }
}
