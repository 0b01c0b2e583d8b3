package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.rules.Nodes.CONTAINERD;
import static dev.criconf.validate.rules.Nodes.CRIO;
import static dev.criconf.validate.rules.Nodes.CRI_DOCKERD;
import static dev.criconf.validate.rules.Nodes.CRI_DOCKERD_SOCKET;
import static dev.criconf.validate.rules.Nodes.EXTRA_ARGS;
import static dev.criconf.validate.rules.Nodes.KUBEADM;
import static dev.criconf.validate.rules.Nodes.KUBEADM_FLAGS;
import static dev.criconf.validate.rules.Nodes.KUBELET;
import static dev.criconf.validate.rules.Nodes.containerd;
import static dev.criconf.validate.rules.Nodes.crio;
import static dev.criconf.validate.rules.Nodes.criDockerd;
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
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.testing.TestTrees;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.internal.rules.RuntimeAmbiguousRule;
import dev.criconf.validate.internal.rules.RuntimeEndpointMismatchRule;
import dev.criconf.validate.internal.rules.RuntimeEndpointSchemeRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuntimeEndpointRulesTest {

    @Nested
    class Mismatch {
        private final RuntimeEndpointMismatchRule rule = new RuntimeEndpointMismatchRule();

        @Test
        void kubeletAtTheOldRuntimesSocket() {
            NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "2.2.0"))
                    .kubeletConfiguration(kubelet("cgroupDriver", "systemd", "containerRuntimeEndpoint", "/var/run/crio/crio.sock"))
                    .containerd(containerd("version", 3, "grpc.address", "/run/containerd/containerd.sock")).build();
            List<Finding> f = run(rule, n);
            assertEquals(1, f.size(), f.toString());
            Finding x = f.get(0);
            assertEquals("runtime-endpoint-mismatch", x.ruleId());
            assertEquals(Severity.ERROR, x.severity());
            assertEquals(valueAt(KUBELET, 2), x.location());
            assertEquals(valueAt(CONTAINERD, 2), x.related().get(0).location());
            assertTrue(x.related().get(0).message().contains("address = \"/run/containerd/containerd.sock\""), x.related().toString());
            assertTrue(x.message().startsWith("the kubelet dials /var/run/crio/crio.sock (containerRuntimeEndpoint: "
                    + "/var/run/crio/crio.sock) but containerd, the runtime configured on this node, listens on "
                    + "/run/containerd/containerd.sock; /var/run/crio/crio.sock is CRI-O's usual socket, and CRI-O is not configured here"),
                    x.message());
            assertTrue(x.message().endsWith("Set the kubelet's containerRuntimeEndpoint to unix:///run/containerd/containerd.sock, "
                    + "or make containerd listen on /var/run/crio/crio.sock"), x.message());
            assertEquals(List.of(), x.fixes());
        }

        @Test
        void varRunIsRunAndTheDefaultAddressCounts() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/containerd/containerd.sock"))
                    .containerd(containerd("version", 2)).build();
            assertEquals(List.of(), run(rule, n));
        }

        @Test
        void theKubeletsDefaultEndpointOnACrioNode() {
            NodeConfig n = node().kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                    .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            Finding x = run(rule, n, option(TargetComponent.KUBERNETES, "1.30")).get(0);
            assertEquals(new Origin(KUBELET, 1, 1, 0, 0), x.location());
            assertTrue(x.message().startsWith("the kubelet dials unix:///run/containerd/containerd.sock (no containerRuntimeEndpoint "
                    + "(default of kubelet 1.27 and later: unix:///run/containerd/containerd.sock), Kubernetes 1.30)"), x.message());
            assertEquals(new Origin(CRIO, 1, 1, 0, 0), x.related().get(0).location());

            Finding assumed = run(rule, n).get(0);
            assertTrue(assumed.message().contains("assuming Kubernetes 1.35"), assumed.message());
        }

        @Test
        void before127TheFlagAndItsDefaultCount() {
            NodeConfig flagged = node().kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "container-runtime-endpoint", "unix:///run/crio/crio.sock")))
                    .crio(crio("crio.api.listen", "/var/run/crio/crio.sock")).build();
            assertEquals(List.of(), run(rule, flagged, option(TargetComponent.KUBERNETES, "1.25")));
            NodeConfig defaulted = node().kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "node-ip", "10.0.0.1")))
                    .crio(crio("crio.api.listen", "/var/run/crio/crio.sock")).build();
            Finding x = run(rule, defaulted, option(TargetComponent.KUBERNETES, "1.25")).get(0);
            assertTrue(x.message().contains("default of kubelet 1.24 to 1.26"), x.message());
            assertEquals(valueAt(CRIO, 1), x.related().get(0).location());
        }

        @Test
        void criDockerdListensOnDockersSocket() {
            NodeConfig n = node().profile(profile("kubernetesVersion", "1.35.0"))
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/cri-dockerd.sock"))
                    .criDockerd(criDockerd(Optional.empty(), "container-runtime-endpoint", "unix:///var/run/docker.sock")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(valueAt(KUBELET, 1), x.location());
            assertEquals(valueAt(CRI_DOCKERD, 10), x.related().get(0).location());
            assertTrue(x.message().contains("cri-dockerd listens on Docker Engine's own API socket; make it listen on "
                    + "unix:///var/run/cri-dockerd.sock"), x.message());
        }

        @Test
        void socketActivationListensWhereTheSocketUnitSays() {
            NodeConfig ok = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/cri-dockerd.sock"))
                    .criDockerd(criDockerd(Optional.of(Setting.inFile("%t/cri-dockerd.sock", valueAt(CRI_DOCKERD_SOCKET, 7))),
                            "container-runtime-endpoint", "fd://")).build();
            assertEquals(List.of(), run(rule, ok));
            NodeConfig elsewhere = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/cri-docker.sock"))
                    .criDockerd(criDockerd(Optional.of(Setting.inFile("%t/cri-dockerd.sock", valueAt(CRI_DOCKERD_SOCKET, 7))),
                            "container-runtime-endpoint", "fd://")).build();
            Finding x = run(rule, elsewhere).get(0);
            assertEquals(valueAt(CRI_DOCKERD_SOCKET, 7), x.related().get(0).location());
        }

        @Test
        void dockerAndDockershimSocketsAreLeftToDockershimRemoved() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///var/run/docker.sock"))
                    .containerd(containerd("version", 2)).build();
            assertEquals(List.of(), run(rule, n, option(TargetComponent.KUBERNETES, "1.24")));
        }

        @Test
        void quietWithoutAnyRuntime() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/x.sock")).build();
            assertEquals(List.of(), run(rule, n));
        }

        @Test
        void severalRuntimesNoneListening() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/other.sock"))
                    .containerd(containerd("version", 2)).crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            Finding x = run(rule, n).get(0);
            assertTrue(x.message().contains("no configured runtime listens there (containerd on /run/containerd/containerd.sock, "
                    + "CRI-O on /var/run/crio/crio.sock)"), x.message());
            assertEquals(2, x.related().size());
        }
    }

    @Nested
    class Scheme {
        private final RuntimeEndpointSchemeRule rule = new RuntimeEndpointSchemeRule();

        @Test
        void aBarePathIsAWarningWithTheSchemeAsFix() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "/run/containerd/containerd.sock")).build();
            Finding x = run(rule, n).get(0);
            assertEquals("runtime-endpoint-scheme", x.ruleId());
            assertEquals(Severity.WARNING, x.severity());
            assertEquals(valueAt(KUBELET, 1), x.location());
            assertTrue(x.message().startsWith("the kubelet's runtime endpoint /run/containerd/containerd.sock (containerRuntimeEndpoint: "
                    + "/run/containerd/containerd.sock) has no unix:// scheme"), x.message());
            assertEquals(List.of(Fix.of(new NodeEdit.SetRuntimeEndpoint("unix:///run/containerd/containerd.sock"))), x.fixes());
        }

        @Test
        void tcpOnLinuxIsAnError() {
            NodeConfig n = node().profile(profile("os", "linux"))
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "tcp://10.0.0.1:2375")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(Severity.ERROR, x.severity());
            assertTrue(x.message().contains("only support unix socket endpoint"), x.message());
            NodeConfig unknownOs = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "tcp://10.0.0.1:2375")).build();
            assertTrue(run(rule, unknownOs).get(0).message().contains("assuming a Linux node"));
            NodeConfig windows = node().profile(profile("os", "windows"))
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "tcp://10.0.0.1:2375")).build();
            assertEquals(List.of(), run(rule, windows));
        }

        @Test
        void windowsPipesWantNpipe() {
            NodeConfig n = node().profile(profile("os", "windows"))
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "\\\\.\\pipe\\containerd-containerd")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(Severity.WARNING, x.severity());
            assertEquals(List.of(Fix.of(new NodeEdit.SetRuntimeEndpoint("npipe:////./pipe/containerd-containerd"))), x.fixes());
            NodeConfig ok = node().profile(profile("os", "windows"))
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "npipe:////./pipe/containerd-containerd")).build();
            assertEquals(List.of(), run(rule, ok));
        }

        @Test
        void aHostNameInAUnixUrlIsAnErrorWithTheRightSpelling() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix://run/containerd/containerd.sock")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(Severity.ERROR, x.severity());
            assertTrue(x.message().contains("'run' is read as a host name"), x.message());
            assertEquals(List.of(Fix.of(new NodeEdit.SetRuntimeEndpoint("unix:///run/containerd/containerd.sock"))), x.fixes());
        }

        @Test
        void flagsImageEndpointAndCriDockerdAreCheckedToo() {
            NodeConfig n = node()
                    .kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/containerd/containerd.sock",
                            "imageServiceEndpoint", "/run/containerd/containerd.sock"))
                    .kubeletFlags(flags(flag(EXTRA_ARGS, 3, "container-runtime-endpoint", "/run/crio/crio.sock")))
                    .criDockerd(criDockerd(Optional.empty(), "container-runtime-endpoint", "/run/cri-dockerd.sock")).build();
            List<Finding> f = run(rule, n, option(TargetComponent.KUBERNETES, "1.30"));
            assertEquals(3, f.size(), f.toString());
            // the flag wins over the file: the file's endpoint is not in effect and not reported
            assertEquals(List.of(valueAt(EXTRA_ARGS, 3), valueAt(CRI_DOCKERD, 10), valueAt(KUBELET, 2)),
                    f.stream().map(Finding::location).toList());
            assertEquals(List.of(Fix.of(new NodeEdit.SetRuntimeEndpoint("unix:///run/crio/crio.sock"))), f.get(0).fixes());
            assertEquals(List.of(), f.get(1).fixes());
            assertTrue(f.get(1).message().startsWith("cri-dockerd's listen endpoint /run/cri-dockerd.sock"), f.get(1).message());
            assertEquals(List.of(Fix.of(new NodeEdit.SetValue(KUBELET, List.of("imageServiceEndpoint"),
                    "unix:///run/containerd/containerd.sock"))), f.get(2).fixes());
        }

        @Test
        void quietForUrlsDefaultsAndEmptyValues() {
            NodeConfig n = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/containerd/containerd.sock"))
                    .criDockerd(criDockerd(Optional.empty(), "container-runtime-endpoint", "fd://")).build();
            assertEquals(List.of(), run(rule, n));
            assertEquals(List.of(), run(rule, node().kubeletConfiguration(kubelet("cgroupDriver", "systemd")).build()));
            assertEquals(List.of(), run(rule, node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "")).build()));
        }
    }

    @Nested
    class Ambiguous {
        private final RuntimeAmbiguousRule rule = new RuntimeAmbiguousRule();

        @Test
        void twoRuntimesAndNoEndpoint() {
            NodeConfig n = node().kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                    .containerd(containerd("version", 2, "grpc.address", "/run/containerd/containerd.sock"))
                    .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            Finding x = run(rule, n, option(TargetComponent.KUBERNETES, "1.33")).get(0);
            assertEquals("runtime-ambiguous", x.ruleId());
            assertEquals(Severity.WARNING, x.severity());
            assertEquals(new Origin(KUBELET, 1, 1, 0, 0), x.location());
            assertTrue(x.message().startsWith("containerd and CRI-O are both configured on this node, but nothing says which one the "
                    + "kubelet uses: the kubelet sets no runtime endpoint, so it dials its default unix:///run/containerd/containerd.sock "
                    + "(Kubernetes 1.33)"), x.message());
            assertEquals(List.of(valueAt(CONTAINERD, 2), new Origin(CRIO, 1, 1, 0, 0)),
                    x.related().stream().map(r -> r.location()).toList());
        }

        @Test
        void anExplicitEndpointOrCriSocketSettlesIt() {
            NodeConfig named = node().kubeletConfiguration(kubelet("containerRuntimeEndpoint", "unix:///run/crio/crio.sock"))
                    .containerd(containerd("version", 2)).crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            assertEquals(List.of(), run(rule, named));
            KubeadmConfig kubeadm = new KubeadmConfig(KUBEADM, List.of(TestTrees.tree(KUBEADM,
                    "apiVersion", "kubeadm.k8s.io/v1beta4", "kind", "InitConfiguration",
                    "nodeRegistration.criSocket", "unix:///var/run/crio/crio.sock")));
            NodeConfig socket = node().kubeadm(kubeadm).containerd(containerd("version", 2))
                    .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            assertEquals(List.of(), run(rule, socket));
            NodeConfig noKubelet = node().containerd(containerd("version", 2)).crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            Finding x = run(rule, noKubelet).get(0);
            assertTrue(x.message().contains("no kubelet configuration names a runtime endpoint"), x.message());
        }

        @Test
        void containerdWithoutCriDoesNotCount() {
            NodeConfig n = node().kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                    .containerd(containerd("disabled_plugins", List.of("cri")))
                    .crio(crio("crio.runtime.cgroup_manager", "systemd")).build();
            assertEquals(List.of(), run(rule, n));
        }
    }
}
