package dev.criconf.validate.internal.rules;

import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Parsed;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubeadm-cri-socket}: kubeadm's {@code nodeRegistration.criSocket} written without a URL
 * scheme (kubeadm prepends {@code unix://} with a deprecation warning), or naming a socket none of
 * the node's configured runtimes listens on (kubeadm's preflight and the kubelet then talk to
 * nothing).
 */
public final class KubeadmCriSocketRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubeadm-cri-socket", Severity.WARNING)
            .title("kubeadm's criSocket lacks a scheme or names no configured runtime")
            .rationale("kubeadm uses nodeRegistration.criSocket for its own CRI calls (preflight, image pulls), "
                    + "stores it on the Node, and, before the NodeLocalCRISocket feature, writes it as the kubelet's "
                    + "--container-runtime-endpoint. A socket without a scheme is accepted with the warning "
                    + "'Usage of CRI endpoints without URL scheme is deprecated and can cause kubelet errors in the "
                    + "future' and rewritten to unix://. A socket that none of the node's runtimes listens on "
                    + "makes preflight fail with 'container runtime is not running' and leaves the kubelet "
                    + "without a runtime. '/var/run/x' and '/run/x' name the same socket.")
            .reference("https://kubernetes.io/docs/reference/config-api/kubeadm-config.v1beta4/#kubeadm-k8s-io-v1beta4-NodeRegistrationOptions")
            .reference("https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/#installing-runtime")
            .example("kubeadm.yaml",
                    "nodeRegistration:\n  criSocket: /run/containerd/containerd.sock\n",
                    "nodeRegistration:\n  criSocket: unix:///run/containerd/containerd.sock\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    private record Listener(String runtime, Setting<String> address, CriEndpoint endpoint) {
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        if (node.kubeadm().isEmpty()) {
            return;
        }
        KubeadmConfig kubeadm = node.kubeadm().get();
        Optional<Setting<String>> socket = kubeadm.criSocket();
        if (socket.isEmpty() || socket.get().value().isBlank()) {
            return;
        }
        Origin at = socket.get().origin().orElse(Origin.ofFile(kubeadm.file()));
        Parsed<CriEndpoint> parsed = CriEndpoint.parse(socket.get().value());
        if (parsed instanceof Parsed.Invalid<CriEndpoint> bad) {
            ctx.report(at, "criSocket '" + socket.get().value() + "' is not a CRI endpoint (" + bad.message()
                    + "); write unix:///path/to/runtime.sock");
            return;
        }
        CriEndpoint endpoint = parsed.orElseThrow();
        if (!endpoint.hasScheme() && (endpoint.isUnixSocket() || endpoint.isNamedPipe())) {
            CriEndpoint fixed = endpoint.withScheme();
            ctx.finding(at, "criSocket '" + endpoint + "' has no URL scheme: kubeadm warns \"Usage of CRI endpoints "
                            + "without URL scheme is deprecated and can cause kubelet errors in the future\" and "
                            + "prepends it; write " + fixed)
                    // multi-document file: the edit addresses the key path only, so a person applies it
                    .fix(Fix.suggestion("write criSocket: " + fixed,
                            new NodeEdit.SetValue(kubeadm.file(), List.of("nodeRegistration", "criSocket"), fixed.toString())))
                    .report();
        }
        List<Listener> listeners = listeners(node);
        if (listeners.isEmpty() || listeners.stream().anyMatch(l -> l.endpoint().sameSocketAs(endpoint))) {
            return;
        }
        StringBuilder where = new StringBuilder();
        for (Listener l : listeners) {
            where.append(where.length() == 0 ? "" : ", ").append(l.runtime()).append(" listens on ")
                    .append(l.endpoint().withScheme());
            if (!l.address().isExplicit()) {
                where.append(" (").append(l.address().source().describe()).append(')');
            }
        }
        Finding.Builder f = ctx.finding(at, "criSocket '" + endpoint + "' is not where the node's runtime listens: "
                + where + "; kubeadm's preflight fails with \"container runtime is not running\"");
        for (Listener l : listeners) {
            l.address().origin().ifPresent(o -> f.related(o, l.runtime() + " listens on " + l.address().value()));
        }
        if (listeners.size() == 1) {
            String good = listeners.get(0).endpoint().withScheme().toString();
            f.fix(Fix.suggestion("write criSocket: " + good,
                    new NodeEdit.SetValue(kubeadm.file(), List.of("nodeRegistration", "criSocket"), good)));
        }
        f.report();
    }

    private static List<Listener> listeners(NodeConfig node) {
        List<Listener> out = new ArrayList<>();
        node.containerd().ifPresent(c -> add(out, "containerd", c.grpcAddress().orElse(KnownVersions.containerdGrpcAddress())));
        node.crio().ifPresent(c -> add(out, "CRI-O", c.listen().orElse(KnownVersions.crioListen())));
        node.criDockerd().ifPresent(c -> add(out, "cri-dockerd", c.listenEndpoint()));
        return out;
    }

    private static void add(List<Listener> out, String runtime, Setting<String> address) {
        CriEndpoint.parse(address.value()).toOptional().filter(e -> e.transport() != CriEndpoint.Transport.FD)
                .ifPresent(e -> out.add(new Listener(runtime, address, e)));
    }
}
