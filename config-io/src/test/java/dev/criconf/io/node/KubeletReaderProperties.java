package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the kubelet's files contain, reading them never throws and names files inside the root. */
class KubeletReaderProperties {

    static final List<String> PATHS = List.of("var/lib/kubelet/config.yaml", "var/lib/kubelet/kubeadm-flags.env",
            "etc/default/kubelet", NodeTree.DROP_IN_PATH, "etc/systemd/system/kubelet.service", "criconf.yaml",
            "etc/kubernetes/kubeadm-config.yaml", "etc/kubelet.d/10-a.conf", "etc/kubelet.d/sub/20-b.conf");

    /** Pieces of the files' languages, so random text often gets past the first character. */
    static final List<String> FRAGMENTS = List.of("apiVersion: kubelet.config.k8s.io/v1beta1\n", "kind: KubeletConfiguration\n",
            "cgroupDriver: ", "featureGates:\n  A: yes\n", "evictionHard: {memory.available: 1Mi}\n", "- ", "&a ", "*a", "<<: ",
            "[Service]\n", "ExecStart=", "ExecStart=/usr/bin/kubelet $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS ${X}\n",
            "Environment=\"KUBELET_EXTRA_ARGS=--config-dir=/etc/kubelet.d\"\n", "EnvironmentFile=-/etc/default/kubelet\n",
            "EnvironmentFile=/var/lib/kubelet/kubeadm-flags.env\n", "KUBELET_KUBEADM_ARGS=\"", "KUBELET_EXTRA_ARGS=",
            "--config=", "--config-dir=", "/../..", "/var/lib/kubelet/config.yaml", "--node-labels=a=b, c=d", "-v 2 ",
            "--feature-gates=A=true,B=x ", "--eviction-hard=m<1 ", "\"", "'", "\\", " ", "\n", "\t", "\r\n", ":", "#", "%t",
            "kubernetesVersion: 1.30\n", "kind: ClusterConfiguration\n", "kubernetesVersion: v1.29.1\n", "---\n", "\u00e9", "\uFEFF");

    @Provide
    Arbitrary<String> content() {
        Arbitrary<String> text = Arbitraries.of(FRAGMENTS).list().ofMaxSize(25).map(l -> String.join("", l));
        Arbitrary<String> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(60)
                .map(b -> new String(b, StandardCharsets.ISO_8859_1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just("")), net.jqwik.api.Tuple.of(6, text),
                net.jqwik.api.Tuple.of(1, bytes));
    }

    @Provide
    Arbitrary<List<String>> node() {
        Arbitrary<String> absentOrContent = Arbitraries.oneOf(Arbitraries.just("\0absent"), content());
        return absentOrContent.list().ofSize(PATHS.size());
    }

    @Property(tries = 100)
    void readingNeverThrowsAndStaysInsideTheRoot(@ForAll("node") List<String> files) throws IOException {
        Path tmp = Files.createTempDirectory("kubelet-prop");
        try {
            Path root = Files.createDirectories(tmp.resolve("node"));
            NodeTree t = new NodeTree(root);
            for (int i = 0; i < PATHS.size(); i++) {
                if (!files.get(i).equals("\0absent")) {
                    t.bytes(PATHS.get(i), files.get(i).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            NodeConfig n = t.load();
            assertTrue(n.kubeletSources().isPresent());
            for (String f : n.files()) {
                assertFalse(f.startsWith("/") || f.startsWith(".."), f);
                assertTrue(Files.exists(root.resolve(f)), f);
            }
            for (Problem p : n.problems()) {
                assertFalse(p.origin().file().startsWith("/"), p.toString());
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
