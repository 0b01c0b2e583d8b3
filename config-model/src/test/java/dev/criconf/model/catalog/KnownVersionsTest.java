package dev.criconf.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Component;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KnownVersionsTest {

    private static KubernetesVersion k(String v) {
        return KubernetesVersion.parse(v).orElseThrow();
    }

    private static ComponentVersion c(String v) {
        return ComponentVersion.parse(v).orElseThrow();
    }

    @Test
    void kubeadmPauseImagePerMinor() {
        // kubernetes cmd/kubeadm/app/constants/constants.go PauseVersion = "3.10" (1.32-era, read directly);
        // other minors: `kubeadm config images list` as recorded by minikube constants_kubeadm_images.go
        assertEquals("registry.k8s.io/pause:3.10", KnownVersions.kubeadmPauseImage(k("1.32")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.9", KnownVersions.kubeadmPauseImage(k("v1.29.4")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10.1", KnownVersions.kubeadmPauseImage(k("1.34")).orElseThrow().value());
        assertEquals("k8s.gcr.io/pause:3.6", KnownVersions.kubeadmPauseImage(k("1.23.0")).orElseThrow().value());
        assertEquals(Optional.empty(), KnownVersions.kubeadmPauseImage(k("1.40")));
        Setting<String> s = KnownVersions.kubeadmPauseImage(k("1.31")).orElseThrow();
        assertEquals(new Source.Default(Component.KUBEADM, "1.31"), s.source());
        assertEquals("my.mirror/k8s/pause:3.10", KnownVersions.kubeadmPauseImage(k("1.31"), "my.mirror/k8s").orElseThrow().value());
    }

    @Test
    void kubeadmImageRepositoryMovedInPatchReleases() {
        // cluster-api util/kubeadm GetDefaultRegistry; kubernetes PRs #109938 (1.25), #113388/#113393/#113395 (back-ports)
        assertEquals("k8s.gcr.io", KnownVersions.kubeadmImageRepository(k("1.22.16")).value());
        assertEquals("registry.k8s.io", KnownVersions.kubeadmImageRepository(k("1.22.17")).value());
        assertEquals("k8s.gcr.io", KnownVersions.kubeadmImageRepository(k("1.24.8")).value());
        assertEquals("registry.k8s.io", KnownVersions.kubeadmImageRepository(k("1.24.9")).value());
        assertEquals("registry.k8s.io", KnownVersions.kubeadmImageRepository(k("1.24")).value());
        assertEquals("registry.k8s.io", KnownVersions.kubeadmImageRepository(k("1.30")).value());
        assertEquals("k8s.gcr.io", KnownVersions.kubeadmImageRepository(k("1.21")).value());
    }

    @Test
    void containerdSandboxImagePerRelease() {
        // containerd pkg/cri/config/config_unix.go (1.x) and internal/cri/config/config.go DefaultSandboxImage (2.x)
        assertEquals("k8s.gcr.io/pause:3.6", KnownVersions.containerdSandboxImage(c("1.6.8")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.6", KnownVersions.containerdSandboxImage(c("1.6.20")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.6", KnownVersions.containerdSandboxImage(c("1.6")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.8", KnownVersions.containerdSandboxImage(c("1.7.22")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10", KnownVersions.containerdSandboxImage(c("2.0.0")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10.2", KnownVersions.containerdSandboxImage(c("2.3")).orElseThrow().value());
        assertEquals(Optional.empty(), KnownVersions.containerdSandboxImage(c("1.5.9")));
        assertEquals(Optional.empty(), KnownVersions.containerdSandboxImage(c("2.4.0")));
        assertEquals("default of containerd 1.7", KnownVersions.containerdSandboxImage(c("1.7.1")).orElseThrow().source().describe());
    }

    @Test
    void crioDefaultsPerRelease() {
        // cri-o pkg/config/config_linux.go / config.go DefaultConfig at each tag
        assertEquals("registry.k8s.io/pause:3.6", KnownVersions.crioPauseImage(c("1.27.0")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.9", KnownVersions.crioPauseImage(c("1.27.1")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10.1", KnownVersions.crioPauseImage(c("1.34.2")).orElseThrow().value());
        assertEquals(CgroupDriver.CGROUPFS, KnownVersions.crioCgroupManager(c("1.17.5")).value());
        assertEquals(CgroupDriver.SYSTEMD, KnownVersions.crioCgroupManager(c("1.18.0")).value());
        assertEquals("runc", KnownVersions.crioDefaultRuntime(c("1.30.4")).value());
        assertEquals("crun", KnownVersions.crioDefaultRuntime(c("1.31")).value());
        assertEquals("system.slice", KnownVersions.crioConmonCgroup(c("1.20")).orElseThrow().value());
        assertEquals("", KnownVersions.crioConmonCgroup(c("1.26.4")).orElseThrow().value());
        assertEquals("/var/run/crio/crio.sock", KnownVersions.crioListen().value());
    }

    @Test
    void criDockerdPauseImagePerRelease() {
        // Mirantis/cri-dockerd cmd/cri/options/options.go at each tag
        assertEquals("registry.k8s.io/pause:3.9", KnownVersions.criDockerdPauseImage(c("0.3.16")).orElseThrow().value());
        assertEquals("registry.k8s.io/pause:3.10", KnownVersions.criDockerdPauseImage(c("0.3.17")).orElseThrow().value());
        assertEquals("k8s.gcr.io/pause:3.6", KnownVersions.criDockerdPauseImage(c("v0.2.5")).orElseThrow().value());
        assertEquals(KnownVersions.criDockerdPauseImage(c("0.4.1")), KnownVersions.defaultSandboxImage(Component.CRI_DOCKERD, c("0.4.1")));
    }

    @Test
    void dockerCgroupDriverDependsOnTheHost() {
        // moby daemon/config/config_linux.go UsingSystemd; commit 4714ab5d6c (20.10.0)
        assertEquals(CgroupDriver.SYSTEMD, KnownVersions.dockerDefaultCgroupDriver(c("24.0.7"), true, true).value());
        assertEquals(CgroupDriver.CGROUPFS, KnownVersions.dockerDefaultCgroupDriver(c("24.0.7"), false, true).value());
        assertEquals(CgroupDriver.CGROUPFS, KnownVersions.dockerDefaultCgroupDriver(c("19.03.15"), true, true).value());
    }

    @Test
    void cgroupDriverFromCriGateAndRuntimeSupport() {
        // kubernetes pkg/features/kube_features.go; website KubeletCgroupDriverFromCRI.md
        assertEquals(KnownVersions.GateStage.ABSENT, KnownVersions.kubeletCgroupDriverFromCri(k("1.27")));
        assertEquals(KnownVersions.GateStage.ALPHA_OFF, KnownVersions.kubeletCgroupDriverFromCri(k("1.30")));
        assertEquals(KnownVersions.GateStage.BETA_ON, KnownVersions.kubeletCgroupDriverFromCri(k("1.31")));
        assertEquals(KnownVersions.GateStage.GA_LOCKED, KnownVersions.kubeletCgroupDriverFromCri(k("1.34.1")));
        assertTrue(KnownVersions.reportsCgroupDriver(Component.CONTAINERD, c("2.0.0")));
        assertFalse(KnownVersions.reportsCgroupDriver(Component.CONTAINERD, c("1.7.22")));
        assertTrue(KnownVersions.reportsCgroupDriver(Component.CRIO, c("1.28.0")));
        assertFalse(KnownVersions.reportsCgroupDriver(Component.CRI_DOCKERD, c("0.3.16")));
        assertTrue(KnownVersions.reportsCgroupDriver(Component.CRI_DOCKERD, c("0.3.17")));
    }

    @Test
    void kubeletEndpointDefaultAndEvictionDefaults() {
        assertEquals(Optional.empty(), KnownVersions.kubeletContainerRuntimeEndpoint(k("1.26")));
        assertEquals("unix:///run/containerd/containerd.sock", KnownVersions.kubeletContainerRuntimeEndpoint(k("1.27")).orElseThrow().value());
        assertEquals("100Mi", KnownVersions.kubeletEvictionHardDefaults(false).get("memory.available"));
        assertEquals(3, KnownVersions.kubeletEvictionHardDefaults(true).size());
        assertTrue(KnownVersions.hasDockershim(k("1.23")));
        assertFalse(KnownVersions.hasDockershim(k("1.24")));
        assertTrue(KnownVersions.kubeadmChecksBridgeNetfilter(k("1.29")));
        assertFalse(KnownVersions.kubeadmChecksBridgeNetfilter(k("1.30")));
    }
}
