package dev.criconf.cli;

import static dev.criconf.cli.MainTest.assertUsageError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code criconf get} and {@code criconf set} on temporary files of every format. */
class GetSetTest {

    static final String CONTAINERD = """
            version = 2

            [plugins]
              [plugins."io.containerd.grpc.v1.cri"]
                sandbox_image = "registry.k8s.io/pause:3.9"
                max_concurrent_downloads = 3
                [plugins."io.containerd.grpc.v1.cri".containerd]
                  default_runtime_name = "runc"
                  [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                    runtime_type = "io.containerd.runc.v2"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                      BinaryName = ""
                      SystemdCgroup = false   # kubelet uses cgroupfs
            """;

    static final String RUNC_OPTIONS = "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options";
    static final String CRI = "plugins.\"io.containerd.grpc.v1.cri\"";

    static final String KUBELET = """
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            # must match the runtime's driver
            cgroupDriver: cgroupfs
            authentication:
              anonymous:
                enabled: false
            clusterDNS:
            - 10.96.0.10
            """;

    static final String KUBEADM_FLAGS = """
            KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.9"
            """;

    static final String DEFAULT_KUBELET = "KUBELET_EXTRA_ARGS=\n";

    static final String DROP_IN = """
            [Service]
            Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
            EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
            ExecStart=
            ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_KUBEADM_ARGS
            """;

    static final String DAEMON_JSON = """
            {
              "exec-opts": ["native.cgroupdriver=cgroupfs"],
              "log-driver": "json-file",
              "log-opts": {
                "max-size": "100m"
              },
              "live-restore": true
            }
            """;

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- TOML

