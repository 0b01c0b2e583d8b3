package dev.criconf.io.toml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading: the semantic view, origins, problems and limits. */
class TomlParseTest {

    private static final String CONTAINERD = ""
            + "version = 2\n"
            + "\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
            + "  sandbox_image = \"registry.k8s.io/pause:3.9\"\n"
            + "  [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
            + "    runtime_type = 'io.containerd.runc.v2'\n"
            + "    options = { SystemdCgroup = true }\n"
            + "[[plugins.\"io.containerd.transfer.v1.local\".unpack_config]]\n"
            + "  platform = \"linux/amd64\"\n"
            + "[misc]\n"
            + "when = 1979-05-27T07:32:00-08:00\n"
            + "day = 1979-05-27\n"
            + "at = 07:32:00.5\n"
            + "ratio = 0.5\n"
            + "mask = 0x1F\n";

    @Test
    void typedGettersByDottedPathAndKeyList() {
        TomlDocument d = TomlDocument.parse("config.toml", CONTAINERD);
        assertEquals(List.of(), d.problems());
        assertEquals(Optional.of(2L), d.getLong("version"));
        assertEquals(Optional.of("registry.k8s.io/pause:3.9"), d.getString("plugins.\"io.containerd.grpc.v1.cri\".sandbox_image"));
        assertEquals(Optional.of("registry.k8s.io/pause:3.9"),
                d.getString(List.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image")));
        assertEquals(Optional.of(true), d.getBoolean(
                "plugins.'io.containerd.grpc.v1.cri'.containerd.runtimes.runc.options.SystemdCgroup"));
        assertEquals(Optional.of("linux/amd64"), d.getString("plugins.\"io.containerd.transfer.v1.local\".unpack_config[0].platform"));
        assertEquals(Optional.of(OffsetDateTime.parse("1979-05-27T07:32:00-08:00")), d.getOffsetDateTime("misc.when"));
        assertEquals(Optional.of(LocalDate.of(1979, 5, 27)), d.getLocalDate("misc.day"));
        assertEquals(Optional.of(LocalTime.of(7, 32, 0, 500_000_000)), d.getLocalTime("misc.at"));
        assertEquals(Optional.of(0.5), d.getDouble("misc.ratio"));
        assertEquals(Optional.of(31L), d.getLong("misc.mask"));
        assertEquals(Optional.empty(), d.getString("version"), "a typed getter is empty for another type");
        assertEquals(Optional.empty(), d.getString("no.such.key"));
        assertTrue(d.getTable("plugins").isPresent());
        assertTrue(d.getArray("plugins.\"io.containerd.transfer.v1.local\".unpack_config").orElseThrow().arrayOfTables());
    }

    @Test
    void valuesKnowWhereTheyAndTheirKeysAreWritten() {
        TomlDocument d = TomlDocument.parse("config.toml", CONTAINERD);
        TomlValue image = d.get("plugins.\"io.containerd.grpc.v1.cri\".sandbox_image").orElseThrow();
        assertEquals(new Origin("config.toml", 4, 19, CONTAINERD.indexOf("\"registry"), 27), image.origin());
        assertEquals("config.toml:4:3", image.keyOrigin().orElseThrow().toString());
        TomlValue cri = d.get("plugins.\"io.containerd.grpc.v1.cri\"").orElseThrow();
        assertEquals("config.toml:3:1", cri.origin().toString(), "a header table's origin is its header");
        TomlValue runc = d.get("plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options").orElseThrow();
        assertEquals("config.toml:7:15", runc.origin().toString(), "an inline table's origin is its braces");
        assertEquals("config.toml:7:5", runc.keyOrigin().orElseThrow().toString());
    }

    @Test
    void toJavaGivesPlainValues() {
        TomlDocument d = TomlDocument.parse("c.toml", "a = [1, 'x', {b = true}]\n[t]\nf = -0.0\n");
        assertEquals(Map.of("a", List.of(1L, "x", Map.of("b", true)), "t", Map.of("f", -0.0)), d.toJava());
    }

    @Test
    void duplicateKeySaysWhereTheFirstOneIs() {
        TomlDocument d = TomlDocument.parse("config.toml",
                "[plugins.cri]\n  sandbox_image = \"a\"\n  # again\n  sandbox_image = \"b\"\n");
        Problem p = d.problems().get(0);
        assertEquals(Problem.Kind.DUPLICATE_KEY, p.kind());
        assertEquals("config.toml:4:3", p.origin().toString());
        assertEquals("duplicate key `sandbox_image`, first defined at 2:3", p.message());
    }

    @Test
    void syntaxErrorsAreLocatedAndCollected() {
        TomlDocument d = TomlDocument.parse("f.toml", "a = 1 2\nok = true\nb = \"unterminated\nc = [1,,2]\n");
        assertEquals(3, d.problems().size(), d.problems().toString());
        assertEquals("f.toml:1:7: expected a new line after the value, found `2`", d.problems().get(0).toString());
        assertEquals("f.toml:3:5", d.problems().get(1).origin().toString());
        assertEquals("f.toml:4:8", d.problems().get(2).origin().toString());
        assertTrue(d.problems().stream().allMatch(p -> p.kind() == Problem.Kind.SYNTAX));
        assertEquals(Optional.of(true), d.getBoolean("ok"), "lines after an error are still read");
    }

    @Test
    void versionDecidesTheToml11Features() {
        String text = "t = { a = 1,\n  b = 2, }\ne = \"\\e\"\nh = 10:30\n";
        assertEquals(List.of(), TomlDocument.parse("f", text).problems());
        TomlDocument v10 = TomlDocument.parse("f", text, TomlOptions.DEFAULTS.withVersion(TomlVersion.V1_0_0));
        assertEquals("f:1:13: an inline table must be on one line in TOML 1.0", v10.problems().get(0).toString());
    }

    @Test
    void invalidUtf8IsALocatedProblem() {
        byte[] bytes = {'a', ' ', '=', ' ', '"', (byte) 0xC3, (byte) 0x28, '"', '\n'};
        TomlDocument d = TomlDocument.parse("f.toml", bytes);
        assertTrue(d.hasErrors());
        assertEquals("f.toml:1:6", d.problems().get(0).origin().toString());
        assertTrue(d.problems().get(0).message().contains("UTF-8"));
    }

    @Test
    void bomAndCrlfAndMissingNewlineRoundTrip() {
        byte[] bytes = "\uFEFFa = 1\r\n\r\n[t]\t# c\r\n  b = 'x'  ".getBytes(StandardCharsets.UTF_8);
        TomlDocument d = TomlDocument.parse("f.toml", bytes);
        assertEquals(List.of(), d.problems());
        assertArrayEquals(bytes, d.toBytes());
        assertEquals("f.toml:1:2", d.get("a").orElseThrow().keyOrigin().orElseThrow().toString(),
                "the BOM is the character at column 1");
    }

    // ---------------------------------------------------------------- hostile input

    @Test
    void hundredThousandNestedArraysHitTheDepthLimit() {
        String deep = "a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        TomlDocument d = TomlDocument.parse("deep.toml", deep);
        Problem p = d.problems().get(0);
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, p.kind());
        assertEquals(1, p.origin().line());
        assertEquals(5 + ParseLimits.DEFAULTS.maxDepth(), p.origin().column());
        assertTrue(p.message().contains("maxDepth"), p.message());
        assertEquals(1, d.problems().size(), "the rest of the input is not read");
    }

    @Test
    void hundredThousandNestedInlineTablesHitTheDepthLimit() {
        String deep = "a = " + "{b = ".repeat(100_000) + "1" + "}".repeat(100_000) + "\n";
        TomlDocument d = TomlDocument.parse("deep.toml", deep);
        Problem p = d.problems().get(0);
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, p.kind());
        assertEquals(1, p.origin().line());
        assertFalse(d.problems().isEmpty());
    }

