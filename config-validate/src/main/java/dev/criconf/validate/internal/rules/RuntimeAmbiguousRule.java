package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Validator;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import dev.criconf.validate.internal.rules.CrossComponent.Kubelet;
import dev.criconf.validate.internal.rules.CrossComponent.Runtime;
import java.util.List;
import java.util.Optional;

/**
 * {@code runtime-ambiguous}: configurations of two or more CRI runtimes are present (containerd with
 * its CRI plugin on, CRI-O, cri-dockerd; Docker's {@code daemon.json} alone is not one) and nothing
 * says which one the kubelet uses: no explicit {@code containerRuntimeEndpoint} /
 * {@code --container-runtime-endpoint} and no kubeadm {@code nodeRegistration.criSocket}.
 */
public final class RuntimeAmbiguousRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("runtime-ambiguous", Severity.WARNING)
            .title("Several container runtimes are configured and nothing says which one the kubelet uses")
            .rationale("A node normally runs one CRI runtime. When the configuration of several is present and neither "
                    + "the kubelet (containerRuntimeEndpoint or --container-runtime-endpoint) nor kubeadm "
                    + "(nodeRegistration.criSocket) names one, the choice is made by accident: the kubelet never probes "
                    + "and silently dials its default, containerd's socket, while kubeadm probes the known sockets and "
                    + "stops with 'found multiple CRI endpoints on the host'. Pods may end up on a runtime whose cgroup "
                    + "driver, sandbox image or registry settings were never meant for them. Name the endpoint "
                    + "explicitly and remove the configuration of the runtime that is not used.")
            .reference("https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/#installing-runtime")
            .reference("https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/")
            .example("var/lib/kubelet/config.yaml",
                    "# containerd and CRI-O are both configured\ncgroupDriver: systemd\n",
                    "# containerd and CRI-O are both configured\ncgroupDriver: systemd\n"
                            + "containerRuntimeEndpoint: unix:///run/containerd/containerd.sock\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        CrossComponent x = CrossComponent.of(node, ctx);
        List<Runtime> cri = x.criRuntimes();
        if (cri.size() < 2) {
            return;
        }
        Optional<Kubelet> kubelet = x.kubelet();
        Optional<Fact<String>> endpoint = kubelet.flatMap(Kubelet::endpoint);
        if (endpoint.map(Fact::explicit).orElse(false)) {
            return;
        }
        Optional<Setting<String>> criSocket = node.kubeadm().flatMap(KubeadmConfig::criSocket).filter(s -> !s.value().isBlank());
        if (criSocket.isPresent()) {
            return;
        }
        List<String> names = cri.stream().map(Runtime::name).toList();
        StringBuilder msg = new StringBuilder()
                .append(String.join(" and ", names)).append(names.size() == 2 ? " are both" : " are all").append(" configured on this node, but nothing says which one the kubelet uses: ");
        Origin at;
        if (kubelet.isPresent()) {
            at = kubelet.get().home();
            msg.append("the kubelet sets no runtime endpoint");
            endpoint.ifPresent(e -> msg.append(", so it dials its default ").append(e.value()).append(" (")
                    .append(x.kubernetesPhrase()).append(')'));
            msg.append(", and ");
        } else {
            at = node.kubeadm().map(k -> Origin.ofFile(k.file())).orElse(Origin.ofFile(Validator.NODE_FILE));
            msg.append("no kubelet configuration names a runtime endpoint, and ");
        }
        msg.append("kubeadm, without nodeRegistration.criSocket, stops with 'found multiple CRI endpoints on the host'. "
                + "Set the kubelet's containerRuntimeEndpoint (and kubeadm's criSocket) to the socket of the runtime in use, "
                + "and remove the configuration of the other");
        Finding.Builder f = ctx.finding(at, msg.toString());
        for (Runtime r : cri) {
            Origin where = r.listen().map(Fact::location).orElse(r.home());
            f.related(where, r.name() + " is configured: " + r.listen().map(l -> l.shown()).orElse(r.home().file()));
        }
        f.report();
    }
}
