package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every YAML file of the shared corpus (kubelet and kubeadm configs) parses cleanly and prints back byte for byte. */
class YamlCorpusTest {

    @TestFactory
    Stream<DynamicTest> corpusRoundTrips() {
        Path corpus = SharedData.corpus();
        List<Path> files = SharedData.files(corpus, ".yaml", ".yml");
        assertFalse(files.isEmpty(), "the corpus has YAML files");
        return files.stream().map(f -> DynamicTest.dynamicTest(corpus.relativize(f).toString(), () -> {
            byte[] bytes = Files.readAllBytes(f);
            YamlStream s = YamlStream.parse(corpus.relativize(f).toString(), bytes, ParseLimits.DEFAULTS);
            assertArrayEquals(bytes, s.toBytes());
            assertTrue(s.problems().isEmpty(), () -> s.problems().toString());
            assertFalse(s.documents().isEmpty());
            SpanChecks.check(s);
            for (YamlDocument d : s.documents()) {
                // every document of these files is a Kubernetes object or a bare mapping
                assertTrue(d.value(YamlSchema.YAML_1_1_KUBELET) instanceof YamlValue.MappingValue);
            }
            assertEquals(s.text(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }));
    }

    /**
     * In every KubeletConfiguration document of the corpus (alone or inside a kubeadm stream), set
     * cgroupDriver to the other driver, or add it: only that one line changes.
     */
    @TestFactory
    Stream<DynamicTest> setCgroupDriverInEveryKubeletConfiguration() {
        Path corpus = SharedData.corpus();
        List<Path> withKubelet = SharedData.files(corpus, ".yaml", ".yml").stream().filter(f -> {
            try {
                return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8).contains("kind: KubeletConfiguration");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(java.util.stream.Collectors.toList());
        assertFalse(withKubelet.isEmpty());
        return withKubelet.stream().map(f -> DynamicTest.dynamicTest(
                corpus.relativize(f).toString(), () -> {
                    YamlStream s = YamlStream.parse(f.getFileName().toString(), Files.readAllBytes(f), ParseLimits.DEFAULTS);
                    String[] before = s.text().split("\n", -1);
                    int edited = 0;
                    for (YamlDocument d : s.documents()) {
                        boolean kubelet = d.value(YamlSchema.YAML_1_1_KUBELET).asMapping().get("kind")
                                .equals(java.util.Optional.of(YamlValue.of("KubeletConfiguration")));
                        if (!kubelet) {
                            continue;
                        }
                        java.util.Optional<YamlNode> old = d.find(YamlPath.of("cgroupDriver"));
                        String driver = old.map(n -> ((YamlScalar) n).value()).orElse("").equals("systemd") ? "cgroupfs" : "systemd";
                        YamlStream e = old.isPresent()
                                ? s.setScalar(d.index(), YamlPath.of("cgroupDriver"), driver)
                                : s.addKey(d.index(), YamlPath.root(), "cgroupDriver", YamlValue.of(driver));
                        assertEquals(YamlValue.of(driver), e.document(d.index()).orElseThrow()
                                .value(YamlSchema.YAML_1_1_KUBELET).asMapping().get("cgroupDriver").orElseThrow());
                        String[] after = e.text().split("\n", -1);
                        int changed = 0;
                        for (int i = 0, j = 0; i < before.length || j < after.length; ) {
                            if (i < before.length && j < after.length && before[i].equals(after[j])) {
                                i++;
                                j++;
                            } else if (after.length > before.length) {
                                assertTrue(after[j].startsWith("cgroupDriver: " + driver), after[j]);
                                changed++;
                                j++;
                            } else {
                                assertTrue(after[j].contains("cgroupDriver: " + driver), after[j]);
                                changed++;
                                i++;
                                j++;
                            }
                        }
                        assertEquals(1, changed);
                        edited++;
                    }
                    assertEquals(1, edited, "KubeletConfiguration documents edited");
                }));
    }
}
