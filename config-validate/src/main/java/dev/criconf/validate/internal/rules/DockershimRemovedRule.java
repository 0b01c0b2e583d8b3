package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code dockershim-removed}: on Kubernetes 1.24 or later, the kubelet still relies on dockershim:
 * its runtime (or image) endpoint is {@code dockershim.sock} or Docker Engine's own API socket
 * ({@code /var/run/docker.sock}, cri-dockerd's {@code --docker-endpoint}, a daemon.json
 * {@code hosts} socket), or its command line passes a dockershim flag ({@code --network-plugin},
 * {@code --cni-conf-dir}, {@code --cni-bin-dir}, {@code --cni-cache-dir}, {@code --network-plugin-mtu},
 * {@code --docker-endpoint}, {@code --image-pull-progress-deadline},
 * {@code --experimental-dockershim-root-directory}, {@code --experimental-dockershim}) or
 * {@code --container-runtime=docker}. One finding per signal.
 */
public final class DockershimRemovedRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("dockershim-removed", Severity.ERROR)
            .title("The kubelet still relies on dockershim, removed in Kubernetes 1.24")
            .rationale("Up to Kubernetes 1.23 the kubelet could run Docker Engine itself through its built-in dockershim. "
                    + "Kubernetes 1.24 removed dockershim together with its flags. A 1.24 or later kubelet given one of "
                    + "those flags (often left in kubeadm-flags.env by kubeadm 1.23, e.g. --network-plugin=cni) exits with "
                    + "'unknown flag', --container-runtime=docker is rejected ('only \"remote\" is currently supported'), "
                    + "and a kubelet pointed at dockershim.sock or at Docker's own API socket finds no CRI service there: "
                    + "Docker's API is not CRI. To keep Docker Engine, install cri-dockerd and point the kubelet at "
                    + "unix:///var/run/cri-dockerd.sock; otherwise switch the node to containerd or CRI-O.")
            .reference("https://kubernetes.io/blog/2022/02/17/dockershim-faq/")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/migrating-from-dockershim/")
            .example("var/lib/kubelet/kubeadm-flags.env",
                    "KUBELET_KUBEADM_ARGS=\"--network-plugin=cni --container-runtime-endpoint=unix:///var/run/dockershim.sock\"\n",
                    "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///var/run/cri-dockerd.sock\"\n")
            .build();

    /** Flags that only dockershim had. */
    static final Set<String> DOCKERSHIM_FLAGS = Set.of("network-plugin", "network-plugin-mtu", "cni-conf-dir", "cni-bin-dir",
            "cni-cache-dir", "docker-endpoint", "image-pull-progress-deadline", "experimental-dockershim-root-directory",
            "experimental-dockershim");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        if (!x.kubernetes().isAssumed() && KnownVersions.hasDockershim(x.kubernetesVersion())) {
            return;
        }
        Optional<Kubelet> kubelet = x.kubelet();
        if (kubelet.isEmpty()) {
            return;
        }
        // the subject of "... no longer has dockershim": the release, or the assumption and why
        String k8s = x.kubernetes().isAssumed()
                ? "Kubernetes 1.24 and later (" + x.kubernetesPhrase() + ", as no Kubernetes version is given)"
                : x.kubernetesPhrase();
        // what to write instead: only a finding needs it, and most nodes have none
        String[] memo = new String[1];
        Supplier<String> replacement = () -> memo[0] != null ? memo[0] : (memo[0] = replacement(x));
        for (CommandLineFlag f : node.kubeletFlags().map(KubeletFlags::flags).orElse(List.of())) {
            if (DOCKERSHIM_FLAGS.contains(f.name())) {
                String from = f.variable().map(v -> " (from " + v + ")").orElse("");
                ctx.report(f.origin(), "--" + f.name() + from + " is a dockershim flag: " + k8s + " no longer has dockershim or "
                        + "this flag, so the kubelet exits with 'failed to parse kubelet flag: unknown flag: --" + f.name()
                        + "'. Delete it; networking is now configured in the CRI runtime and the CNI plugin");
            } else if (f.name().equals("container-runtime") && f.value().map(v -> !v.equals("remote")).orElse(false)) {
                ctx.report(f.valueOrigin().orElse(f.origin()), "--container-runtime=" + f.value().get() + " asks for dockershim, "
                        + "which " + k8s + " no longer has: the kubelet stops with 'unsupported CRI runtime' (1.24 to 1.26; "
                        + "1.27 removed the flag). Delete the flag; " + replacement.get());
            }
        }
        kubelet.get().endpoint().filter(Fact::explicit)
                .ifPresent(ep -> endpoint(ctx, node, ep, "runtime endpoint", k8s, replacement));
        kubelet.get().imageEndpoint()
                .ifPresent(ep -> endpoint(ctx, node, ep, "image service endpoint", k8s, replacement));
    }

    private static void endpoint(RuleContext ctx, NodeConfig node, Fact<String> ep, String which, String k8s,
            Supplier<String> replacement) {
        Optional<CriEndpoint> e = CriEndpoint.parse(ep.value()).toOptional();
        if (e.isEmpty()) {
            return;
        }
        if (e.get().sameSocketAs(CrossComponent.DOCKERSHIM_ENDPOINT)) {
            ctx.report(ep.location(), "the kubelet's " + which + " is " + ep.value() + " (" + ep.shown() + "), dockershim's socket: "
                    + k8s + " has no dockershim, so nothing serves CRI there and the kubelet cannot start pods; " + replacement.get());
            return;
        }
        for (Fact<CriEndpoint> docker : CrossComponent.dockerSockets(node)) {
            if (docker.value().sameSocketAs(e.get())) {
                var f = ctx.finding(ep.location(), "the kubelet's " + which + " is " + ep.value() + " (" + ep.shown()
                        + "), Docker Engine's own API socket, not a CRI endpoint: " + k8s + " has no dockershim, so the "
                        + "kubelet cannot talk to Docker directly and fails to connect; " + replacement.get());
                if (docker.explicit()) {
                    f.related(docker.location(), "Docker's socket: " + docker.shown());
                }
                f.report();
                return;
            }
        }
    }

    // what to do instead: the configured runtime's socket when there is exactly one
    private static String replacement(CrossComponent x) {
        List<Runtime> cri = x.criRuntimes();
        if (cri.size() == 1 && cri.get(0).listen().isPresent()
                && CrossComponent.dockerSockets(x.node()).stream().noneMatch(d -> d.value().sameSocketAs(cri.get(0).listen().get().value()))) {
            return "point the kubelet at " + cri.get(0).name() + " instead: " + cri.get(0).listen().get().value().withScheme().text();
        }
        return "to keep Docker Engine install cri-dockerd and point the kubelet at unix:///var/run/cri-dockerd.sock, or switch "
                + "the node to containerd or CRI-O";
    }
}
