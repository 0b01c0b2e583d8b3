package dev.criconf.io.node.internal;

import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.docker.CriDockerdConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which configured runtime the kubelet's effective {@code containerRuntimeEndpoint} points at: the
 * one whose listen socket is the same socket ({@link CriEndpoint#sameSocketAs}; {@code /var/run} is
 * {@code /run}). Empty when the kubelet's endpoint is unknown or matches no configured runtime.
 */
public final class RuntimeMatch {

    private RuntimeMatch() {}

    /** The runtime the kubelet talks to, when the files say. */
    public static Optional<ContainerRuntime> kubeletRuntime(NodeConfig node) {
        Optional<CriEndpoint> kubelet = node.effectiveKubelet()
                .flatMap(e -> e.containerRuntimeEndpoint())
                .flatMap(s -> CriEndpoint.parse(s.value()).toOptional());
        if (kubelet.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<ContainerRuntime, CriEndpoint> e : listeners(node).entrySet()) {
            if (kubelet.get().sameSocketAs(e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** The socket each configured runtime listens on, as far as its configuration says (defaults included). */
    public static Map<ContainerRuntime, CriEndpoint> listeners(NodeConfig node) {
        Map<ContainerRuntime, CriEndpoint> out = new LinkedHashMap<>();
        node.containerd().flatMap(RuntimeMatch::containerdListener).ifPresent(e -> out.put(ContainerRuntime.CONTAINERD, e));
        node.crio().flatMap(c -> CriEndpoint.parse(c.listen().orElse(KnownVersions.crioListen()).value()).toOptional())
                .ifPresent(e -> out.put(ContainerRuntime.CRIO, e));
        node.criDockerd().flatMap(RuntimeMatch::criDockerdListener).ifPresent(e -> out.put(ContainerRuntime.CRI_DOCKERD, e));
        return out;
    }

    private static Optional<CriEndpoint> containerdListener(ContainerdConfig c) {
        boolean windows = c.mainFile().path().startsWith(LoadContext.rel(ContainerdReader.WINDOWS_CONFIG).split("/")[0] + "/");
        Setting<String> address = c.grpcAddress().orElse(windows ? KnownVersions.containerdGrpcAddressWindows()
                : KnownVersions.containerdGrpcAddress());
        return CriEndpoint.parse(address.value()).toOptional();
    }

    private static Optional<CriEndpoint> criDockerdListener(CriDockerdConfig c) {
        boolean socketActivated = c.containerRuntimeEndpoint().map(s -> s.value().startsWith("fd://")).orElse(false);
        if (socketActivated && c.listenStream().isPresent()) {
            return CriEndpoint.fromListenStream(c.listenStream().get().value()).toOptional();
        }
        return CriEndpoint.parse(c.listenEndpoint().value()).toOptional();
    }
}
