package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonValue;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.yaml.YamlDocument;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.io.yaml.YamlValue;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** {@code get} and {@code set} on copies of the real files in the shared corpus. */
class CorpusTest {

    private static final List<String> RUNC_OPTIONS = List.of(
            "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options",
            "plugins.\"io.containerd.cri.v1.runtime\".containerd.runtimes.runc.options");

    @TempDir
    Path dir;

    /** Every containerd config with a runc handler: SystemdCgroup = true changes one line or adds one. */
    @TestFactory
    List<DynamicTest> containerdSystemdCgroup() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : SharedData.files(SharedData.corpus().resolve("containerd"), ".toml")) {
            TomlDocument doc = TomlDocument.parse(f.toString(), Files.readAllBytes(f));
            for (String table : RUNC_OPTIONS) {
                if (!doc.hasErrors() && doc.getTable(table).isPresent()) {
                    tests.add(DynamicTest.dynamicTest(f.getFileName() + " " + table, () -> {
                        Path copy = copy(f, "config.toml");
                        boolean already = Cli.run("get", f.toString(), table + ".SystemdCgroup").out().equals("true\n");
                        Cli.Result r = Cli.run("set", copy.toString(), table + ".SystemdCgroup", "true");
                        assertEquals(0, r.status(), r::toString);
                        assertEquals("true\n", Cli.run("get", copy.toString(), table + ".SystemdCgroup").out());
                        assertOneLineChanged(Files.readString(f), Files.readString(copy), already);
                    }));
                }
            }
        }
        return tests;
    }

    /** Every KubeletConfiguration document: cgroupDriver: systemd changes one line or adds one. */
    @TestFactory
    List<DynamicTest> kubeletCgroupDriver() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : SharedData.files(SharedData.corpus().resolve("kubelet"), ".yaml")) {
            YamlStream stream = YamlStream.parse(f.toString(), Files.readAllBytes(f), ParseLimits.DEFAULTS);
            if (stream.hasSyntaxErrors()) {
                continue;
            }
            for (YamlDocument d : stream.documents()) {
                YamlValue v = d.value(YamlSchema.YAML_1_1_KUBELET);
                if (v instanceof YamlValue.MappingValue m
                        && m.get("kind").equals(java.util.Optional.of(YamlValue.of("KubeletConfiguration")))) {
                    tests.add(DynamicTest.dynamicTest(f.getFileName() + " document " + d.index(), () -> {
                        Path copy = copy(f, "kubelet.yaml");
                        String n = Integer.toString(d.index());
                        boolean already = Cli.run("get", f.toString(), "cgroupDriver", "--document", n).out()
                                .equals("systemd\n");
                        Cli.Result r = Cli.run("set", copy.toString(), "cgroupDriver", "systemd", "--document", n);
                        assertEquals(0, r.status(), r::toString);
                        assertEquals("systemd\n", Cli.run("get", copy.toString(), "cgroupDriver", "--document", n).out());
                        assertEquals("KubeletConfiguration\n", Cli.run("get", copy.toString(), "kind", "--document", n).out());
                        assertOneLineChanged(Files.readString(f), Files.readString(copy), already);
                    }));
                }
            }
        }
        return tests;
    }

    /** Every top-level key of every daemon.json reads back as the JSON library reads it. */
    @TestFactory
    List<DynamicTest> dockerDaemonJson() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : SharedData.files(SharedData.corpus().resolve("docker"), ".json")) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                JsonDocument doc = JsonDocument.parse(f.toString(), Files.readAllBytes(f));
                Path copy = copy(f, "daemon.json");
                for (JsonValue.JsonMember m : ((JsonValue.JsonObject) doc.root().orElseThrow()).members()) {
                    String key = dev.criconf.io.toml.TomlPath.of(m.key()).toString();
                    Cli.Result r = Cli.run("get", copy.toString(), key);
                    assertEquals(0, r.status(), r::toString);
                    if (m.value() instanceof JsonValue.JsonString s) {
                        assertEquals(s.value() + "\n", r.out());
                    }
                }
            }));
        }
        return tests;
    }

    /** Every variable of every environment file reads back, and setting it to itself changes nothing. */
    @TestFactory
    List<DynamicTest> environmentFiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : SharedData.files(SharedData.corpus().resolve("kubelet"), "")) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".env") && !name.endsWith("_default_kubelet")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name, () -> {
                dev.criconf.io.env.EnvFile env = dev.criconf.io.env.EnvFile.parse(name, Files.readAllBytes(f));
                Path copy = copy(f, "kubeadm-flags.env");
                assertTrue(!env.variables().isEmpty(), name);
                for (var e : env.variables().entrySet()) {
                    Cli.Result r = Cli.run("get", copy.toString(), e.getKey());
                    assertEquals(0, r.status(), r::toString);
                    assertEquals(e.getValue() + "\n", r.out());
                    Cli.Result same = Cli.run("set", copy.toString(), e.getKey(), "'" + e.getValue() + "'");
                    assertEquals(0, same.status(), same::toString);
                }
                assertEquals(Files.readString(f), Files.readString(copy));
            }));
        }
        return tests;
    }

    private Path copy(Path f, String name) throws IOException {
        Path d = Files.createTempDirectory(dir, "corpus");
        return Files.write(d.resolve(name), Files.readAllBytes(f));
    }

    /** The texts differ in exactly one line (replaced, or added), or not at all when the value was already so. */
    private static void assertOneLineChanged(String before, String after, boolean alreadySet) {
        if (alreadySet) {
            assertEquals(before, after, "setting a value to what it is changes nothing");
            return;
        }
        List<String> a = List.of(before.split("\n", -1));
        List<String> b = List.of(after.split("\n", -1));
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int removed = a.size() - prefix - suffix;
        int added = b.size() - prefix - suffix;
        assertTrue(removed <= 1 && added == 1, "one line replaced or added, got -" + removed + " +" + added
                + " at line " + (prefix + 1) + ":\n" + String.join("\n", b.subList(prefix, prefix + added)));
    }
}
