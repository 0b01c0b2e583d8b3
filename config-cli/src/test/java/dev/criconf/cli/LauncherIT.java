package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./criconf} launcher at the repository root, end to end: it finds (or builds) the
 * shaded jar and runs it in a JVM of its own. Runs after {@code package} (failsafe), so the jar is
 * normally fresh and the launcher does not need to build it.
 */
class LauncherIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void versionFromTheRepositoryRoot() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH, so ./criconf could not build its jar; skipping the launcher test");
        Run r = run("./criconf", "--version");
        assertEquals(0, r.status(), r::toString);
        assertEquals("criconf " + ToolVersion.current().version() + "\n", r.out());
    }

    @Test
    void theShadedJarReadsYamlAndExitsWithTheContractsStatuses() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH, so ./criconf could not build its jar; skipping the launcher test");
        Path f = Files.writeString(dir.resolve("config.yaml"), "kind: KubeletConfiguration\ncgroupDriver: systemd\n");
        Run get = run("./criconf", "get", f.toString(), "cgroupDriver");
        assertEquals(0, get.status(), get::toString);
        assertEquals("systemd\n", get.out());
        Run absent = run("./criconf", "get", f.toString(), "maxPods");
        assertEquals(1, absent.status(), absent::toString);
        Run usage = run("./criconf", "frobnicate");
        assertEquals(2, usage.status(), usage::toString);
        assertEquals(1, usage.err().lines().count(), usage::toString);
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).directory(REPO.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a stale jar makes the launcher build it first: allow for a slow, shared machine
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "./criconf did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