    @Test
    void setsSystemdCgroupInContainerdConfig() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Cli.Result r = Cli.run("set", f.toString(), RUNC_OPTIONS + ".SystemdCgroup", "true");
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.out());
        assertEquals("", r.err());
        assertEquals(CONTAINERD.replace("SystemdCgroup = false   #", "SystemdCgroup = true   #"), read(f));
        assertEquals("true\n", Cli.run("get", f.toString(), RUNC_OPTIONS + ".SystemdCgroup").out());
    }

    @Test
    void getsTomlValuesPlainAndTablesAsJson() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        assertEquals("registry.k8s.io/pause:3.9\n", Cli.run("get", f.toString(), CRI + ".sandbox_image").out());
        assertEquals("3\n", Cli.run("get", f.toString(), CRI + ".max_concurrent_downloads").out());
        assertEquals("\n", Cli.run("get", f.toString(), RUNC_OPTIONS + ".BinaryName").out());
        Cli.Result table = Cli.run("get", f.toString(), RUNC_OPTIONS);
        assertEquals(0, table.status(), table::toString);
        assertEquals("""
                {
                  "BinaryName": "",
                  "SystemdCgroup": false
                }
                """, table.out());
    }

    @Test
    void addsAMissingTomlKeyNextToItsSiblings() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Cli.Result r = Cli.run("set", f.toString(), RUNC_OPTIONS + ".NoPivotRoot", "false");
        assertEquals(0, r.status(), r::toString);
        assertEquals(CONTAINERD + "          NoPivotRoot = false\n", read(f));
    }

    @Test
    void valuesAreTypedBySpelling() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        String key = CRI + ".max_concurrent_downloads";
        assertEquals(0, Cli.run("set", f.toString(), key, "5").status());
        assertTrue(read(f).contains("max_concurrent_downloads = 5\n"), read(f));
        assertEquals(0, Cli.run("set", f.toString(), key, "\"5\"").status());
        assertTrue(read(f).contains("max_concurrent_downloads = \"5\"\n"), read(f));
        assertEquals(0, Cli.run("set", f.toString(), key, "'6'").status());
        assertTrue(read(f).contains("max_concurrent_downloads = \"6\"\n"), read(f));
        assertEquals(0, Cli.run("set", f.toString(), key, "2.5").status());
        assertTrue(read(f).contains("max_concurrent_downloads = 2.5\n"), read(f));
        assertEquals(0, Cli.run("set", f.toString(), key, "\"true\"").status());
        assertTrue(read(f).contains("max_concurrent_downloads = \"true\"\n"), read(f));
        assertEquals(0, Cli.run("set", f.toString(), key, "false").status());
        assertTrue(read(f).contains("max_concurrent_downloads = false\n"), read(f));
    }

    @Test
    void replacingAStringWithANumberSaysHowToKeepAString() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Cli.Result r = Cli.run("set", f.toString(), CRI + ".sandbox_image", "5");
        assertEquals(0, r.status(), r::toString);
        assertTrue(read(f).contains("sandbox_image = 5\n"), read(f));
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("criconf: note: " + CRI + ".sandbox_image held a string and now holds the integer 5"),
                r.err());
        assertTrue(r.err().contains("'\"5\"'"), r.err());
    }

    @Test
    void doubleQuotedValuesAreJsonStrings() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        assertEquals(0, Cli.run("set", f.toString(), CRI + ".sandbox_image", "\"a\\\"b\\u00e9\"").status());
        assertEquals("a\"bé\n", Cli.run("get", f.toString(), CRI + ".sandbox_image").out());
        Cli.Result bad = Cli.run("set", f.toString(), CRI + ".sandbox_image", "\"a\\qb\"");
        assertUsageError(bad);
        assertTrue(bad.err().contains("unknown escape \\q"), bad.err());
        assertEquals(CONTAINERD.replace("registry.k8s.io/pause:3.9", "a\\\"bé"), read(f));
    }

    @Test
    void dryRunPrintsTheWholeNewFileAndWritesNothing() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        byte[] before = Files.readAllBytes(f);
        Cli.Result r = Cli.run("set", "--dry-run", f.toString(), RUNC_OPTIONS + ".SystemdCgroup", "true");
        assertEquals(0, r.status(), r::toString);
        assertEquals(CONTAINERD.replace("SystemdCgroup = false", "SystemdCgroup = true"), r.out());
        assertEquals("", r.err());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void anEditTheLibraryRefusesIsOneLineAndExitOne() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        byte[] before = Files.readAllBytes(f);
        Cli.Result r = Cli.run("set", f.toString(), "version.minor", "1");
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().startsWith("criconf: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(before, Files.readAllBytes(f));
    }

    @Test
    void absentKeysExitOne() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Cli.Result r = Cli.run("get", f.toString(), CRI + ".no_such_key");
        assertEquals(1, r.status(), r::toString);
        assertEquals("", r.out());
        assertEquals("criconf: " + CRI + ".no_such_key is not in " + f + "\n", r.err());
        assertEquals(1, Cli.run("get", f.toString(), "version.deeper").status(), "a path through a non-table is absent");
        assertEquals(1, Cli.run("get", f.toString(), "plugins[0]").status(), "an index into a table is absent");
    }

    @Test
    void aBadKeyIsAUsageError() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Cli.Result r = Cli.run("get", f.toString(), "plugins.\"io.containerd");
        assertUsageError(r);
        assertTrue(r.err().contains("invalid TOML path"), r.err());
        assertTrue(r.err().contains("quote segments holding dots"), r.err());
    }

    @Test
    void aFileWithSyntaxErrorsIsRefusedWithTheFirstLocation() throws IOException {
        String broken = "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"\n  sandbox_image = \"x\"\n";
        Path f = write("config.toml", broken);
        for (String[] args : new String[][] {{"get", f.toString(), "version"}, {"set", f.toString(), "version", "3"}}) {
            Cli.Result r = Cli.run(args);
            assertUsageError(r);
            assertTrue(r.err().startsWith("criconf: " + f + ":2:"), r.err());
            assertTrue(r.err().contains("is not valid TOML"), r.err());
        }
        assertEquals(broken, read(f));
    }

    @Test
    void setKeepsCrlfAndPermissions() throws IOException {
        Path f = write("config.toml", CONTAINERD.replace("\n", "\r\n"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, Cli.run("set", f.toString(), RUNC_OPTIONS + ".SystemdCgroup", "true").status());
        assertEquals(CONTAINERD.replace("\n", "\r\n").replace("= false", "= true"), read(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void settingTheSameValueLeavesTheFileAlone() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        assertEquals(0, Cli.run("set", f.toString(), RUNC_OPTIONS + ".SystemdCgroup", "false").status());
        assertEquals(CONTAINERD, read(f));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(f).toMillis());
    }

    @Test
    void crioDropInsAreToml() throws IOException {
        Path d = Files.createDirectories(dir.resolve("crio.conf.d"));
        Path f = Files.writeString(d.resolve("10-cgroup.conf"), "[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n");
        assertEquals(0, Cli.run("set", f.toString(), "crio.runtime.cgroup_manager", "systemd").status());
        assertEquals("[crio.runtime]\ncgroup_manager = \"systemd\"\n", read(f));
    }

    // ---------------------------------------------------------------- YAML

    @Test
    void setsTheKubeletCgroupDriver() throws IOException {
        Path f = write("config.yaml", KUBELET);
        Cli.Result r = Cli.run("set", f.toString(), "cgroupDriver", "systemd");
        assertEquals(0, r.status(), r::toString);
        assertEquals(KUBELET.replace("cgroupDriver: cgroupfs", "cgroupDriver: systemd"), read(f));
        assertEquals("systemd\n", Cli.run("get", f.toString(), "cgroupDriver").out());
    }

    @Test
    void getsYamlValues() throws IOException {
        Path f = write("config.yaml", KUBELET);
        assertEquals("false\n", Cli.run("get", f.toString(), "authentication.anonymous.enabled").out());
        assertEquals("10.96.0.10\n", Cli.run("get", f.toString(), "clusterDNS[0]").out());
        assertEquals("[\n  \"10.96.0.10\"\n]\n", Cli.run("get", f.toString(), "clusterDNS").out());
        assertEquals("{\n  \"anonymous\": {\n    \"enabled\": false\n  }\n}\n",
                Cli.run("get", f.toString(), "authentication").out());
        assertEquals(1, Cli.run("get", f.toString(), "clusterDNS[1]").status());
    }

    @Test
    void yamlQuotedValuesStayStrings() throws IOException {
        Path f = write("config.yaml", KUBELET);
        assertEquals(0, Cli.run("set", f.toString(), "authentication.anonymous.enabled", "\"true\"").status());
        assertTrue(read(f).contains("    enabled: \"true\"\n"), read(f));
        assertEquals(0, Cli.run("set", f.toString(), "authentication.anonymous.enabled", "true").status());
        assertTrue(read(f).contains("    enabled: true\n"), read(f));
    }

    @Test
    void addsMissingYamlKeysAndMappings() throws IOException {
        Path f = write("config.yaml", KUBELET);
        assertEquals(0, Cli.run("set", f.toString(), "maxPods", "110").status());
        assertEquals(KUBELET + "maxPods: 110\n", read(f));
        assertEquals(0, Cli.run("set", f.toString(), "authentication.webhook.enabled", "true").status());
        assertEquals("true\n", Cli.run("get", f.toString(), "authentication.webhook.enabled").out());
        assertEquals("false\n", Cli.run("get", f.toString(), "authentication.anonymous.enabled").out());
    }

    @Test
    void settingAMappingIsRefused() throws IOException {
        Path f = write("config.yaml", KUBELET);
        Cli.Result r = Cli.run("set", f.toString(), "authentication", "x");
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("it holds a mapping"), r.err());
        assertEquals(KUBELET, read(f));
    }

    @Test
    void aValueTheYamlWriterCannotWriteIsRefusedAndTheFileKept() throws IOException {
        Path f = write("config.yaml", KUBELET);
        // U+2028 (line separator): config-io writes it as \L, which its own reader rejects
        Cli.Result r = Cli.run("set", f.toString(), "cgroupDriver", "\"a\\u2028b\"");
        if (r.status() == 0) {
            assertEquals("a\u2028b\n", Cli.run("get", f.toString(), "cgroupDriver").out());
        } else {
            assertEquals(1, r.status(), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertEquals(KUBELET, read(f));
        }
    }

    @Test
    void multiDocumentYamlUsesTheFirstDocumentWithTheKeyOrDocumentN() throws IOException {
        String init = "apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\n";
        String stream = init + "---\n" + KUBELET;
        Path f = write("kubeadm.yaml", stream);
        assertEquals("KubeletConfiguration\n", Cli.run("get", f.toString(), "kind", "--document", "1").out());
        assertEquals("InitConfiguration\n", Cli.run("get", f.toString(), "kind").out());
        assertEquals("cgroupfs\n", Cli.run("get", f.toString(), "cgroupDriver").out());
        assertEquals(1, Cli.run("get", f.toString(), "cgroupDriver", "--document", "0").status());

        assertEquals(0, Cli.run("set", f.toString(), "cgroupDriver", "systemd").status());
        assertEquals(init + "---\n" + KUBELET.replace("cgroupfs", "systemd"), read(f));

        Cli.Result ambiguous = Cli.run("set", f.toString(), "maxPods", "110");
        assertUsageError(ambiguous);
        assertTrue(ambiguous.err().contains("--document N"), ambiguous.err());
        assertEquals(0, Cli.run("set", f.toString(), "maxPods", "110", "--document", "1").status());
        assertEquals(init + "---\n" + KUBELET.replace("cgroupfs", "systemd") + "maxPods: 110\n", read(f));

        Cli.Result missing = Cli.run("get", f.toString(), "kind", "--document", "2");
        assertUsageError(missing);
        assertTrue(missing.err().contains("there is no document 2"), missing.err());
    }

    @Test
    void documentIsForYamlOnly() throws IOException {
        Path f = write("config.toml", CONTAINERD);
        Cli.Result r = Cli.run("get", f.toString(), "version", "--document", "0");
        assertUsageError(r);
        assertTrue(r.err().contains("--document applies to YAML files only"), r.err());
    }

    @Test
    void yamlSyntaxErrorsAreRefused() throws IOException {
        Path f = write("config.yaml", "kind: KubeletConfiguration\ncgroupDriver: [systemd\n");
        Cli.Result r = Cli.run("get", f.toString(), "kind");
        assertUsageError(r);
        assertTrue(r.err().matches("criconf: " + java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: .*\n"), r.err());
    }

    // ---------------------------------------------------------------- environment files

    @Test
    void setsKubeletExtraArgsInAnEnvironmentFile() throws IOException {
        Path defaults = Files.createDirectories(dir.resolve("etc/default"));
        Path f = Files.writeString(defaults.resolve("kubelet"), DEFAULT_KUBELET);
        Cli.Result r = Cli.run("set", f.toString(), "KUBELET_EXTRA_ARGS", "--", "--node-ip=10.0.0.5 --v=2");
        assertEquals(0, r.status(), r::toString);
        assertEquals("KUBELET_EXTRA_ARGS=\"--node-ip=10.0.0.5 --v=2\"\n", read(f));
        assertEquals("--node-ip=10.0.0.5 --v=2\n", Cli.run("get", f.toString(), "KUBELET_EXTRA_ARGS").out());
    }

    @Test
    void envFilesKeepTheirQuotingAndHoldText() throws IOException {
        Path f = write("kubeadm-flags.env", KUBEADM_FLAGS);
        assertEquals(0, Cli.run("set", f.toString(), "KUBELET_KUBEADM_ARGS", "--", "--v=2").status());
        assertEquals("KUBELET_KUBEADM_ARGS=\"--v=2\"\n", read(f));
        assertEquals(0, Cli.run("set", f.toString(), "NEW_VAR", "true").status());
        assertEquals("KUBELET_KUBEADM_ARGS=\"--v=2\"\nNEW_VAR=true\n", read(f));
        assertEquals(0, Cli.run("set", f.toString(), "NEW_VAR", "'5'").status());
        assertEquals("KUBELET_KUBEADM_ARGS=\"--v=2\"\nNEW_VAR=5\n", read(f));
        assertEquals(1, Cli.run("get", f.toString(), "KUBELET_EXTRA_ARGS").status());
        assertUsageError(Cli.run("get", f.toString(), "not-a-name"));
    }

    // ---------------------------------------------------------------- systemd units

    @Test
    void unitKeysAreSectionDotKeyAndTheLastAssignmentCounts() throws IOException {
        Path d = Files.createDirectories(dir.resolve("kubelet.service.d"));
        Path f = Files.writeString(d.resolve("10-kubeadm.conf"), DROP_IN);
        assertEquals("/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_KUBEADM_ARGS\n",
                Cli.run("get", f.toString(), "Service.ExecStart").out());
        Cli.Result r = Cli.run("set", f.toString(), "Service.ExecStart", "/usr/bin/kubelet $KUBELET_KUBEADM_ARGS --v=2");
        assertEquals(0, r.status(), r::toString);
        assertEquals(DROP_IN.replace("ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_KUBEADM_ARGS",
                "ExecStart=/usr/bin/kubelet $KUBELET_KUBEADM_ARGS --v=2"), read(f));
        assertEquals(1, Cli.run("get", f.toString(), "Service.ExecStop").status());
        assertEquals(1, Cli.run("get", f.toString(), "Unit.Description").status());
    }

    @Test
    void unitKeysNeedTwoParts() throws IOException {
        Path f = write("kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\n");
        Cli.Result r = Cli.run("get", f.toString(), "ExecStart");
        assertUsageError(r);
        assertTrue(r.err().contains("Section.Key"), r.err());
    }

    @Test
    void unitValuesSystemdCannotHoldAreRefused() throws IOException {
        Path f = write("kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\n");
        Cli.Result r = Cli.run("set", f.toString(), "Service.ExecStart", "\"a\\nb\"");
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertEquals("[Service]\nExecStart=/usr/bin/kubelet\n", read(f));
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void setsDockerExecOpts() throws IOException {
        Path f = write("daemon.json", DAEMON_JSON);
        Cli.Result r = Cli.run("set", f.toString(), "exec-opts[0]", "native.cgroupdriver=systemd");
        assertEquals(0, r.status(), r::toString);
        assertEquals(DAEMON_JSON.replace("cgroupfs", "systemd"), read(f));
        assertEquals("native.cgroupdriver=systemd\n", Cli.run("get", f.toString(), "exec-opts[0]").out());
        assertEquals("[\n  \"native.cgroupdriver=systemd\"\n]\n", Cli.run("get", f.toString(), "exec-opts").out());
        assertEquals("100m\n", Cli.run("get", f.toString(), "log-opts.max-size").out());
        assertEquals("true\n", Cli.run("get", f.toString(), "live-restore").out());
    }

    @Test
    void jsonValuesAreTyped() throws IOException {
        Path f = write("daemon.json", DAEMON_JSON);
        assertEquals(0, Cli.run("set", f.toString(), "max-concurrent-downloads", "5").status());
        assertEquals(0, Cli.run("set", f.toString(), "log-opts.max-file", "\"5\"").status());
        assertEquals(0, Cli.run("set", f.toString(), "live-restore", "false").status());
        String text = read(f);
        assertTrue(text.contains("\"max-concurrent-downloads\": 5"), text);
        assertTrue(text.contains("\"max-file\": \"5\""), text);
        assertTrue(text.contains("\"live-restore\": false"), text);
        assertEquals("5\n", Cli.run("get", f.toString(), "max-concurrent-downloads").out());
    }

    @Test
    void jsonIndexPastTheEndIsRefused() throws IOException {
        Path f = write("daemon.json", DAEMON_JSON);
        Cli.Result r = Cli.run("set", f.toString(), "exec-opts[3]", "x");
        assertEquals(1, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertEquals(DAEMON_JSON, read(f));
    }

    @Test
    void jsonSyntaxErrorsAreRefused() throws IOException {
        Path f = write("daemon.json", "{\n  \"exec-opts\": [\"a\",]\n}\n");
        Cli.Result r = Cli.run("set", f.toString(), "live-restore", "true");
        assertUsageError(r);
        assertTrue(r.err().startsWith("criconf: " + f + ":2:"), r.err());
    }

    // ---------------------------------------------------------------- formats and files

    @Test
    void typeCanBeForced() throws IOException {
        Path f = write("kubelet-settings", KUBELET);
        assertEquals("cgroupfs\n", Cli.run("get", "--type", "yaml", f.toString(), "cgroupDriver").out());
        assertEquals("cgroupfs\n", Cli.run("get", f.toString(), "cgroupDriver").out(), "guessed from the content");
    }

    @Test
    void anUnknownFormatAsksForType() throws IOException {
        Path f = write("notes", "just some words\n");
        Cli.Result r = Cli.run("get", f.toString(), "x");
        assertUsageError(r);
        assertTrue(r.err().contains("cannot tell the format"), r.err());
        assertTrue(r.err().contains("--type"), r.err());
    }

    @Test
    void missingFilesAndDirectoriesAreUsageErrors() {
        Cli.Result missing = Cli.run("get", dir.resolve("nope.toml").toString(), "a");
        assertUsageError(missing);
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Cli.Result directory = Cli.run("set", dir.toString(), "a", "b");
        assertUsageError(directory);
        assertTrue(directory.err().contains("is a directory"), directory.err());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    }
}
