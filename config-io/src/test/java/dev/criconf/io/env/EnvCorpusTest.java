package dev.criconf.io.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.systemd.UnitCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EnvCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusEnvFileRoundTripsAndParses() {
        return UnitCorpus.files(UnitCorpus.Kind.ENV).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            EnvFile f = EnvFile.parse(p.getFileName().toString(), bytes);
            assertArrayEquals(bytes, f.toBytes());
            assertTrue(f.problems().isEmpty(), () -> f.problems().toString());
            assertFalse(f.variables().isEmpty());
            for (EnvAssignment a : f.assignments()) {
                assertTrue(a.name().startsWith("KUBELET_"), a.name());
                ParsedArgs args = ParsedArgs.parse(a.words(), FlagSpec.kubelet());
                assertTrue(args.positionals().isEmpty(), () -> "stray words in " + a + ": " + args.positionals());
            }
        }));
    }

    @org.junit.jupiter.api.Test
    void deliberatelyBrokenKubeadmFlagsFileStillParses() throws IOException {
        // SOURCES.md: repeated --container-runtime-endpoint and an unknown --resolv= flag; the file's
        // syntax is fine, the kubelet would refuse the flag
        Path p = UnitCorpus.files(UnitCorpus.Kind.ENV).stream()
                .filter(x -> x.getFileName().toString().equals("cecep-91_upgrade_kubernetes_kubeadm-flags.env")).findFirst()
                .orElseThrow();
        EnvFile f = EnvFile.parse("kubeadm-flags.env", Files.readAllBytes(p));
        ParsedArgs args = f.flags("KUBELET_KUBEADM_ARGS", FlagSpec.kubelet());
        assertEquals(4, args.occurrences("container-runtime-endpoint").size());
        assertEquals("awikwoketc", args.effective("resolv").orElseThrow().value());
        assertEquals("kubeadm-flags.env:1:72", args.occurrences("resolv").get(0).origin().toString());
    }
}
