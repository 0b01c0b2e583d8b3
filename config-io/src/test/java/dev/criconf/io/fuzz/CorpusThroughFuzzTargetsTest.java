package dev.criconf.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.criconf.io.env.EnvAssignment;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.args.Argument;
import dev.criconf.io.systemd.ExecCommand;
import dev.criconf.io.systemd.ExecWord;
import dev.criconf.io.systemd.Specifiers;
import dev.criconf.io.systemd.UnitAssignment;
import dev.criconf.io.systemd.UnitCorpus;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz targets' properties over the real files of the shared corpus (and, for sysctl.d and
 * modules-load.d, which the corpus lacks, over the module's fixtures): every file of a format goes
 * through the same body Jazzer runs, so every build checks the corpus against the same property
 * as the fuzz seeds. The corpus stays in shared/; nothing of it is copied into the project.
 */
class CorpusThroughFuzzTargetsTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(FormatFuzzTest.SECONDS_PER_INPUT);

    @TempDir
    Path nodeRoot;

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<DynamicTest> each(List<Path> files, Consumer<byte[]> target) {
        assertFalse(files.isEmpty(), "no files for this target");
        Path corpus = SharedData.corpus();
        return files.stream().map(p -> dynamicTest(p.startsWith(corpus) ? corpus.relativize(p).toString() : p.getFileName().toString(),
                () -> assertTimeoutPreemptively(PER_INPUT, () -> target.accept(read(p)))));
    }

    private static boolean isNotes(Path p) {
        return p.getFileName().toString().equals("SOURCES.md");
    }

    private static List<Path> withSuffix(String... suffixes) {
        return SharedData.files(SharedData.corpus(), suffixes).stream().filter(p -> !isNotes(p)).toList();
    }

    /** Corpus files whose path names the format, then the module's own fixtures of it. */
    private static List<Path> namedOrFixtures(String fixtureDir, String... pathFragments) {
        List<Path> out = new ArrayList<>();
        for (Path p : SharedData.files(SharedData.corpus())) {
            String s = p.toString();
            if (!isNotes(p) && Stream.of(pathFragments).anyMatch(s::contains)) {
                out.add(p);
            }
        }
        try {
            Path d = Path.of(CorpusThroughFuzzTargetsTest.class.getResource("/fixtures/" + fixtureDir).toURI());
            SharedData.files(d).stream().filter(p -> !p.getFileName().toString().startsWith(".")).forEach(out::add);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> toml() {
        // *.toml of every component, and every CRI-O file, which are TOML whatever their extension
        List<Path> files = new ArrayList<>(withSuffix(".toml"));
        for (Path p : SharedData.files(SharedData.corpus().resolve("crio"))) {
            if (!isNotes(p) && !files.contains(p)) {
                files.add(p);
            }
        }
        return each(files, FuzzTargets::toml);
    }

    @TestFactory
    Stream<DynamicTest> yaml() {
        return each(withSuffix(".yaml", ".yml"), FuzzTargets::yaml);
    }

    @TestFactory
    Stream<DynamicTest> json() {
        return each(withSuffix(".json"), FuzzTargets::json);
    }

    @TestFactory
    Stream<DynamicTest> unitFile() {
        return each(UnitCorpus.files(UnitCorpus.Kind.UNIT), FuzzTargets::unitFile);
    }

    @TestFactory
    Stream<DynamicTest> envFile() {
        return each(UnitCorpus.files(UnitCorpus.Kind.ENV), FuzzTargets::envFile);
    }

    @TestFactory
    Stream<DynamicTest> sysctl() {
        return each(namedOrFixtures("sysctl", "sysctl"), FuzzTargets::sysctl);
    }

    @TestFactory
    Stream<DynamicTest> modulesLoad() {
        return each(namedOrFixtures("modules-load", "modules-load", "etc_modules"), FuzzTargets::modulesLoad);
    }

    /**
     * The argument lists of the corpus, in the target's input form (one argument per line): the
     * words of every assignment of an environment file, and argv[1:] of every {@code Exec*=}
     * command of a unit file.
     */
    @TestFactory
    Stream<DynamicTest> parsedArgs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : UnitCorpus.files(UnitCorpus.Kind.ENV)) {
            EnvFile env = EnvFile.parse(p.getFileName().toString(), read(p));
            for (EnvAssignment a : env.assignments()) {
                List<String> words = a.words().stream().map(Argument::text).toList();
                tests.add(argsTest(p.getFileName() + " " + a.name(), words));
            }
        }
        for (Path p : UnitCorpus.files(UnitCorpus.Kind.UNIT)) {
            UnitFile unit = UnitFile.parse(p.getFileName().toString(), read(p));
            for (UnitAssignment a : unit.assignments()) {
                if (!UnitFile.EXEC_KEYS.contains(a.key())) {
                    continue;
                }
                for (ExecCommand c : ExecCommand.parse(a, Specifiers.systemUnit("kubelet.service")).commands()) {
                    List<String> words = c.argv().stream().skip(1).map(ExecWord::value).toList();
                    tests.add(argsTest(p.getFileName() + ":" + a.origin().line() + " " + a.key(), words));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no argument lists in the corpus");
        return tests.stream();
    }

    private static DynamicTest argsTest(String name, List<String> words) {
        byte[] input = words.stream().map(w -> w + "\n").reduce("", String::concat).getBytes(StandardCharsets.UTF_8);
        return dynamicTest(name, () -> assertTimeoutPreemptively(PER_INPUT, () -> FuzzTargets.parsedArgs(input)));
    }

    /**
     * Node trees made of corpus files: each kubelet unit file with each kubelet drop-in, an
     * environment file of the corpus as kubeadm-flags.env (taken in turn) and the corpus's
     * /etc/default/kubelet.
     */
    @TestFactory
    Stream<DynamicTest> unitResolverAndCommandLine() {
        List<Path> units = new ArrayList<>();
        List<Path> dropIns = new ArrayList<>();
        for (Path p : UnitCorpus.files(UnitCorpus.Kind.UNIT)) {
            String n = p.getFileName().toString();
            if (n.contains("kubelet") && n.endsWith(".service")) {
                units.add(p);
            } else if (n.endsWith(".conf")) {
                dropIns.add(p);
            }
        }
        List<Path> envs = UnitCorpus.files(UnitCorpus.Kind.ENV);
        Path defaults = envs.stream().filter(p -> p.getFileName().toString().endsWith("_etc_default_kubelet")).findFirst()
                .orElseThrow(() -> new AssertionError("the corpus has an /etc/default/kubelet"));
        assertFalse(units.isEmpty() || dropIns.isEmpty(), "kubelet units and drop-ins in the corpus");
        NodeTree tree = new NodeTree(nodeRoot);
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (Path unit : units) {
            for (Path dropIn : dropIns) {
                Path env = envs.get(i++ % envs.size());
                byte[] input = join(read(unit), read(dropIn), read(env), read(defaults));
                tests.add(dynamicTest(unit.getFileName() + " + " + dropIn.getFileName() + " + " + env.getFileName(),
                        () -> assertTimeoutPreemptively(PER_INPUT, () -> FuzzTargets.unitResolverAndCommandLine(tree, input))));
            }
        }
        return tests.stream();
    }

    /** Files as one node-tree input: separator lines between them (a file without a final newline gets one). */
    private static byte[] join(byte[]... files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < files.length; i++) {
            if (i > 0) {
                out.writeBytes((NodeTree.SEPARATOR + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(files[i]);
            if (files[i].length > 0 && files[i][files[i].length - 1] != '\n') {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
