package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.cli.internal.JsonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * {@code set} then {@code get} gives back the value, for any string, in every format that can hold
 * it; and the file differs from the original only on the value's line.
 */
class SetGetProperties {

    private Path dir;

    @BeforeProperty
    void createDirectory() throws IOException {
        dir = Files.createTempDirectory("criconf-setget");
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        // any Unicode text without NUL or unpaired surrogates: what a configuration value can be
        return Arbitraries.strings().all().ofMaxLength(30)
                .filter(s -> s.indexOf('\0') < 0 && s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
    }

    @Provide
    Arbitrary<String> yamlText() {
        // config-io's YAML writer escapes U+2028 and U+2029 as \L and \P, which its reader
        // (snakeyaml-engine) rejects, so such an edit is refused (see GetSetTest); leave them out here
        return anyText().filter(s -> s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0);
    }

    @Provide
    Arbitrary<String> oneLine() {
        // what a unit value can be: no line break, no blank at either end, no final backslash
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', '中', '\t').ofMinLength(1).ofMaxLength(30)
                .filter(s -> s.equals(s.strip()) && !s.isEmpty() && !s.endsWith("\\"));
    }

    @Property(tries = 60)
    void toml(@ForAll("anyText") String value) throws IOException {
        String text = "# containerd\nversion = 2\n\n[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"x\"\n"
                + "  enable_cdi = true\n";
        roundTrip("config.toml", text, "plugins.\"io.containerd.grpc.v1.cri\".sandbox_image", value, 4);
    }

    @Property(tries = 60)
    void yaml(@ForAll("yamlText") String value) throws IOException {
        String text = "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n# driver\n"
                + "cgroupDriver: cgroupfs\nmaxPods: 110\n";
        roundTrip("config.yaml", text, "cgroupDriver", value, 3);
    }

    @Property(tries = 60)
    void json(@ForAll("anyText") String value) throws IOException {
        String text = "{\n  \"exec-opts\": [\"native.cgroupdriver=cgroupfs\"],\n  \"live-restore\": true\n}\n";
        roundTrip("daemon.json", text, "exec-opts[0]", value, 1);
    }

    @Property(tries = 60)
    void env(@ForAll("anyText") String value) throws IOException {
        String text = "# kubeadm\nKUBELET_KUBEADM_ARGS=\"--v=2\"\nOTHER=1\n";
        roundTrip("kubeadm-flags.env", text, "KUBELET_KUBEADM_ARGS", value, 1);
    }

    @Property(tries = 60)
    void unit(@ForAll("oneLine") String value) throws IOException {
        Files.createDirectories(dir.resolve("kubelet.service.d"));
        // a free-text setting: ExecStart= values must also be commands systemd accepts
        String text = "[Unit]\nDescription=kubelet\nDescription=the node agent\n[Service]\nRestart=always\n";
        roundTrip("kubelet.service.d/10-kubeadm.conf", text, "Unit.Description", value, 2);
    }

    private void roundTrip(String name, String text, String key, String value, int line) throws IOException {
        Path f = Files.writeString(dir.resolve(name), text);
        Cli.Result set = Cli.run("set", f.toString(), key, JsonText.quote(value));
        assertEquals(0, set.status(), set::toString);
        Cli.Result get = Cli.run("get", f.toString(), key);
        assertEquals(0, get.status(), get::toString);
        assertEquals(value + "\n", get.out());
        List<String> before = lines(text);
        List<String> after = lines(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        // a value with line breaks may take several lines; everything before and after stays
        int tail = before.size() - line - 1;
        assertEquals(before.subList(0, line), after.subList(0, line));
        assertEquals(before.subList(line + 1, before.size()), after.subList(after.size() - tail, after.size()));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }
}
