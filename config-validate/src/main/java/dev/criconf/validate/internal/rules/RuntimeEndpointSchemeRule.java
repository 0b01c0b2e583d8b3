package dev.criconf.validate.internal.rules;

import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Parsed;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import java.util.List;
import java.util.Optional;

/**
 * {@code runtime-endpoint-scheme}: a CRI endpoint written without its URL scheme (a bare socket
 * path: warning, the kubelet still dials {@code unix://} + path and logs a deprecation), or with one
 * the platform cannot dial ({@code tcp://} or {@code npipe://} on Linux, {@code fd://} for the kubelet,
 * any other scheme, or {@code unix://run/...} whose first path element is read as a host name:
 * error). Checked: the kubelet's effective {@code containerRuntimeEndpoint} and
 * {@code imageServiceEndpoint}, and cri-dockerd's {@code --container-runtime-endpoint}. kubeadm's
 * {@code criSocket} is {@code kubeadm-cri-socket}'s.
 *
 * <p>The default severity is error; a missing scheme, which still works, is lowered to warning.
 */
public final class RuntimeEndpointSchemeRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("runtime-endpoint-scheme", Severity.ERROR)
            .title("A CRI endpoint lacks its URL scheme or uses one the node cannot dial")
            .rationale("CRI endpoints are URLs: unix:///run/containerd/containerd.sock on Linux, "
                    + "npipe:////./pipe/containerd-containerd on Windows. The kubelet still accepts a bare socket path, "
                    + "retrying it as unix:// and logging 'Using this endpoint is deprecated, please consider using full "
                    + "URL format', and kubeadm rewrites such a criSocket with a warning; support for the bare form may "
                    + "go away, so it is reported as a warning. Other forms fail outright and are errors: the Linux "
                    + "kubelet dials only Unix sockets ('only support unix socket endpoint' for tcp://), any other scheme "
                    + "is 'protocol not supported', fd:// is only for cri-dockerd's systemd socket activation, and "
                    + "unix://run/x.sock (two slashes) makes 'run' a host name so the kubelet dials /x.sock.")
            .reference("https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/#installing-runtime")
            .reference("https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/")
            .example("var/lib/kubelet/config.yaml",
                    "containerRuntimeEndpoint: /run/containerd/containerd.sock\n",
                    "containerRuntimeEndpoint: unix:///run/containerd/containerd.sock\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        Optional<Kubelet> kubelet = x.kubelet();
        if (kubelet.isPresent()) {
            kubelet.get().endpoint().filter(Fact::explicit).ifPresent(ep ->
                    check(ctx, x, ep, "the kubelet's runtime endpoint", true, fixed -> Optional.of(Fix.of(new NodeEdit.SetRuntimeEndpoint(fixed)))));
            kubelet.get().imageEndpoint().ifPresent(ep ->
                    check(ctx, x, ep, "the kubelet's image service endpoint", true, fixed -> Optional.of(ep.shown().startsWith("--")
                            ? Fix.of(new NodeEdit.SetKubeletFlag("image-service-endpoint", fixed))
                            : Fix.of(new NodeEdit.SetValue(ep.location().file(), List.of("imageServiceEndpoint"), fixed)))));
        }
        node.criDockerd().flatMap(c -> CrossComponent.flagValue(c, "container-runtime-endpoint")).ifPresent(f -> {
            String v = f.value().orElseThrow();
            Fact<String> ep = new Fact<>(v, f.valueOrigin().orElse(f.origin()), true, "--container-runtime-endpoint " + v);
            check(ctx, x, ep, "cri-dockerd's listen endpoint", false, fixed -> Optional.empty());
        });
    }

    /** The fix that writes a corrected endpoint where this one is, when an edit can express it. */
    private interface FixFor {
        Optional<Fix> fix(String fixedEndpoint);
    }

    private static void check(RuleContext ctx, CrossComponent x, Fact<String> ep, String what, boolean dialedByKubelet, FixFor fixFor) {
        String v = ep.value();
        if (v.isEmpty()) {
            return; // an empty endpoint is invalid kubelet configuration, not a scheme question
        }
        Parsed<CriEndpoint> parsed = CriEndpoint.parse(v);
        String os = x.knowsOs() ? "" : " (assuming a Linux node; the node profile does not say)";
        if (parsed instanceof Parsed.Invalid<CriEndpoint> bad) {
            String fixed = null;
            if (v.regionMatches(true, 0, "unix://", 0, 7) && !v.startsWith("/", 7)) {
                String candidate = "unix:///" + v.substring(7);
                fixed = CriEndpoint.parse(candidate).isOk() ? candidate : null;
            }
            String msg = what + " " + v + " (" + ep.shown() + ") cannot be used: " + bad.message()
                    + (fixed != null ? ". Write " + fixed : "");
            report(ctx, ep, msg, fixed == null ? Optional.empty() : fixFor.fix(fixed), false);
            return;
        }
        CriEndpoint e = parsed.orElseThrow();
        boolean windows = x.isWindows() || (!x.knowsOs() && e.isNamedPipe());
        switch (e.transport()) {
            case TCP:
                if (!windows && dialedByKubelet) {
                    report(ctx, ep, what + " " + v + " (" + ep.shown() + ") is a TCP address, but the kubelet on Linux dials only "
                            + "Unix sockets and fails with 'only support unix socket endpoint'" + os
                            + ". Use the runtime's Unix socket, e.g. unix:///run/containerd/containerd.sock", Optional.empty(), false);
                    return;
                }
                break;
            case NPIPE:
                if (!windows) {
                    report(ctx, ep, what + " " + v + " (" + ep.shown() + ") is a Windows named pipe, but the node profile says "
                            + "the node runs Linux, where only Unix sockets work", Optional.empty(), false);
                    return;
                }
                break;
            case FD:
                if (dialedByKubelet) {
                    report(ctx, ep, what + " " + v + " (" + ep.shown() + ") is a systemd socket-activation address that only "
                            + "cri-dockerd's own listener understands; the kubelet fails with 'protocol \"fd\" not supported'. "
                            + "Use the socket the runtime listens on, e.g. unix:///run/cri-dockerd.sock", Optional.empty(), false);
                }
                return;
            default:
                break;
        }
        if (!e.hasScheme()) {
            String fixed = e.withScheme().text();
            String scheme = e.isNamedPipe() ? "npipe://" : "unix://";
            String msg = what + " " + v + " (" + ep.shown() + ") has no " + scheme + " scheme: "
                    + (dialedByKubelet ? "the kubelet still dials it but logs that endpoints without a URL scheme are deprecated"
                            : "cri-dockerd still listens there but logs that endpoints without a URL scheme are deprecated")
                    + ", and kubeadm warns about such sockets; write " + fixed;
            report(ctx, ep, msg, fixFor.fix(fixed), true);
        }
    }

    private static void report(RuleContext ctx, Fact<String> ep, String msg, Optional<Fix> fix, boolean onlyAWarning) {
        Finding.Builder f = ctx.finding(ep.location(), msg);
        fix.ifPresent(f::fix);
        if (onlyAWarning) {
            f.lowerTo(Severity.WARNING);
        }
        f.report();
    }
}
