package dev.criconf.io.toml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.criconf.model.Problem;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * toml-test (toml-lang/toml-test, see shared/conformance/SOURCES.md), every case of both version
 * lists, run with the matching {@link TomlVersion}: valid cases parse cleanly, print back byte for
 * byte and decode to the expected tagged JSON; invalid cases give a located problem.
 */
class TomlConformanceTest {

    @TestFactory
    Stream<DynamicNode> toml100() throws IOException {
        return cases("files-toml-1.0.0", TomlVersion.V1_0_0);
    }

    @TestFactory
    Stream<DynamicNode> toml110() throws IOException {
        return cases("files-toml-1.1.0", TomlVersion.V1_1_0);
    }

    private static Stream<DynamicNode> cases(String listName, TomlVersion version) throws IOException {
        Path tests = SharedData.conformance().resolve("toml-test/tests");
        List<String> lines = Files.readAllLines(tests.resolve(listName), StandardCharsets.UTF_8);
        List<DynamicNode> out = new ArrayList<>();
        int valid = 0;
        int invalid = 0;
        for (String line : lines) {
            String rel = line.trim();
            if (!rel.endsWith(".toml")) {
                continue; // .json expectations go with their .toml; .multi files are generator sources
            }
            Path file = tests.resolve(rel);
            if (rel.startsWith("valid/")) {
                valid++;
                out.add(validCase(rel, file, version));
            } else if (rel.startsWith("invalid/")) {
                invalid++;
                out.add(invalidCase(rel, file, version));
            } else {
                fail("unexpected entry " + rel + " in " + listName);
            }
        }
        // the counts SOURCES.md gives for each list, so that no case can silently go missing
        if (version == TomlVersion.V1_0_0) {
            assertEquals(210, valid);
            assertEquals(499, invalid);
        } else {
            assertEquals(220, valid);
            assertEquals(492, invalid);
        }
        return out.stream();
    }

    private static DynamicTest validCase(String rel, Path file, TomlVersion version) {
        return dynamicTest(rel, () -> {
            byte[] bytes = Files.readAllBytes(file);
            TomlDocument doc = TomlDocument.parse(rel, bytes, TomlOptions.DEFAULTS.withVersion(version));
            assertEquals(List.of(), doc.problems(), "a valid document must parse without problems");
            assertArrayEquals(bytes, doc.toBytes(), "printing the unedited document must give the input back");
            Path json = file.resolveSibling(file.getFileName().toString().replaceAll("\\.toml$", ".json"));
            Object expected = MiniJson.parse(Files.readString(json, StandardCharsets.UTF_8));
            assertTagged(expected, doc.toJava(), "");
        });
    }

    private static DynamicTest invalidCase(String rel, Path file, TomlVersion version) {
        return dynamicTest(rel, () -> {
            byte[] bytes = Files.readAllBytes(file);
            TomlDocument doc = TomlDocument.parse(rel, bytes, TomlOptions.DEFAULTS.withVersion(version));
            assertTrue(doc.hasErrors(), "an invalid document must be rejected");
            Problem first = doc.problems().get(0);
            assertEquals(rel, first.origin().file());
            assertTrue(first.origin().offset() <= doc.text().length(), "the problem must point into the file");
            assertFalse(first.message().isBlank());
        });
    }

    @SuppressWarnings("unchecked")
    static void assertTagged(Object expected, Object actual, String at) {
        if (expected instanceof Map && ((Map<String, Object>) expected).get("type") instanceof String
                && ((Map<String, Object>) expected).size() == 2) {
            Map<String, Object> tagged = (Map<String, Object>) expected;
            assertScalar((String) tagged.get("type"), (String) tagged.get("value"), actual, at);
        } else if (expected instanceof Map) {
            if (!(actual instanceof Map)) {
                fail(at + ": expected a table, found " + actual);
            }
            Map<String, Object> e = (Map<String, Object>) expected;
            Map<String, Object> a = (Map<String, Object>) actual;
            assertEquals(e.keySet(), a.keySet(), at + ": keys");
            for (String k : e.keySet()) {
                assertTagged(e.get(k), a.get(k), at + "." + k);
            }
        } else if (expected instanceof List) {
            if (!(actual instanceof List)) {
                fail(at + ": expected an array, found " + actual);
            }
            List<Object> e = (List<Object>) expected;
            List<Object> a = (List<Object>) actual;
            assertEquals(e.size(), a.size(), at + ": array size");
            for (int i = 0; i < e.size(); i++) {
                assertTagged(e.get(i), a.get(i), at + "[" + i + "]");
            }
        } else {
            fail(at + ": unexpected expectation " + expected);
        }
    }

    private static void assertScalar(String type, String value, Object actual, String at) {
        switch (type) {
            case "string":
                assertEquals(value, actual, at);
                break;
            case "integer":
                assertEquals(Long.parseLong(value), actual, at);
                break;
            case "float": {
                if (!(actual instanceof Double)) {
                    fail(at + ": expected a float, found " + actual);
                }
                double d = (Double) actual;
                switch (value) {
                    case "nan": case "+nan": case "-nan":
                        assertTrue(Double.isNaN(d), at);
                        break;
                    case "inf": case "+inf":
                        assertEquals(Double.POSITIVE_INFINITY, d, at);
                        break;
                    case "-inf":
                        assertEquals(Double.NEGATIVE_INFINITY, d, at);
                        break;
                    default:
                        assertTrue(Double.parseDouble(value) == d, at + ": expected " + value + ", found " + d);
                }
                break;
            }
            case "bool":
                assertEquals(Boolean.parseBoolean(value), actual, at);
                break;
            case "datetime": {
                OffsetDateTime e = OffsetDateTime.parse(value.replace(' ', 'T').replace('z', 'Z'));
                OffsetDateTime a = (OffsetDateTime) actual;
                assertEquals(e.getOffset(), a.getOffset(), at);
                assertEquals(e.truncatedTo(ChronoUnit.MILLIS), a.truncatedTo(ChronoUnit.MILLIS), at);
                break;
            }
            case "datetime-local": {
                LocalDateTime e = LocalDateTime.parse(value.replace(' ', 'T'));
                assertEquals(e.truncatedTo(ChronoUnit.MILLIS), ((LocalDateTime) actual).truncatedTo(ChronoUnit.MILLIS), at);
                break;
            }
            case "date-local":
                assertEquals(LocalDate.parse(value), actual, at);
                break;
            case "time-local": {
                LocalTime e = LocalTime.parse(value);
                assertEquals(e.truncatedTo(ChronoUnit.MILLIS), ((LocalTime) actual).truncatedTo(ChronoUnit.MILLIS), at);
                break;
            }
            default:
                fail(at + ": unknown type " + type);
        }
    }
}
