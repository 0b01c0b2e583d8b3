package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.CriEndpoint;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrossComponent.Fact;
import java.util.Optional;

/**
 * {@code cri-dockerd-unlinks-docker-socket}: cri-dockerd's {@code --container-runtime-endpoint} is
 * Docker Engine's own API socket (the standard {@code /var/run/docker.sock}, cri-dockerd's
 * {@code --docker-endpoint}, or a Unix socket in daemon.json {@code hosts}). cri-dockerd removes the
 * file at its listen path before listening, so it deletes Docker's socket.
 */
public final class CriDockerdUnlinksDockerSocketRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("cri-dockerd-unlinks-docker-socket", Severity.ERROR)
            .title("cri-dockerd is told to listen on Docker Engine's own socket")
            .rationale("cri-dockerd serves CRI on the socket named by --container-runtime-endpoint and talks to Docker "
                    + "Engine through --docker-endpoint (default unix:///var/run/docker.sock). Like the kubelet code it "
                    + "derives from, it removes whatever file exists at its listen path before creating its socket. When "
                    + "the listen endpoint is Docker's socket, cri-dockerd deletes Docker's API socket and replaces it with "
                    + "its own: the docker CLI and every other Docker client stop working, and cri-dockerd can no longer "
                    + "reach Docker either, so no pod starts. The usual cause is copying the Docker socket path from an old "
                    + "dockershim guide into the cri-dockerd unit.")
            .reference("https://github.com/Mirantis/cri-dockerd")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#docker")
            .example("etc/systemd/system/cri-docker.service",
                    "[Service]\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint unix:///var/run/docker.sock\n",
                    "[Service]\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint unix:///var/run/cri-dockerd.sock\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<CriDockerdConfig> criDockerd = node.criDockerd();
        if (criDockerd.isEmpty()) {
            return;
        }
        Optional<CommandLineFlag> flag = CrossComponent.flagValue(criDockerd.get(), "container-runtime-endpoint");
        if (flag.isEmpty()) {
            return;
        }
        String value = flag.get().value().orElseThrow();
        Optional<CriEndpoint> listen = CriEndpoint.parse(value).toOptional().filter(CriEndpoint::isUnixSocket);
        if (listen.isEmpty()) {
            return;
        }
        for (Fact<CriEndpoint> docker : CrossComponent.dockerSockets(node)) {
            if (docker.value().sameSocketAs(listen.get())) {
                Finding.Builder f = ctx.finding(flag.get().valueOrigin().orElse(flag.get().origin()),
                        "cri-dockerd's --container-runtime-endpoint is " + value + ", Docker Engine's own API socket ("
                                + docker.shown() + "): cri-dockerd removes the file at its listen path before listening, so it "
                                + "deletes Docker's socket; the docker CLI and cri-dockerd itself then cannot reach Docker and no "
                                + "pod starts. Let cri-dockerd listen on its own socket, --container-runtime-endpoint "
                                + "unix:///var/run/cri-dockerd.sock (or fd:// with the cri-docker.socket unit), and point the "
                                + "kubelet there");
                if (docker.explicit()) {
                    f.related(docker.location(), "Docker's socket: " + docker.shown());
                }
                f.report();
                return;
            }
        }
    }
}
