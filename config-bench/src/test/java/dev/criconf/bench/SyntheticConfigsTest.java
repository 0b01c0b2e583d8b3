package dev.criconf.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.yaml.YamlStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class SyntheticConfigsTest {

    @ParameterizedTest
    @ValueSource(ints = {1024, 8192, 60 * 1024, 524288})
    void tomlOfEverySizeIsValidForUsAndTomlj(int size) {
        byte[] bytes = SyntheticConfigs.containerdToml(size, SyntheticConfigs.SEED);
        assertTrue(bytes.length >= size, "at least the size asked for");
        assertTrue(bytes.length < size + 2048, "grown by whole sections only: " + bytes.length);
        TomlDocument ours = TomlDocument.parse("config.toml", bytes);
        assertEquals(java.util.List.of(), ours.problems());
        assertArrayEquals(bytes, ours.toBytes());
        TomlParseResult theirs = Toml.parse(new String(bytes, StandardCharsets.UTF_8));
        assertFalse(theirs.hasErrors(), () -> theirs.errors().toString());
        assertEquals(theirs.toMap().keySet(), ours.toJava().keySet());
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 8192, 60 * 1024, 524288})
    void yamlOfEverySizeIsValidMultiDocumentYaml(int size) {
        byte[] bytes = SyntheticConfigs.kubeadmYaml(size, SyntheticConfigs.SEED);
        assertTrue(bytes.length >= size);
        YamlStream ours = YamlStream.parse("kubeadm.yaml", bytes, ParseLimits.DEFAULTS);
        assertEquals(java.util.List.of(), ours.problems());
        assertTrue(ours.documents().size() >= 1);
        assertArrayEquals(bytes, ours.toBytes());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, SyntheticConfigs.SEED})
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers(long seed) {
        assertArrayEquals(SyntheticConfigs.containerdToml(60 * 1024, seed), SyntheticConfigs.containerdToml(60 * 1024, seed));
        assertArrayEquals(SyntheticConfigs.kubeadmYaml(60 * 1024, seed), SyntheticConfigs.kubeadmYaml(60 * 1024, seed));
        assertFalse(java.util.Arrays.equals(SyntheticConfigs.kubeadmYaml(8192, seed), SyntheticConfigs.kubeadmYaml(8192, seed + 1)));
    }

    @org.junit.jupiter.api.Test
    void theEditTheBenchmarkMakesChangesOnlyTheImageTag() {
        TomlDocument doc = TomlDocument.parse("config.toml", Inputs.toml("synthetic-60k").bytes());
        TomlDocument edited = doc.set(TomlEditBenchmark.SANDBOX_IMAGE, TomlEditBenchmark.NEW_IMAGE);
        assertEquals(doc.text().replace("pause:3.10.1\"", "pause:3.10\""), edited.text());
    }
}
