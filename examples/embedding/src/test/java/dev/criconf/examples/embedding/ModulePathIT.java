package dev.criconf.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published library jars used as JPMS modules, the way a modular application uses them (the
 * unit tests of every module run on the class path). Runs after {@code package}, on the jars the
 * reactor just built: each jar's module descriptor exports exactly the API packages; a small
 * application module ({@code src/module-test/consumer}) that requires only {@code dev.criconf.io}
 * and {@code dev.criconf.validate} compiles against them, and launched with {@code java
 * --module-path} loads and validates the example nodes; and code in another module can neither
 * compile against nor reflectively call criconf's internal packages.
 */
class ModulePathIT {

    static final Path EXAMPLES = Path.of("../../examples");
    static final Path SOURCES = Path.of("src/module-test");
    static final Path WORK = Path.of("target/module-test");
    static final String CONSUMER = "dev.criconf.examples.modular";

    /** The library jars and their third-party modules, in the order model, io, validate, snakeyaml, jackson. */
    private static List<Path> modulePath;

    @BeforeAll
    static void locateJars() throws ReflectiveOperationException, URISyntaxException {
        modulePath = new ArrayList<>();
        for (String type : List.of("dev.criconf.model.NodeConfig", "dev.criconf.io.node.NodeLoader",
                "dev.criconf.validate.Validator", "org.snakeyaml.engine.v2.api.LoadSettings",
                "com.fasterxml.jackson.core.JsonFactory")) {
            Path location = Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI());
            // failsafe runs after package, so the reactor hands us the built jars, not target/classes
            assertTrue(Files.isRegularFile(location) && location.toString().endsWith(".jar"),
                    type + " should come from a jar but comes from " + location);
            modulePath.add(location);
        }
    }

    @Test
    void modelJarExportsItsApiPackagesOnly() {
        assertDescriptor(modulePath.get(0), "dev.criconf.model", List.of(
                "exports dev.criconf.model",
                "exports dev.criconf.model.catalog",
                "exports dev.criconf.model.containerd",
                "exports dev.criconf.model.crio",
                "exports dev.criconf.model.docker",
                "exports dev.criconf.model.edit",
                "exports dev.criconf.model.host",
                "exports dev.criconf.model.kubelet",
                "exports dev.criconf.model.value",
                "requires java.base mandated"));
    }

    @Test
    void ioJarExportsItsApiPackagesOnlyAndPassesTheModelOn() {
        assertDescriptor(modulePath.get(1), "dev.criconf.io", List.of(
                "exports dev.criconf.io",
                "exports dev.criconf.io.args",
                "exports dev.criconf.io.env",
                "exports dev.criconf.io.json",
                "exports dev.criconf.io.modules",
                "exports dev.criconf.io.node",
                "exports dev.criconf.io.sysctl",
                "exports dev.criconf.io.systemd",
                "exports dev.criconf.io.toml",
                "exports dev.criconf.io.yaml",
                "requires dev.criconf.model transitive",
                "requires java.base mandated",
                "requires org.snakeyaml.engine"));
    }

    @Test
    void validateJarExportsItsApiPackagesOnlyAndNeverReadsIo() {
        assertDescriptor(modulePath.get(2), "dev.criconf.validate", List.of(
                "exports dev.criconf.validate",
                "exports dev.criconf.validate.report",
                "requires com.fasterxml.jackson.core",
                "requires dev.criconf.model transitive",
                "requires java.base mandated",
                "uses dev.criconf.validate.Rule"));
    }

    @Test
    void aModularApplicationLoadsValidatesAndRendersNodes() throws IOException, InterruptedException {
        Path classes = WORK.resolve("consumer-classes");
        Tool javac = javac(SOURCES.resolve("consumer"), classes);
        assertEquals(0, javac.status, "the consumer module should compile:\n" + javac.output);

        Path reports = WORK.resolve("reports");
        List<Path> launchPath = new ArrayList<>(modulePath);
        launchPath.add(0, classes);
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", path(launchPath),
                "--module", CONSUMER + "/" + CONSUMER + ".LintNode",
                reports.toString(),
                EXAMPLES.resolve("healthy-containerd").toString(),
                EXAMPLES.resolve("broken-cgroup-driver").toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (var in = java.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!java.waitFor(2, TimeUnit.MINUTES)) {
            java.destroyForcibly();
            fail("the consumer did not finish:\n" + output);
        }
        assertEquals(0, java.exitValue(), output);
        List<String> lines = output.lines().collect(Collectors.toList());

        // every class came from a named module, and nothing but criconf's modules and their two dependencies was resolved
        assertTrue(lines.contains("module dev.criconf.examples.modular: model=dev.criconf.model io=dev.criconf.io"
                + " validate=dev.criconf.validate"), output);
        assertTrue(lines.contains("boot layer: [com.fasterxml.jackson.core, dev.criconf.examples.modular,"
                + " dev.criconf.io, dev.criconf.model, dev.criconf.validate, org.snakeyaml.engine]"), output);
        // RuleSet.discover() ('uses dev.criconf.validate.Rule') finds the consumer's 'provides'
        assertTrue(lines.stream().anyMatch(l -> l.matches("rules: \\d+, third-party modular-file-count discovered")),
                output);

        String healthy = line(lines, "node healthy-containerd: ");
        assertTrue(healthy.matches("node healthy-containerd: files=\\d+ problems=0 errors=0 rules-fired=\\[.*]"), healthy);
        assertTrue(healthy.contains("modular-file-count"), healthy);
        assertTrue(!healthy.contains("files=0 "), healthy);
        String broken = line(lines, "node broken-cgroup-driver: ");
        assertTrue(broken.matches("node broken-cgroup-driver: files=\\d+ problems=0 errors=[1-9]\\d* rules-fired=\\[.*]"),
                broken);
        assertTrue(broken.contains("cgroup-driver-mismatch"), broken);
        // the JSON renderer (jackson-core, and reflection over dev.criconf.model.edit records) works across modules
        String json = Files.readString(reports.resolve("broken-cgroup-driver.json"), StandardCharsets.UTF_8);
        assertTrue(json.replaceAll("\\s", "").contains("\"op\":\"set-cgroup-driver\""), json);
        assertTrue(json.replaceAll("\\s", "").contains("\"driver\":\"systemd\""), json);

        // public classes and methods in internal packages: neither callable nor openable from another module
        for (String internal : List.of("dev.criconf.model.internal.Strings", "dev.criconf.io.internal.SourceText",
                "dev.criconf.validate.internal.rules.BuiltInRules")) {
            assertEquals("internal " + internal + ": invoke IllegalAccessException, setAccessible InaccessibleObjectException",
                    line(lines, "internal " + internal + ": "), output);
        }
    }

    @Test
    void internalPackagesDoNotCompileInAnotherModule() throws IOException {
        Tool javac = javac(SOURCES.resolve("internal-access"), WORK.resolve("internal-access-classes"));
        assertNotEquals(0, javac.status, "importing internal packages must not compile:\n" + javac.output);
        for (String[] p : new String[][] {
                {"dev.criconf.io.internal", "dev.criconf.io"},
                {"dev.criconf.model.internal", "dev.criconf.model"},
                {"dev.criconf.validate.internal.rules", "dev.criconf.validate"}}) {
            assertTrue(javac.output.contains("package " + p[0] + " is declared in module " + p[1]
                    + ", which does not export it"), javac.output);
        }
    }

    /** Checks {@code jar --describe-module}: the module's name, then its exports, requires and uses exactly. */
    private static void assertDescriptor(Path jar, String module, List<String> expected) {
        Tool describe = Tool.run("jar", "--describe-module", "--file", jar.toString());
        assertEquals(0, describe.status, describe.output);
        List<String> lines = describe.output.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
        assertTrue(lines.get(0).startsWith(module + "@") && lines.get(0).endsWith("!/module-info.class"),
                "a module-info.class at the jar's root for " + module + ":\n" + describe.output);
        List<String> declared = lines.subList(1, lines.size()).stream()
                .filter(l -> !l.startsWith("contains "))
                .sorted()
                .collect(Collectors.toList());
        assertEquals(expected, declared, describe.output);
        // what is not exported is implementation: a new API package must be added to module-info.java
        for (String l : lines) {
            if (l.startsWith("contains ")) {
                assertTrue(Arrays.asList(l.substring("contains ".length()).split("\\.")).contains("internal"),
                        "package not exported but not internal either: " + l);
            }
        }
    }

    /**
     * Compiles one module's sources against the library jars only. In this JVM javac would otherwise
     * default its class path to the test's own, which holds the same jars as unnamed-module code.
     */
    private static Tool javac(Path sources, Path classes) throws IOException {
        Path emptyClassPath = Files.createDirectories(WORK.resolve("empty-class-path"));
        return Tool.run("javac", Stream.concat(
                Stream.of("--module-path", path(modulePath), "--class-path", emptyClassPath.toString(),
                        "-d", classes.toString()),
                javaFiles(sources)).toArray(String[]::new));
    }

    private static Stream<String> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> list = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
            assertTrue(list.size() >= 2, "sources in " + dir.toAbsolutePath());
            return list.stream();
        }
    }

    private static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseGet(() -> fail("no line starting with '" + prefix + "' in:\n" + String.join("\n", lines)));
    }

    /** A JDK tool run in this JVM. */
    private static final class Tool {
        final int status;
        final String output;

        private Tool(int status, String output) {
            this.status = status;
            this.output = output;
        }

        static Tool run(String name, String... args) {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text, true);
            int status = ToolProvider.findFirst(name).orElseThrow(() -> new AssertionError("no " + name + " tool"))
                    .run(out, out, args);
            out.flush();
            return new Tool(status, text.toString());
        }
    }
}
