package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UnitCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusUnitFileRoundTripsAndParses() {
        return UnitCorpus.files(UnitCorpus.Kind.UNIT).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            byte[] bytes = Files.readAllBytes(p);
            UnitFile u = UnitFile.parse(p.getFileName().toString(), bytes);
            assertArrayEquals(bytes, u.toBytes());
            assertTrue(u.problems().isEmpty(), () -> u.problems().toString());
            assertFalse(u.sections().isEmpty());
            Specifiers sp = Specifiers.systemUnit("x.service");
            for (UnitAssignment a : u.assignments()) {
                if (UnitFile.EXEC_KEYS.contains(a.key()) && !a.isEmpty()) {
                    assertFalse(ExecCommand.parse(a, sp).commands().isEmpty(), a::toString);
                }
            }
        }));
    }

    @Test
    void everyCorpusFileIsClassified() {
        long others = UnitCorpus.FOLDERS.stream()
                .flatMap(f -> SharedData.files(SharedData.corpus().resolve(f)).stream())
                .filter(p -> UnitCorpus.classify(p) == UnitCorpus.Kind.OTHER)
                .filter(p -> !p.getFileName().toString().matches(".*\\.(toml|ya?ml|json|md|conf|default|upstart)$"))
                .count();
        assertEquals(0, others, "a corpus file that is neither a unit, an env file nor a known other format");
    }

    private static Path corpus(String folder, String name) {
        return SharedData.corpus().resolve(folder).resolve(name);
    }

    @Test
    void criDockerdFlagsFromTheShippedUnit() throws Exception {
        UnitFile u = UnitFile.parse("cri-docker.service",
                Files.readAllBytes(corpus("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.service")));
        ExecCommand c = ExecCommand.parse(u.assignments("Service", "ExecStart").get(0), Specifiers.systemUnit("cri-docker.service"))
                .commands().get(0);
        ParsedArgs args = CommandLine.expand(c, UnitEnvironment.empty()).flags(FlagSpec.criDockerd());
        assertEquals("fd://", args.values().get("container-runtime-endpoint"));
        assertEquals("cri-docker.service:10:61", args.occurrences("container-runtime-endpoint").get(0).valueOrigin()
                .orElseThrow().toString());
        // ExecReload's $MAINPID is set by systemd at run time, not by the unit
        ExecCommand reload = ExecCommand.parse(u.assignments("Service", "ExecReload").get(0),
                Specifiers.systemUnit("cri-docker.service")).commands().get(0);
        assertEquals(List.of("MAINPID"), CommandLine.expand(reload, UnitEnvironment.empty()).unsetVariables());
    }

    @Test
    void criDockerdSocketListensUnderRun() throws Exception {
        UnitFile u = UnitFile.parse("cri-docker.socket",
                Files.readAllBytes(corpus("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.socket")));
        String listen = u.value("Socket", "ListenStream").orElseThrow();
        assertEquals("/run/cri-dockerd.sock", Specifiers.systemUnit("cri-docker.socket").expand(listen).value());
    }

    @Test
    void firstPackagingCommitPassesFlagsTheCurrentParserDoesNotKnow() throws Exception {
        UnitFile u = UnitFile.parse("cri-docker.service", Files.readAllBytes(
                corpus("cri-dockerd", "Mirantis_cri-dockerd_packaging_systemd_cri-docker.service@d5b2265.service")));
        ExecCommand c = ExecCommand.parse(u.assignments("Service", "ExecStart").get(0), Specifiers.systemUnit("cri-docker.service"))
                .commands().get(0);
        ParsedArgs args = CommandLine.expand(c, UnitEnvironment.empty()).flags(FlagSpec.criDockerd());
        // --networkplugin="" : the quotes are removed by systemd, the value is empty
        assertEquals("", args.values().get("networkplugin"));
        assertEquals(List.of("v", "networkplugin", "logtostderr"), List.copyOf(args.values().keySet()));
    }
}
