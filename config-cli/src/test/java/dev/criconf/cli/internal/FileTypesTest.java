package dev.criconf.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileTypesTest {

    @ParameterizedTest
    @CsvSource({
        "/etc/containerd/config.toml, TOML",
        "/etc/crio/crio.conf, TOML",
        "/etc/crio/crio.conf.d/10-crun.conf, TOML",
        "/var/lib/kubelet/config.yaml, YAML",
        "kubeadm.yml, YAML",
        "/etc/kubernetes/kubelet.conf.d/10-tuning.conf, YAML",
        "/etc/docker/daemon.json, JSON",
        "/var/lib/kubelet/kubeadm-flags.env, ENV",
        "/etc/default/kubelet, ENV",
        "/etc/sysconfig/kubelet, ENV",
        "/etc/sysconfig/crio, ENV",
        "/usr/lib/systemd/system/kubelet.service, UNIT",
        "/etc/systemd/system/cri-docker.socket, UNIT",
        "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf, UNIT",
        "/etc/systemd/system/cri-docker.service.d/override.conf, UNIT",
    })
    void byName(String path, FileType expected) {
        assertEquals(Optional.of(expected), FileTypes.byName(Path.of(path)));
    }

    @ParameterizedTest
    @CsvSource({"/etc/sysctl.d/99-kubernetes.conf", "/etc/modules-load.d/k8s.conf", "README", "/etc/default/grub.d"})
    void namesThatSayNothing(String path) {
        assertEquals(Optional.empty(), FileTypes.byName(Path.of(path)));
    }

    @Test
    void byContent() {
        assertEquals(Optional.of(FileType.JSON), content("\n  {\"exec-opts\": []}\n"));
        assertEquals(Optional.of(FileType.TOML), content("# crio\n[crio.runtime]\ncgroup_manager = \"systemd\"\n"));
        assertEquals(Optional.of(FileType.TOML), content("version = 2\nroot = \"/var/lib/containerd\"\n"));
        assertEquals(Optional.of(FileType.UNIT), content("[Unit]\nDescription=kubelet\n[Service]\nExecStart=/usr/bin/kubelet\n"));
        assertEquals(Optional.of(FileType.UNIT), content("# drop-in\n[Service]\nEnvironment=\"A=b\"\n"));
        assertEquals(Optional.of(FileType.TOML), content("[Service]\nsome_key = 1\n"));
        assertEquals(Optional.of(FileType.ENV), content("KUBELET_EXTRA_ARGS=--node-ip=10.0.0.1\n"));
        assertEquals(Optional.of(FileType.ENV), content("\uFEFFKUBELET_KUBEADM_ARGS=\"--a=b\"\n"));
        assertEquals(Optional.of(FileType.YAML), content("apiVersion: v1\nkind: KubeletConfiguration\n"));
        assertEquals(Optional.of(FileType.YAML), content("---\n- --cgroup-driver=systemd\n- --v=2\n"));
        assertEquals(Optional.empty(), content("# only a comment\n\n"));
        assertEquals(Optional.empty(), content("just words\n"));
    }

    /** Corpus files have flattened names, so their content alone must tell their format. */
    @TestFactory
    List<DynamicTest> realFilesAreRecognisedByContent() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Path corpus = SharedData.corpus();
        for (String component : List.of("containerd", "crio", "docker", "cri-dockerd", "kubelet")) {
            for (Path f : SharedData.files(corpus.resolve(component), "")) {
                String name = f.getFileName().toString();
                Optional<FileType> expected = expected(component, name);
                if (expected.isEmpty()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(component + "/" + name, () ->
                        assertEquals(expected, FileTypes.byContent(Files.readAllBytes(f)))));
            }
        }
        return tests;
    }

    private static Optional<FileType> expected(String component, String name) {
        if (name.equals("SOURCES.md") || name.endsWith(".upstart")) {
            return Optional.empty();
        }
        switch (component) {
            case "containerd":
            case "crio":
                return Optional.of(FileType.TOML);
            case "docker":
                return Optional.of(FileType.JSON);
            case "cri-dockerd":
                return Optional.of(FileType.UNIT);
            default:
                if (name.endsWith(".yaml")) {
                    return Optional.of(FileType.YAML);
                }
                if (name.contains(".service") || name.endsWith(".conf")) {
                    return Optional.of(FileType.UNIT);
                }
                return Optional.of(FileType.ENV);
        }
    }

    private static Optional<FileType> content(String text) {
        return FileTypes.byContent(text.getBytes(StandardCharsets.UTF_8));
    }
}
