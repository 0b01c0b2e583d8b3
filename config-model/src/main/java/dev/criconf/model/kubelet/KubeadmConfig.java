package dev.criconf.model.kubelet;

import dev.criconf.model.Setting;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kubeadm configuration file: {@code ---}-separated documents of kinds {@code InitConfiguration},
 * {@code JoinConfiguration}, {@code ClusterConfiguration}, {@code ResetConfiguration},
 * {@code UpgradeConfiguration} ({@code kubeadm.k8s.io/v1beta3} or {@code v1beta4}) and optional
 * component configurations such as {@code KubeletConfiguration}.
 *
 * <p>Source of the field names: kubernetes/kubernetes {@code cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go}
 * and {@code v1beta3/types.go}; research sheet {@code kubelet-kubeadm.md} §8.
 *
 * @param file      the file, relative to the node root
 * @param documents the YAML documents in order
 */
public record KubeadmConfig(String file, List<ConfigValue> documents) {

    /** Rejects nulls and copies the list. */
    public KubeadmConfig {
        Objects.requireNonNull(file, "file");
        documents = List.copyOf(documents);
    }

    /** A kubeadm {@code kubeletExtraArgs} entry (v1beta3 map entry or v1beta4 {@code {name, value}} item). */
    public record ExtraArg(String name, Setting<String> value) {
        /** Rejects nulls. */
        public ExtraArg {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The documents of a kind (e.g. {@code InitConfiguration}), in order. */
    public List<ConfigTable> documentsOfKind(String kind) {
        List<ConfigTable> out = new ArrayList<>();
        for (ConfigValue d : documents) {
            d.asTable().filter(t -> kind.equals(t.string("kind").orElse(null))).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The first document of a kind. */
    public Optional<ConfigTable> document(String kind) {
        List<ConfigTable> all = documentsOfKind(kind);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** {@code ClusterConfiguration.kubernetesVersion} as written (a version or a label such as {@code stable-1.30}). */
    public Optional<Setting<String>> kubernetesVersion() {
        return document("ClusterConfiguration").flatMap(t -> Trees.string(t, Match.EXACT, List.of("kubernetesVersion")));
    }

    /** {@code ClusterConfiguration.imageRepository}. */
    public Optional<Setting<String>> imageRepository() {
        return document("ClusterConfiguration").flatMap(t -> Trees.string(t, Match.EXACT, List.of("imageRepository")));
    }

    /**
     * {@code nodeRegistration.criSocket} of the {@code InitConfiguration}, else of the
     * {@code JoinConfiguration}.
     */
    public Optional<Setting<String>> criSocket() {
        return nodeRegistration("criSocket", "InitConfiguration").or(() -> nodeRegistration("criSocket", "JoinConfiguration"));
    }

    private Optional<Setting<String>> nodeRegistration(String key, String kind) {
        return document(kind).flatMap(t -> Trees.string(t, Match.EXACT, List.of("nodeRegistration", key)));
    }

    /** The {@code apiVersion} of the Init or Join configuration ({@code kubeadm.k8s.io/v1beta3} or {@code v1beta4}). */
    public Optional<Setting<String>> kubeadmApiVersion() {
        Optional<ConfigTable> d = document("InitConfiguration").or(() -> document("JoinConfiguration"))
                .or(() -> document("ClusterConfiguration"));
        return d.flatMap(t -> Trees.string(t, Match.EXACT, List.of("apiVersion")));
    }

    /**
     * {@code nodeRegistration.kubeletExtraArgs} of the Init (else Join) configuration: a map in
     * v1beta3, a list of {@code {name, value}} in v1beta4 (duplicates allowed). Names have no dashes.
     */
    public List<ExtraArg> kubeletExtraArgs() {
        Optional<ConfigValue> v = document("InitConfiguration")
                .flatMap(t -> Trees.find(t, Match.EXACT, List.of("nodeRegistration", "kubeletExtraArgs")))
                .or(() -> document("JoinConfiguration")
                        .flatMap(t -> Trees.find(t, Match.EXACT, List.of("nodeRegistration", "kubeletExtraArgs"))));
        List<ExtraArg> out = new ArrayList<>();
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get() instanceof ConfigTable map) {
            for (ConfigEntry e : map.entries()) {
                e.value().asString().ifPresent(s -> out.add(new ExtraArg(e.key(), Setting.inFile(s, e.value().origin()))));
            }
        }
        v.get().asArray().ifPresent(a -> {
            for (ConfigValue item : a.items()) {
                item.asTable().ifPresent(t -> {
                    Optional<String> name = t.string("name");
                    Optional<ConfigValue> value = t.get("value");
                    if (name.isPresent() && value.isPresent()) {
                        value.get().asString().ifPresent(s -> out.add(new ExtraArg(name.get(), Setting.inFile(s, value.get().origin()))));
                    }
                });
            }
        });
        return List.copyOf(out);
    }

    /** The embedded {@code KubeletConfiguration} document, if the file has one. */
    public Optional<KubeletConfiguration> kubeletConfiguration() {
        return document("KubeletConfiguration").map(t -> new KubeletConfiguration(file, t));
    }
}
