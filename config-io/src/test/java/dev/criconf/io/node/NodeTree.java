package dev.criconf.io.node;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.node.internal.KubeletReader;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A node root built file by file in a temporary directory, for reader tests. */
final class NodeTree {

    /** The packaged kubeadm drop-in (pkgs.k8s.io DEB flavour). */
    static final String KUBEADM_DROP_IN = "[Service]\n"
            + "Environment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf\"\n"
            + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n"
            + "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\n"
            + "EnvironmentFile=-/etc/default/kubelet\n"
            + "ExecStart=\n"
            + "ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS\n";

    static final String DROP_IN_PATH = "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";
    static final String HEADER = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n";

    final Path root;

    NodeTree(Path root) {
        this.root = root;
    }

    NodeTree write(String path, String text) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, text.getBytes(StandardCharsets.UTF_8));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NodeTree bytes(String path, byte[] bytes) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NodeTree link(String path, String target) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged drop-in, a profile for {@code version}, and {@code config.yaml}. */
    NodeTree kubeadmNode(String version, String configBody) {
        write(DROP_IN_PATH, KUBEADM_DROP_IN);
        write("criconf.yaml", "kubernetesVersion: \"" + version + "\"\n");
        return write("var/lib/kubelet/config.yaml", HEADER + configBody);
    }

    NodeConfig load() {
        return load(ParseLimits.DEFAULTS);
    }

    NodeConfig load(ParseLimits limits) {
        NodeConfig.Builder b = NodeConfig.builder(root.toString());
        KubeletReader.readInto(root, limits, b);
        return b.build();
    }

    static String at(Origin o) {
        return o.file() + ":" + o.line() + ":" + o.column();
    }
}
