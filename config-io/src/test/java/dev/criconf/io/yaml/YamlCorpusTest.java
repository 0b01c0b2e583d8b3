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
}
