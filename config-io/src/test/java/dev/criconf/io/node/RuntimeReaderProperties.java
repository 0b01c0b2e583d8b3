package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.ParsedFile;
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
import net.jqwik.api.Tuple;

/** Whatever the runtimes' files contain, loading never throws, names files inside the root and reads nothing outside. */
class RuntimeReaderProperties {

    static final List<String> PATHS = List.of("etc/containerd/config.toml", "etc/containerd/conf.d/a.toml",
            "etc/containerd/conf.d/b.toml", "etc/crio/crio.conf", "etc/crio/crio.conf.d/10-a.conf",
            "etc/crio/crio.conf.d/sub/20-b", "etc/docker/daemon.json", "etc/systemd/system/cri-docker.service",
            "usr/lib/systemd/system/cri-docker.socket", "etc/sysctl.d/99-k8s.conf", "etc/modules-load.d/k8s.conf");

    /** Pieces of the files' languages, so random text often gets past the first character. */
    static final List<String> FRAGMENTS = List.of("version = 2\n", "version = 3\n", "imports = [\"conf.d/*.toml\"]\n",
            "imports = [\"/../../x\", \"../../../*\", \"/etc/containerd/conf.d/b.toml\", \"C:\\\\x\\\\*.toml\"]\n",
            "[plugins.\"io.containerd.grpc.v1.cri\"]\n", "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n",
            "SystemdCgroup = true\n", "sandbox_image = \"p\"\n", "[grpc]\naddress = \"/run/x.sock\"\n", "[crio.runtime]\n",
            "[crio.runtime.runtimes.crun]\n", "cgroup_manager = \"cgroupfs\"\n", "[crio.api]\nlisten = \"/run/c.sock\"\n",
            "{\"exec-opts\": [\"native.cgroupdriver=systemd\"]", "}", "[Service]\n", "ExecStart=/usr/bin/cri-dockerd ",
            "--container-runtime-endpoint fd:// ", "--x=", "$A ${B}", "[Socket]\nListenStream=%t/cri-dockerd.sock\n",
            "net.ipv4.ip_forward = 1\n", "br_netfilter\n", "[", "]", "\"", "'", "=", "\\", " ", "\n", "\t", "\r\n", "#", ".",
            "[[a]]\n", "x = {y = 1}\n", "\u00e9", "\uFEFF", "password = \"hunter2\"\n");

    @Provide
    Arbitrary<String> content() {
        Arbitrary<String> text = Arbitraries.of(FRAGMENTS).list().ofMaxSize(20).map(l -> String.join("", l));
        Arbitrary<String> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(b -> new String(b, StandardCharsets.ISO_8859_1));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")), Tuple.of(6, text), Tuple.of(1, bytes));
    }

    @Provide
    Arbitrary<List<String>> node() {
        return Arbitraries.oneOf(Arbitraries.just("\0absent"), content()).list().ofSize(PATHS.size());
    }

    @Property(tries = 150)
    void loadingNeverThrowsAndStaysInsideTheRoot(@ForAll("node") List<String> files) throws IOException {
        Path tmp = Files.createTempDirectory("runtime-prop");
        try {
            Path root = Files.createDirectories(tmp.resolve("node"));
            Files.writeString(tmp.resolve("x"), "oom_score = 1\n");
            NodeRoots t = new NodeRoots(root);
            for (int i = 0; i < PATHS.size(); i++) {
                if (!files.get(i).equals("\0absent")) {
                    t.write(PATHS.get(i), files.get(i).getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            NodeConfig n = NodeLoader.create().load(root);
            for (String f : n.files()) {
                assertFalse(f.startsWith("/") || f.startsWith(".."), f);
                assertTrue(Files.isRegularFile(root.resolve(f)), f);
            }
            for (Problem p : n.problems()) {
                assertFalse(p.origin().file().startsWith("/"), p.toString());
            }
            for (ParsedFile p : n.parsedFiles()) {
                assertTrue(n.files().contains(p.path()), p.path());
            }
            n.containerd().ifPresent(c -> {
                assertEquals(PATHS.get(0), c.mainFile().path());
                c.cri().runtimes();
                c.unknownKeys();
            });
            n.crio().ifPresent(c -> c.runtimes());
            NodeSecrets.of(n);
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