    @Test
    void mixedNestingAndDeepHeadersHitTheDepthLimit() {
        String mixed = "a = " + "[{x = ".repeat(50_000) + "1" + "}]".repeat(50_000) + "\n";
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, TomlDocument.parse("m", mixed).problems().get(0).kind());
        String header = "[" + "a.".repeat(100_000) + "b]\n";
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, TomlDocument.parse("h", header).problems().get(0).kind());
        String dotted = "a" + ".a".repeat(100_000) + " = 1\n";
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, TomlDocument.parse("k", dotted).problems().get(0).kind());
    }

    @Test
    void depthLimitIsConfigurable() {
        TomlOptions shallow = TomlOptions.DEFAULTS.withLimits(ParseLimits.DEFAULTS.withMaxDepth(3));
        assertEquals(List.of(), TomlDocument.parse("f", "a = [[[1]]]\n", shallow).problems());
        Problem p = TomlDocument.parse("f", "a = [[[[1]]]]\n", shallow).problems().get(0);
        assertEquals("f:1:8", p.origin().toString(), "the fourth `[`");
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, p.kind());
    }

    @Test
    void fileSizeLimit() {
        TomlOptions tiny = TomlOptions.DEFAULTS.withLimits(ParseLimits.DEFAULTS.withMaxFileBytes(8));
        TomlDocument d = TomlDocument.parse("big.toml", "a = 123456\n".getBytes(StandardCharsets.UTF_8), tiny);
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, d.problems().get(0).kind());
        assertEquals("big.toml:1:1", d.problems().get(0).origin().toString());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, TomlDocument.parse("big.toml", "a = 123456\n", tiny).problems().get(0).kind());
        assertTrue(TomlDocument.parse("ok.toml", "a = 1\n", tiny).problems().isEmpty());
    }
}
