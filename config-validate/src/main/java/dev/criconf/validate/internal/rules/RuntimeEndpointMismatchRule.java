package dev.criconf.validate.internal.rules;

import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code runtime-endpoint-mismatch}: the socket the kubelet dials (its effective
 * {@code containerRuntimeEndpoint} / {@code --container-runtime-endpoint}, or the release's
 * default) is not where any configured runtime listens (containerd {@code [grpc] address}, CRI-O
 * {@code [crio.api] listen}, cri-dockerd {@code --container-runtime-endpoint} or its socket unit's
 * {@code ListenStream}). {@code /var/run} and {@code /run} name the same directory, {@code %t} is
 * {@code /run}. Endpoints that point at dockershim or Docker's API socket are left to
 * {@code dockershim-removed}.
 */
public final class RuntimeEndpointMismatchRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("runtime-endpoint-mismatch", Severity.ERROR)
            .title("The kubelet dials a socket no configured runtime listens on")
            .rationale("The kubelet reaches the container runtime only through the CRI socket named by "
                    + "containerRuntimeEndpoint (a config field since Kubernetes 1.27) or --container-runtime-endpoint; "
                    + "without either it dials containerd's socket. If no runtime listens there, the kubelet logs "
                    + "connection errors ('connect: no such file or directory'), the node never becomes Ready and no pod "
                    + "starts. This happens after switching runtimes (the kubelet still points at the old one), when a "
                    + "runtime's listen address was changed on one side only, or when cri-dockerd listens somewhere "
                    + "else than the kubelet expects. criconf compares the normalised socket paths: /var/run is /run "
                    + "on systemd hosts, and a socket unit's %t is /run.")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/migrating-from-dockershim/change-runtime-containerd/")
            .example("var/lib/kubelet/config.yaml",
                    "# containerd listens on /run/containerd/containerd.sock\ncontainerRuntimeEndpoint: unix:///var/run/crio/crio.sock\n",
                    "# containerd listens on /run/containerd/containerd.sock\n"
                            + "containerRuntimeEndpoint: unix:///run/containerd/containerd.sock\n")
            .build();

    // the sockets each runtime uses by default, to say whose socket the kubelet dials
    private static final Map<String, String> KNOWN_SOCKETS = Map.of(
            "/run/containerd/containerd.sock", "containerd",
            "/run/crio/crio.sock", "CRI-O",
            "/run/cri-dockerd.sock", "cri-dockerd");

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        Optional<Kubelet> kubelet = x.kubelet();
        List<Runtime> runtimes = x.runtimes();
        if (kubelet.isEmpty() || runtimes.isEmpty()) {
            return;
        }
        Optional<Fact<String>> endpoint = kubelet.get().endpoint();
        if (endpoint.isEmpty()) {
            return;
        }
        Fact<String> ep = endpoint.get();
        Optional<CriEndpoint> dialed = CriEndpoint.parse(ep.value()).toOptional();
        if (dialed.isEmpty() || dialed.get().transport() == CriEndpoint.Transport.FD) {
            return; // not an endpoint the kubelet can dial: runtime-endpoint-scheme says why
        }
        if (isDockerOrDockershim(node, dialed.get())) {
            return;
        }
        for (Runtime r : runtimes) {
            if (r.listen().map(l -> l.value().sameSocketAs(dialed.get())).orElse(false)) {
                return;
            }
        }
        List<Runtime> listening = runtimes.stream().filter(r -> r.listen().isPresent()).toList();
        if (listening.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("the kubelet dials ").append(ep.value()).append(" (").append(ep.shown());
        if (!ep.explicit()) {
            msg.append(", ").append(x.kubernetesPhrase());
        }
        msg.append(") but ");
        if (listening.size() == 1) {
            Runtime r = listening.get(0);
            msg.append(r.name()).append(", the runtime configured on this node, listens on ")
                    .append(r.listen().get().value().address());
        } else {
            msg.append("no configured runtime listens there (");
            List<String> parts = new ArrayList<>();
            for (Runtime r : listening) {
                parts.add(r.name() + " on " + r.listen().get().value().address());
            }
            msg.append(String.join(", ", parts)).append(')');
        }
        String whose = dialed.get().isUnixSocket() ? KNOWN_SOCKETS.get(dialed.get().normalizedAddress()) : null;
        if (whose != null && listening.stream().noneMatch(r -> r.name().equals(whose))) {
            msg.append("; ").append(ep.value()).append(" is ").append(whose).append("'s usual socket, and ").append(whose)
                    .append(" is not configured here");
        }
        msg.append(": the kubelet cannot reach the runtime, so the node never becomes Ready. ");
        if (listening.size() == 1 && isDockerOrDockershim(node, listening.get(0).listen().get().value())) {
            // pointing the kubelet at Docker's API socket would be worse: fix the runtime's side
            msg.append(listening.get(0).name()).append(" listens on Docker Engine's own API socket; make it listen on ")
                    .append(schemed(dialed.get())).append(" (its own socket) instead");
        } else if (listening.size() == 1) {
            Runtime r = listening.get(0);
            // containerd's address and CRI-O's listen are paths; cri-dockerd's flag is a URL
            String there = r.kind() == dev.criconf.model.ContainerRuntime.CRI_DOCKERD
                    ? schemed(dialed.get()) : dialed.get().address();
            msg.append("Set the kubelet's containerRuntimeEndpoint to ").append(schemed(r.listen().get().value()))
                    .append(", or make ").append(r.name()).append(" listen on ").append(there);
        } else {
            msg.append("Set the kubelet's containerRuntimeEndpoint to the socket of the runtime it should use");
        }
        Finding.Builder f = ctx.finding(ep.location(), msg.toString());
        for (Runtime r : listening) {
            Fact<CriEndpoint> l = r.listen().get();
            f.related(l.location(), r.name() + " listens here: " + l.shown());
        }
        f.report();
    }

    private static String schemed(CriEndpoint e) {
        return e.withScheme().text();
    }

    // dockershim's socket, or Docker's own API socket: dockershim-removed explains those
    private static boolean isDockerOrDockershim(NodeConfig node, CriEndpoint dialed) {
        if (dialed.sameSocketAs(CrossComponent.DOCKERSHIM_ENDPOINT)) {
            return true;
        }
        for (Fact<CriEndpoint> d : CrossComponent.dockerSockets(node)) {
            if (d.value().sameSocketAs(dialed)) {
                return true;
            }
        }
        return false;
    }
}
