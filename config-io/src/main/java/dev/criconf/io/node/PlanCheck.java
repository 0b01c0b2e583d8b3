package dev.criconf.io.node;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Whether a typed edit holds on a node loaded after the plan: what the program would read. */
final class PlanCheck {

    private PlanCheck() {
    }

    /** Why {@code edit} does not hold on {@code after}, or empty when it does. */
    static Optional<String> failure(NodeEdit edit, NodeConfig after) {
        if (edit instanceof NodeEdit.SetCgroupDriver e) {
            Optional<String> actual = e.side() == NodeEdit.Side.KUBELET
                    ? kubelet(after).flatMap(EffectiveKubeletConfig::cgroupDriver).map(Setting::value)
                    : runtimeDriver(after).map(CgroupDriver::value);
            return expect((e.side() == NodeEdit.Side.KUBELET ? "the kubelet" : "the runtime") + " cgroup driver",
                    e.driver().value(), actual);
        }
        if (edit instanceof NodeEdit.SetSandboxImage e) {
            Optional<String> actual = switch (runtime(after).orElse(ContainerRuntime.CRI_DOCKERD)) {
                case CONTAINERD -> after.containerd().flatMap(c -> c.cri().sandboxImage()).map(Setting::value);
                case CRIO -> after.crio().flatMap(c -> c.pauseImage()).map(Setting::value);
                case CRI_DOCKERD -> Optional.empty();
            };
            return expect("the sandbox image", e.image(), actual);
        }
        if (edit instanceof NodeEdit.SetRuntimeEndpoint e) {
            return expect("the kubelet's runtime endpoint", e.endpoint(),
                    kubelet(after).flatMap(EffectiveKubeletConfig::containerRuntimeEndpoint).map(Setting::value));
        }
        if (edit instanceof NodeEdit.EnableContainerdCri) {
            Optional<ContainerdConfig> c = after.containerd();
            boolean disabled = c.isPresent() && c.get().disabledPlugins().stream().anyMatch(s -> keepsCriOff(s.value(),
                    c.get().schema().orElse(ContainerdPlugins.Schema.V1)));
            return disabled ? Optional.of("disabled_plugins still disables the CRI plugin") : Optional.empty();
        }
        if (edit instanceof NodeEdit.SetKubeletFlag e) {
            return expect("kubelet flag --" + e.name(), e.value(),
                    after.kubeletFlags().flatMap(f -> f.last(e.name())).flatMap(f -> f.value()));
        }
        if (edit instanceof NodeEdit.RemoveKubeletFlag e) {
            return after.kubeletFlags().flatMap(f -> f.last(e.name()))
                    .map(f -> "kubelet flag --" + e.name() + " is still set at " + f.origin());
        }
        if (edit instanceof NodeEdit.SetCrioConmonCgroup e) {
            return expect("CRI-O conmon_cgroup", e.value(),
                    after.crio().flatMap(c -> c.conmonCgroup()).map(Setting::value));
        }
        // SetValue / RemoveValue: the format's editor already verified the one key it changed
        return Optional.empty();
    }

    /**
     * Whether a {@code disabled_plugins} entry keeps the CRI plugin from serving in some containerd
     * release reading a file of this schema: the CRI id of the schema, the ids 2.x splits the CRI into,
     * or a short id that names the CRI plugin ({@code "cri"}), which a version-2 or later file may not
     * hold at all (containerd refuses the file and does not start). The editor does not know the
     * release, and removing such an entry is right for every release.
     */
    static boolean keepsCriOff(String entry, ContainerdPlugins.Schema schema) {
        return ContainerdPlugins.disablesCri(entry, schema)
                || ContainerdPlugins.disablesCri(entry, schema, ComponentVersion.of(2, 0))
                || ContainerdPlugins.migrateV1Id(entry).equals(ContainerdPlugins.GRPC_CRI);
    }

    private static Optional<String> expect(String what, String wanted, Optional<String> actual) {
        if (actual.isPresent() && Objects.equals(actual.get(), wanted)) {
            return Optional.empty();
        }
        return Optional.of(what + " would be " + actual.map(a -> "'" + a + "'").orElse("unset")
                + " instead of '" + wanted + "'");
    }

    private static Optional<EffectiveKubeletConfig> kubelet(NodeConfig node) {
        return node.effectiveKubelet();
    }

    private static Optional<ContainerRuntime> runtime(NodeConfig node) {
        if (node.kubeletRuntime().isPresent()) {
            return node.kubeletRuntime();
        }
        Set<ContainerRuntime> configured = node.configuredRuntimes();
        return configured.size() == 1 ? Optional.of(configured.iterator().next()) : Optional.empty();
    }

    /** The driver the active runtime uses as far as its files say (containerd's runc: cgroupfs unless SystemdCgroup). */
    static Optional<CgroupDriver> runtimeDriver(NodeConfig node) {
        Optional<ContainerRuntime> runtime = runtime(node);
        if (runtime.isEmpty()) {
            return Optional.empty();
        }
        return switch (runtime.get()) {
            case CONTAINERD -> node.containerd().map(c -> c.cri().defaultRuntime()
                    .flatMap(r -> r.systemdCgroup()).map(Setting::value).orElse(false)
                    ? CgroupDriver.SYSTEMD : CgroupDriver.CGROUPFS);
            case CRIO -> node.crio().flatMap(c -> c.cgroupDriver()).map(Setting::value);
            case CRI_DOCKERD -> node.dockerDaemon().flatMap(d -> d.cgroupDriver()).map(Setting::value);
        };
    }
}
