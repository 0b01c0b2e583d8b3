package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.rules.Nodes.CONTAINERD;
import static dev.criconf.validate.rules.Nodes.CRIO;
import static dev.criconf.validate.rules.Nodes.CRI_DOCKERD;
import static dev.criconf.validate.rules.Nodes.DAEMON;
import static dev.criconf.validate.rules.Nodes.EXTRA_ARGS;
import static dev.criconf.validate.rules.Nodes.KUBEADM_FLAGS;
import static dev.criconf.validate.rules.Nodes.KUBELET;
import static dev.criconf.validate.rules.Nodes.V2;
import static dev.criconf.validate.rules.Nodes.containerd;
import static dev.criconf.validate.rules.Nodes.crio;
import static dev.criconf.validate.rules.Nodes.criDockerd;
import static dev.criconf.validate.rules.Nodes.daemon;
import static dev.criconf.validate.rules.Nodes.flag;
import static dev.criconf.validate.rules.Nodes.flags;
import static dev.criconf.validate.rules.Nodes.kubelet;
import static dev.criconf.validate.rules.Nodes.node;
import static dev.criconf.validate.rules.Nodes.option;
import static dev.criconf.validate.rules.Nodes.profile;
import static dev.criconf.validate.rules.Nodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.FileFormat;
import dev.criconf.model.Component;
import dev.criconf.testing.TestTrees;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.internal.rules.CriDockerdUnlinksDockerSocketRule;
import dev.criconf.validate.internal.rules.DockerRegistryNotMigratedRule;
import dev.criconf.validate.internal.rules.DockershimRemovedRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DockerRulesTest {

    /** broken-dockershim as a model: kubeadm 1.23's flags file and an extra-args endpoint at Docker's socket. */
    private static NodeConfig upgradedFromDockershim() {
        return node()
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                .kubeletFlags(flags(
                        flag(KUBEADM_FLAGS, 1, "network-plugin", "cni"),
                        flag(KUBEADM_FLAGS, 2, "pod-infra-container-image", "k8s.gcr.io/pause:3.6"),
                        flag(EXTRA_ARGS, 3, "container-runtime-endpoint", "unix:///var/run/docker.sock")))
                .dockerDaemon(daemon("exec-opts", List.of("native.cgroupdriver=systemd")))
                .build();
    }

    @Nested
    class Dockershim {
        private final DockershimRemovedRule rule = new DockershimRemovedRule();

        @Test
        void flagsAndDockersSocketOn124() {
            List<Finding> f = run(rule, upgradedFromDockershim(), option(TargetComponent.KUBERNETES, "1.24.17"));
            assertEquals(2, f.size(), f.toString());
            Finding endpoint = f.get(0);
            Finding flag = f.get(1);
            assertEquals("dockershim-removed", flag.ruleId());
            assertEquals(Severity.ERROR, flag.severity());
            assertEquals(keyAt(KUBEADM_FLAGS, 1), flag.location());
            assertTrue(flag.message().startsWith("--network-plugin (from KUBELET_KUBEADM_ARGS) is a dockershim flag: Kubernetes "
                    + "1.24.17 no longer has dockershim or this flag, so the kubelet exits with 'failed to parse kubelet flag: "
                    + "unknown flag: --network-plugin'"), flag.message());
            assertEquals(valueAt(EXTRA_ARGS, 3), endpoint.location());
            assertTrue(endpoint.message().startsWith("the kubelet's runtime endpoint is unix:///var/run/docker.sock "
                    + "(--container-runtime-endpoint=unix:///var/run/docker.sock), Docker Engine's own API socket, not a CRI endpoint"),
                    endpoint.message());
            assertTrue(endpoint.message().endsWith("to keep Docker Engine install cri-dockerd and point the kubelet at "
                    + "unix:///var/run/cri-dockerd.sock, or switch the node to containerd or CRI-O"), endpoint.message());
        }

        @Test
        void on123DockershimStillExists() {
            assertEquals(List.of(), run(rule, upgradedFromDockershim(), option(TargetComponent.KUBERNETES, "1.23.17")));
        }

        @Test
        void anUnknownReleaseIsAssumedCurrent() {
            List<Finding> f = run(rule, upgradedFromDockershim());
            assertEquals(2, f.size());
            assertTrue(f.get(1).message().contains("Kubernetes 1.24 and later (assuming Kubernetes 1.35, as no Kubernetes version is given) no longer has dockershim"),
                    f.get(1).message());
        }

        @Test
        void dockershimSocketContainerRuntimeDockerAndTheConfiguredRuntime() {
            NodeConfig n = node()
                    .kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "container-runtime", "docker"),
                            flag(KUBEADM_FLAGS, 2, "container-runtime-endpoint", "unix:///var/run/dockershim.sock")))
                    .containerd(containerd("version", 2)).build();
            List<Finding> f = run(rule, n, option(TargetComponent.KUBERNETES, "1.25"));
            assertEquals(2, f.size(), f.toString());
            assertEquals(valueAt(KUBEADM_FLAGS, 1), f.get(0).location());
            assertTrue(f.get(0).message().contains("'unsupported CRI runtime'"), f.get(0).message());
            assertEquals(valueAt(KUBEADM_FLAGS, 2), f.get(1).location());
            assertTrue(f.get(1).message().contains("dockershim's socket"), f.get(1).message());
            assertTrue(f.get(1).message().endsWith("point the kubelet at containerd instead: unix:///run/containerd/containerd.sock"),
                    f.get(1).message());

            // containerRuntimeEndpoint is a config field only from 1.27: a 1.25 kubelet ignores it in the file
            NodeConfig inFile = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/dockershim.sock")).build();
            assertEquals(List.of(), run(rule, inFile, option(TargetComponent.KUBERNETES, "1.25")));
            assertEquals(valueAt(KUBELET, 1), run(rule, inFile, option(TargetComponent.KUBERNETES, "1.27")).get(0).location());
        }

        @Test
        void dockersSocketAsNamedByCriDockerdOrDaemonJson() {
            NodeConfig n = node()
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/user-docker/docker.sock"))
                    .dockerDaemon(daemon("hosts", List.of("unix:///run/user-docker/docker.sock", "tcp://127.0.0.1:2375"))).build();
            Finding x = run(rule, n, option(TargetComponent.KUBERNETES, "1.30")).get(0);
            assertEquals(valueAt(DAEMON, 1), x.related().get(0).location());
        }

        @Test
        void quietForCriEndpointsAndRemote() {
            NodeConfig n = node()
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/cri-dockerd.sock"))
                    .kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "container-runtime", "remote")))
                    .criDockerd(criDockerd(Optional.empty(), "container-runtime-endpoint", "unix:///var/run/cri-dockerd.sock")).build();
            assertEquals(List.of(), run(rule, n, option(TargetComponent.KUBERNETES, "1.26")));
        }
    }

    @Nested
    class Unlinks {
        private final CriDockerdUnlinksDockerSocketRule rule = new CriDockerdUnlinksDockerSocketRule();

        @Test
        void criDockerdListeningOnDockersSocket() {
            NodeConfig n = node().criDockerd(criDockerd(Optional.empty(),
                    "container-runtime-endpoint", "unix:///var/run/docker.sock",
                    "pod-infra-container-image", "registry.k8s.io/pause:3.10.1")).build();
            List<Finding> f = run(rule, n);
            assertEquals(1, f.size());
            Finding x = f.get(0);
            assertEquals("cri-dockerd-unlinks-docker-socket", x.ruleId());
            assertEquals(Severity.ERROR, x.severity());
            assertEquals(valueAt(CRI_DOCKERD, 10), x.location());
            assertTrue(x.message().startsWith("cri-dockerd's --container-runtime-endpoint is unix:///var/run/docker.sock, Docker "
                    + "Engine's own API socket (Docker Engine's socket unix:///var/run/docker.sock): cri-dockerd removes the file at "
                    + "its listen path before listening"), x.message());
            assertEquals(List.of(), x.related());
        }

        @Test
        void runIsVarRunAndTheDockerEndpointFlagCounts() {
            NodeConfig n = node().criDockerd(criDockerd(Optional.empty(),
                    "docker-endpoint", "unix:///run/docker-alt.sock",
                    "container-runtime-endpoint", "unix:///var/run/docker-alt.sock")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(valueAt(CRI_DOCKERD, 11), x.location());
            assertEquals(valueAt(CRI_DOCKERD, 10), x.related().get(0).location());
            assertEquals(1, run(rule, node().criDockerd(criDockerd(Optional.empty(),
                    "container-runtime-endpoint", "/run/docker.sock")).build()).size());
        }

        @Test
        void quietForItsOwnSocketOrSocketActivation() {
            assertEquals(List.of(), run(rule, node().criDockerd(criDockerd(Optional.empty(),
                    "container-runtime-endpoint", "unix:///var/run/cri-dockerd.sock")).build()));
            assertEquals(List.of(), run(rule, node().criDockerd(criDockerd(Optional.empty(),
                    "container-runtime-endpoint", "fd://")).build()));
            assertEquals(List.of(), run(rule, node().criDockerd(criDockerd(Optional.empty())).build()));
        }
    }

    @Nested
    class RegistryNotMigrated {
        private final DockerRegistryNotMigratedRule rule = new DockerRegistryNotMigratedRule();

        private NodeConfig.Builder containerdNode(Object... containerdTree) {
            return node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/containerd/containerd.sock"))
                    .dockerDaemon(daemon("registry-mirrors", List.of("https://mirror.example.internal"),
                            "insecure-registries", List.of("registry.example.internal:5000", "10.0.0.0/8")))
                    .containerd(containerd(containerdTree));
        }

        @Test
        void containerdWithoutMirrorsOrHosts() {
            List<Finding> f = run(rule, containerdNode("version", 2).build());
            assertEquals(2, f.size(), f.toString());
            Finding mirrors = f.get(0);
            assertEquals("docker-registry-not-migrated", mirrors.ruleId());
            assertEquals(Severity.INFO, mirrors.severity());
            assertEquals(valueAt(DAEMON, 1), mirrors.location());
            assertTrue(mirrors.message().startsWith("etc/docker/daemon.json sets registry-mirrors https://mirror.example.internal for "
                    + "Docker Hub, but containerd, the runtime the kubelet uses, has no Docker Hub mirror (no registry config_path "
                    + "and no registry.mirrors entry)"), mirrors.message());
            assertTrue(mirrors.message().endsWith("Add /etc/containerd/certs.d/docker.io/hosts.toml with a host entry for the mirror, "
                    + "and set the CRI plugin's registry config_path = \"/etc/containerd/certs.d\""), mirrors.message());
            Finding insecure = f.get(1);
            assertEquals(valueAt(DAEMON, 2), insecure.location());
            assertTrue(insecure.message().contains("insecure-registries registry.example.internal:5000, 10.0.0.0/8"), insecure.message());
            assertTrue(insecure.message().endsWith("CIDR ranges have no equivalent there, list each registry host"), insecure.message());
            assertEquals(new dev.criconf.model.Origin(CONTAINERD, 1, 1, 0, 0), insecure.related().get(0).location());
        }

        @Test
        void hostsTomlFilesAndLegacyTablesCount() {
            NodeConfig n = containerdNode("version", 2, V2 + "registry.config_path", "/etc/containerd/certs.d")
                    .addFile("etc/containerd/certs.d/docker.io/hosts.toml")
                    .addFile("etc/containerd/certs.d/registry.example.internal:5000/hosts.toml").build();
            List<Finding> f = run(rule, n);
            assertEquals(1, f.size(), f.toString());
            assertTrue(f.get(0).message().contains("insecure-registries 10.0.0.0/8"), f.get(0).message());
            assertEquals(valueAt(CONTAINERD, 2), f.get(0).related().get(0).location());

            NodeConfig legacy = containerdNode("version", 2,
                    V2 + "registry.mirrors.\"docker.io\".endpoint", List.of("https://mirror.example.internal"),
                    V2 + "registry.configs.\"registry.example.internal:5000\".tls.insecure_skip_verify", true).build();
            assertEquals(1, run(rule, legacy).size());
        }

        @Test
        void crioReadsInsecureRegistriesBefore135AndRegistriesConf() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/crio/crio.sock"))
                    .dockerDaemon(daemon("registry-mirrors", List.of("https://mirror.example.internal"),
                            "insecure-registries", List.of("registry.example.internal:5000")))
                    .crio(crio("crio.image.insecure_registries", List.of("registry.example.internal:5000"))).build();
            List<Finding> before = run(rule, n);
            assertEquals(1, before.size(), before.toString());
            assertTrue(before.get(0).message().contains("has no Docker Hub mirror"), before.get(0).message());

            NodeConfig v135 = n.toBuilder().profile(profile("crioVersion", "1.35.0")).build();
            List<Finding> after = run(rule, v135);
            assertEquals(2, after.size(), after.toString());
            assertTrue(after.get(1).message().contains("no [[registry]] for registry.example.internal:5000 in "
                    + "/etc/containers/registries.conf"), after.get(1).message());
            assertEquals(new dev.criconf.model.Origin(CRIO, 1, 1, 0, 0), after.get(1).related().get(0).location());

            String conf = "etc/containers/registries.conf.d/10-mirrors.conf";
            ParsedFile registries = ParsedFile.of(conf, FileFormat.TOML, Component.CRIO, TestTrees.tree(conf,
                    "unqualified-search-registries", List.of("docker.io"),
                    "registry", List.of(
                            TestTrees.tree(conf, "prefix", "docker.io", "location", "registry-1.docker.io",
                                    "mirror", List.of(TestTrees.tree(conf, "location", "mirror.example.internal"))),
                            TestTrees.tree(conf, "location", "registry.example.internal:5000", "insecure", true))));
            assertEquals(List.of(), run(rule, v135.toBuilder().addParsedFile(registries).build()));
        }

        @Test
        void quietWhenTheKubeletUsesDocker() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/cri-dockerd.sock"))
                    .dockerDaemon(daemon("registry-mirrors", List.of("https://mirror.example.internal")))
                    .criDockerd(criDockerd(Optional.empty()))
                    .containerd(containerd("version", 2)).build();
            assertEquals(List.of(), run(rule, n));
            assertEquals(List.of(), run(rule, node().dockerDaemon(daemon("registry-mirrors", List.of("https://m.example"))).build()));
        }

        @Test
        void crioOnlyNodeWithoutSettings() {
            NodeConfig n = node().dockerDaemon(daemon("registry-mirrors", List.of("https://mirror.example.internal")))
                    .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            Finding x = run(rule, n).get(0);
            assertTrue(x.message().contains("CRI-O, the runtime the kubelet uses, has no Docker Hub mirror"), x.message());
            assertTrue(x.message().endsWith("Add a [[registry]] entry with prefix \"docker.io\" to /etc/containers/registries.conf "
                    + "(or a file in registries.conf.d) with a [[registry.mirror]]"), x.message());
        }
    }
}
