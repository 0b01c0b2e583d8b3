package dev.criconf.model.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.catalog.KubeletFieldCatalog.FieldType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KubeletCatalogTest {

    private static KubernetesVersion k(String v) {
        return KubernetesVersion.parse(v).orElseThrow();
    }

    @Test
    void removedFlags() {
        // CHANGELOG-1.24 (PR #106907), CHANGELOG-1.27 (PR #114017), CHANGELOG-1.35 (PR #133779)
        assertTrue(KubeletFlagCatalog.existsIn("--network-plugin", k("1.23")));
        assertFalse(KubeletFlagCatalog.existsIn("--network-plugin", k("1.24")));
        assertTrue(KubeletFlagCatalog.existsIn("--container-runtime", k("1.26.5")));
        assertFalse(KubeletFlagCatalog.existsIn("--container-runtime", k("1.27")));
        assertTrue(KubeletFlagCatalog.existsIn("--pod-infra-container-image", k("1.34")));
        assertFalse(KubeletFlagCatalog.existsIn("--pod-infra-container-image", k("1.35")));
        // CHANGELOG-1.31 (PR #122082) and CHANGELOG-1.34 (PR #122384)
        assertFalse(KubeletFlagCatalog.existsIn("--keep-terminated-pod-volumes", k("1.31")));
        assertFalse(KubeletFlagCatalog.existsIn("--register-schedulable", k("1.34")));
        assertTrue(KubeletFlagCatalog.existsIn("--register-schedulable", k("1.33")));
        // klog flags: PR #112120 (1.26)
        assertFalse(KubeletFlagCatalog.existsIn("--logtostderr", k("1.26")));
        assertFalse(KubeletFlagCatalog.existsIn("--no-such-flag", k("1.30")));
    }

    @Test
    void deprecationAndConfigFields() {
        // options.go: config-backed flags are deprecated "set via the config file"; --container-runtime-endpoint since 1.27
        KubeletFlagCatalog.Flag endpoint = KubeletFlagCatalog.find("container-runtime-endpoint").orElseThrow();
        assertEquals(Optional.of("containerRuntimeEndpoint"), endpoint.configField());
        assertFalse(endpoint.isDeprecatedIn(k("1.26")));
        assertTrue(endpoint.isDeprecatedIn(k("1.27")));
        assertTrue(KubeletFlagCatalog.find("cgroup-driver").orElseThrow().isDeprecatedIn(k("1.20")));
        assertFalse(KubeletFlagCatalog.find("v").orElseThrow().isDeprecatedIn(k("1.30")));
        assertFalse(KubeletFlagCatalog.find("node-ip").orElseThrow().isDeprecatedIn(k("1.30")));
        assertTrue(KubeletFlagCatalog.find("pod-infra-container-image").orElseThrow().isDeprecatedIn(k("1.30")));
        // flags.go 1.24-1.26 has no MarkDeprecated for it; 1.27 adds "will be removed in a future release"
        assertFalse(KubeletFlagCatalog.find("pod-infra-container-image").orElseThrow().isDeprecatedIn(k("1.26")));
        assertTrue(KubeletFlagCatalog.find("pod-infra-container-image").orElseThrow().isDeprecatedIn(k("1.27")));
        assertEquals("--cgroup-driver", KubeletFlagCatalog.find("cgroup_driver").orElseThrow().spelled());
    }

    @Test
    void flagKinds() {
        assertTrue(KubeletFlagCatalog.isBoolean("--fail-swap-on"));
        assertTrue(KubeletFlagCatalog.isBoolean("--logtostderr"));
        assertFalse(KubeletFlagCatalog.isBoolean("--cgroup-driver"));
        assertEquals(FlagValueKind.THRESHOLD_MAP, KubeletFlagCatalog.find("eviction-hard").orElseThrow().kind());
        assertEquals(FlagValueKind.KEY_VALUE_MAP, KubeletFlagCatalog.find("eviction-minimum-reclaim").orElseThrow().kind());
        assertEquals(FlagValueKind.FEATURE_GATES, KubeletFlagCatalog.find("feature-gates").orElseThrow().kind());
        assertEquals(FlagValueKind.LIST, KubeletFlagCatalog.find("cluster-dns").orElseThrow().kind());
        assertEquals(Optional.of("--cgroup-driver"), KubeletFlagCatalog.suggest("--cgroup-drivr"));
        assertEquals(Optional.of("--fail-swap-on"), KubeletFlagCatalog.suggest("--Fail-Swap-On"));
    }

    @Test
    void upgradesThatBreakFlags() {
        List<KubeletFlagCatalog.Flag> gone = KubeletFlagCatalog.removedBetween(k("1.23"), k("1.24"));
        Set<String> names = new HashSet<>();
        gone.forEach(f -> names.add(f.name()));
        assertTrue(names.containsAll(Set.of("network-plugin", "docker-endpoint", "dynamic-config-dir", "non-masquerade-cidr")));
        assertFalse(names.contains("container-runtime"));
    }

    @Test
    void fieldsDefaultsAndSince() {
        // kubelet config/v1beta1/types.go per tag; pkg/kubelet/apis/config/v1beta1/defaults.go
        assertEquals("5", KubeletFieldCatalog.find("eventRecordQPS").orElseThrow().defaultIn(k("1.26")).orElseThrow().value());
        assertEquals("50", KubeletFieldCatalog.find("eventRecordQPS").orElseThrow().defaultIn(k("1.27")).orElseThrow().value());
        assertEquals("true", KubeletFieldCatalog.find("failCgroupV1").orElseThrow().defaultIn(k("1.35")).orElseThrow().value());
        assertEquals("false", KubeletFieldCatalog.find("failCgroupV1").orElseThrow().defaultIn(k("1.31")).orElseThrow().value());
        assertEquals(Optional.empty(), KubeletFieldCatalog.find("failCgroupV1").orElseThrow().defaultIn(k("1.30")));
        assertFalse(KubeletFieldCatalog.find("containerRuntimeEndpoint").orElseThrow().existsIn(k("1.26")));
        assertEquals(FieldType.BOOLEAN_MAP, KubeletFieldCatalog.find("featureGates").orElseThrow().type());
        assertEquals(Optional.of("anonymous-auth"), KubeletFieldCatalog.find("authentication.anonymous.enabled").orElseThrow().flag());
        assertEquals("resolvConf", KubeletFieldCatalog.forFlag("--resolv-conf").orElseThrow().path());
        // 1.36.3 has 125 top-level fields (kubelet-kubeadm.md §1), plus apiVersion and kind
        assertEquals(127, KubeletFieldCatalog.topLevelNames(k("1.36")).size());
        assertEquals(128, KubeletFieldCatalog.allTopLevelNames().size());
        assertTrue(KubeletFieldCatalog.topLevelNames(k("1.26")).contains("cgroupDriver"));
        assertFalse(KubeletFieldCatalog.topLevelNames(k("1.26")).contains("containerRuntimeEndpoint"));
    }

    @Test
    void criDockerdFlags() {
        // Mirantis/cri-dockerd cmd/cri/options/options.go
        assertTrue(CriDockerdFlagCatalog.find("--container-runtime-endpoint").isPresent());
        assertTrue(CriDockerdFlagCatalog.find("networkplugin").isEmpty());
        assertTrue(CriDockerdFlagCatalog.find("network-plugin").orElseThrow().existsIn(ComponentVersion.of(0, 2, 0)));
        assertFalse(CriDockerdFlagCatalog.find("streaming-bind-addr").orElseThrow().existsIn(ComponentVersion.of(0, 2, 5)));
        assertTrue(CriDockerdFlagCatalog.find("streaming-bind-addr").orElseThrow().existsIn(ComponentVersion.of(0, 3)));
    }
}
