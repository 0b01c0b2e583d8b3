package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./criconf} launcher at the repository root, end to end: it finds (or builds) the
 * shaded jar and runs it in a JVM of its own. Runs after {@code package} (failsafe), so the jar is
 * normally fresh and the launcher does not need to build it. The first run makes the launcher's
 * class-data sharing archive for that jar; later runs map it.
 */
class LauncherIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = REPO.resolve("config-cli/target/config-cli-" + ToolVersion.current().version() + "-all.jar");
    /** The launcher's class-data sharing archive: machine-local, next to the jar. */
    private static final Path ARCHIVE = REPO.resolve("config-cli/target/criconf.jsa");

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

    @Test
    void theSecondRunMapsTheClassDataArchiveMadeNextToTheJar() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH, so ./criconf could not build its jar; skipping the launcher test");
        Run first = run("./criconf", "--version");
        assertEquals(0, first.status(), first::toString);
        assertEquals("", first.err(), first::toString);
        assertTrue(Files.isRegularFile(ARCHIVE), "no " + ARCHIVE + " after a run");
        assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) > 0,
                "the archive is older than the jar");
        // CRICONF_JAVA_OPTS come after the launcher's options; the log goes to a file, not to stdout
        Path classes = dir.resolve("classes.log");
        Run second = run(Map.of("CRICONF_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes), REPO,
                "./criconf", "lint", "--root", "examples/healthy-containerd");
        assertEquals(0, second.status(), second::toString);
        assertEquals("0 errors, 0 warnings, 0 info (1 node, 8 files)\n", second.out(), second::toString);
        assertEquals("", second.err(), second::toString);
        List<String> loaded = Files.readAllLines(classes);
        for (String c : List.of("dev.criconf.cli.Main", "picocli.CommandLine", "dev.criconf.cli.internal.LintCommand")) {
            assertTrue(loaded.stream().anyMatch(l -> l.contains(" " + c + " source: shared objects file")),
                    c + " was not loaded from the archive: " + loaded.stream().filter(l -> l.contains(" " + c + " ")).toList());
        }
    }

    @Test
    void aRebuiltJarGetsANewArchive() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH, so ./criconf could not build its jar; skipping the launcher test");
        assertEquals(0, run("./criconf", "--version").status());
        // as after a rebuild: the jar is newer than its archive (the jar itself stays as built, so
        // it is still newer than every source and nothing is compiled)
        Files.setLastModifiedTime(ARCHIVE, FileTime.fromMillis(Files.getLastModifiedTime(JAR).toMillis() - 10_000));
        Run r = run("./criconf", "--version");
        assertEquals(0, r.status(), r::toString);
        assertEquals("criconf " + ToolVersion.current().version() + "\n", r.out());
        assertEquals("", r.err(), r::toString);
        assertTrue(Files.getLastModifiedTime(ARCHIVE).compareTo(Files.getLastModifiedTime(JAR)) > 0,
                "the archive was not made again for the newer jar");
    }

    @Test
    void anArchiveTheJvmRejectsIsIgnoredSilently() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH, so ./criconf could not build its jar; skipping the launcher test");
        assertEquals(0, run("./criconf", "--version").status());
        // damaged, but newer than the jar and with a matching stamp, so the launcher passes it on
        FileTime made = Files.getLastModifiedTime(ARCHIVE);
        Files.delete(ARCHIVE);
        Files.write(ARCHIVE, "not a class-data archive".repeat(1000).getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(ARCHIVE, made);
        try {
            Run r = run("./criconf", "lint", "--format", "json", "--root", "examples/broken-cgroup-driver");
            assertEquals(1, r.status(), r::toString);
            assertTrue(r.out().startsWith("{"), r::toString);
            assertEquals("", r.err(), r::toString);
        } finally {
            Files.delete(ARCHIVE); // the next run makes a good one
        }
    }

    @Test
    void runsFromAnotherWorkingDirectory() throws Exception {
        assumeTrue(onPath("mvn"), "mvn is not on the PATH, so ./criconf could not build its jar; skipping the launcher test");
        Path root = REPO.resolve("examples/healthy-containerd");
        Run r = run(Map.of(), dir, REPO.resolve("criconf").toString(), "lint", "--root", root.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals("0 errors, 0 warnings, 0 info (1 node, 8 files)\n", r.out(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    private record Run(int status, String out, String err) {
    }

    private Run run(String... command) throws IOException, InterruptedException {
        return run(Map.of(), REPO, command);
    }

    private Run run(Map<String, String> env, Path workingDirectory, String... command) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDirectory.toFile());
        pb.environment().remove("CRICONF_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
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
