package dev.criconf.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example run on a copy of {@code examples/broken-cgroup-driver}: afterwards the node agrees with itself. */
class FixCgroupDriverTest {

    /** The example node, relative to this module's directory (Surefire's working directory). */
    static final Path EXAMPLE = Path.of("../../examples/broken-cgroup-driver");
    static final String MISMATCH_RULE = "cgroup-driver-mismatch";
    static final String KUBELET_YAML = "var/lib/kubelet/config.yaml";

    @TempDir
    Path root;

    @Test
    void mainMakesKubeletAndContainerdAgreeOnSystemd() throws IOException {
        Map<String, String> before = copyExample();
        assertTrue(before.get(KUBELET_YAML).contains("cgroupDriver: cgroupfs\n"), "the example starts broken");

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            FixCgroupDriver.main(new String[] {root.toString()});
        } finally {
            System.setOut(stdout);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("-cgroupDriver: cgroupfs\n+cgroupDriver: systemd\n"), output);

        // exactly one line of one file changed; containerd already used systemd
        Map<String, String> after = snapshot();
        Map<String, String> expected = new TreeMap<>(before);
        expected.put(KUBELET_YAML, before.get(KUBELET_YAML).replace("cgroupDriver: cgroupfs\n", "cgroupDriver: systemd\n"));
        assertEquals(expected, after);

        NodeConfig node = NodeLoader.create().load(root);
        assertEquals("systemd", node.effectiveKubelet().orElseThrow().cgroupDriver().map(Setting::value).orElseThrow());
        assertEquals(true, node.containerd().orElseThrow().cri().defaultRuntime()
                .flatMap(r -> r.systemdCgroup()).map(Setting::value).orElse(false));
        // the rule itself, once it is built in (it is checked by the drivers above until then)
        assertTrue(Validator.builder().ruleSet(RuleSet.builtIn()).build().validate(node).findings().stream()
                .noneMatch(f -> f.ruleId().equals(MISMATCH_RULE)), output);
    }

    private Map<String, String> copyExample() throws IOException {
        assertTrue(Files.isDirectory(EXAMPLE), "example node at " + EXAMPLE.toAbsolutePath());
        try (Stream<Path> walk = Files.walk(EXAMPLE)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = root.resolve(EXAMPLE.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return snapshot();
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
