package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.criconf.io.ParseLimits;
import dev.criconf.model.Problem;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The yaml-test-suite (data-2022-01-17) as dynamic tests: every input round-trips byte for byte;
 * valid inputs decode (YAML 1.2 core) to {@code in.json}; error inputs give a located problem.
 * Valid inputs that snakeyaml-engine itself rejects are listed, each still with a located problem.
 */
class YamlTestSuiteTest {

    /** Valid cases snakeyaml-engine 3.2 rejects; the report lists them and the count is pinned here. */
    private static final int EXPECTED_VALID_REJECTED_BY_SNAKEYAML = 37;

    /**
     * Valid cases snakeyaml-engine 3.2 accepts but reads wrongly (its event stream differs from
     * {@code test.event}): JEF9/02 loses the {@code \n} of a keep-chomped block scalar at the end
     * of the stream. The round trip still holds; only the decoded value differs from in.json.
     */
    private static final Set<String> KNOWN_ENGINE_VALUE_DEVIATIONS = Set.of("JEF9/02");

    private final Set<String> validRejected = new TreeSet<>();
    private final Set<String> valueDeviations = new TreeSet<>();
    private final Set<String> errorsCaughtByOwnChecks = new TreeSet<>();
    private int valid;
    private int errors;
    private int jsonCompared;

    @TestFactory
    Stream<DynamicTest> yamlTestSuite(TestReporter reporter) throws IOException {
        Path data = SharedData.conformance().resolve("yaml-test-suite/data");
        List<Path> cases;
        try (Stream<Path> s = Files.walk(data)) {
            cases = s.filter(p -> Files.isRegularFile(p.resolve("==="))).sorted().collect(Collectors.toList());
        }
        assertEquals(402, cases.size(), "cases in the suite");
        Stream<DynamicTest> tests = cases.stream().map(dir -> {
            String id = data.relativize(dir).toString().replace('\\', '/');
            String title;
            try {
                title = Files.readString(dir.resolve("===")).trim();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return DynamicTest.dynamicTest(id + " " + title, () -> runCase(id, dir));
        });
        DynamicTest summary = DynamicTest.dynamicTest("summary", () -> {
            String list = String.join(" ", validRejected);
            String line = "yaml-test-suite: " + valid + " valid, " + errors + " error cases; " + jsonCompared
                    + " compared with in.json; " + validRejected.size()
                    + " valid cases rejected by snakeyaml-engine (reported as located problems): " + list
                    + "; error cases snakeyaml-engine accepts but our layout checks reject: "
                    + String.join(" ", errorsCaughtByOwnChecks)
                    + "; valid cases snakeyaml-engine reads differently from in.json: " + String.join(" ", valueDeviations);
            System.out.println(line);
            reporter.publishEntry("yaml-test-suite", line);
            assertEquals(402, valid + errors);
            assertEquals(EXPECTED_VALID_REJECTED_BY_SNAKEYAML, validRejected.size(), list);
            assertEquals(KNOWN_ENGINE_VALUE_DEVIATIONS, valueDeviations);
            assertEquals(94, errors, "every error case gave a problem");
        });
        return Stream.concat(tests, Stream.of(summary));
    }

    private void runCase(String id, Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("in.yaml"));
        boolean error = Files.exists(dir.resolve("error"));
        YamlStream s = YamlStream.parse(id + "/in.yaml", bytes, ParseLimits.DEFAULTS);
        assertArrayEquals(bytes, s.toBytes(), "unedited print is byte-identical");
        boolean engineAccepts = engineAccepts(new String(bytes, StandardCharsets.UTF_8));
        for (Problem p : s.problems()) {
            assertTrue(p.origin().line() >= 1 && p.origin().column() >= 1 && p.origin().offset() <= s.text().length(),
                    "problem is located: " + p);
            assertFalse(p.message().isBlank());
        }
        if (error) {
            errors++;
            assertTrue(s.hasSyntaxErrors(), "an error case gives a problem");
            if (engineAccepts) {
                errorsCaughtByOwnChecks.add(id);
            }
            return;
        }
        valid++;
        if (!engineAccepts) {
            validRejected.add(id);
            assertTrue(s.hasSyntaxErrors(), "a case the engine rejects gives a located problem");
            return;
        }
        assertFalse(s.hasSyntaxErrors(), () -> "valid case reports " + s.problems());
        SpanChecks.check(s);
        Path json = dir.resolve("in.json");
        if (Files.exists(json)) {
            jsonCompared++;
            List<YamlValue> expected = readJson(json);
            List<YamlValue> actual = s.values(YamlSchema.YAML_1_2_CORE);
            assertEquals(expected.size(), actual.size(), "documents");
            for (int i = 0; i < expected.size(); i++) {
                int doc = i;
                if (!jsonEquals(expected.get(i), actual.get(i)) && KNOWN_ENGINE_VALUE_DEVIATIONS.contains(id)) {
                    valueDeviations.add(id);
                    continue;
                }
                assertTrue(jsonEquals(expected.get(i), actual.get(i)),
                        () -> "document " + doc + ": expected " + expected.get(doc) + " but decoded " + actual.get(doc));
            }
        }
    }

    private static boolean engineAccepts(String text) {
        try {
            // lowlevel.Parse#parseString without its package, which the engine's module does not export
            LoadSettings settings = LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).build();
            Iterator<Event> events = new ParserImpl(settings, new StreamReader(settings, new StringReader(text)));
            while (events.hasNext()) {
                events.next();
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static List<YamlValue> readJson(Path file) throws IOException {
        List<YamlValue> out = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                out.add(readJson(p, t));
            }
        }
        return out;
    }

    private static YamlValue readJson(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<YamlValue, YamlValue> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(YamlValue.of(name), readJson(p, p.nextToken()));
                }
                return new YamlValue.MappingValue(m);
            }
            case START_ARRAY: {
                List<YamlValue> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readJson(p, n));
                }
                return YamlValue.sequence(items);
            }
            case VALUE_STRING:
                return YamlValue.of(p.getText());
            case VALUE_NUMBER_INT:
                return YamlValue.of(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return YamlValue.of(p.getDoubleValue());
            case VALUE_TRUE:
                return YamlValue.of(true);
            case VALUE_FALSE:
                return YamlValue.of(false);
            case VALUE_NULL:
                return YamlValue.NULL;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /** JSON equality: numbers by value, mapping keys by their JSON string form. */
    static boolean jsonEquals(YamlValue json, YamlValue yaml) {
        if (json instanceof YamlValue.MappingValue a) {
            if (!(yaml instanceof YamlValue.MappingValue b) || a.entries().size() != b.entries().size()) {
                return false;
            }
            // JSON objects are unordered: match keys by their string form.
            Map<String, YamlValue> byKey = new LinkedHashMap<>();
            b.entries().forEach((k, v) -> byKey.put(keyString(k), v));
            for (Map.Entry<YamlValue, YamlValue> ea : a.entries().entrySet()) {
                YamlValue vb = byKey.get(((YamlValue.StringValue) ea.getKey()).value());
                if (vb == null || !jsonEquals(ea.getValue(), vb)) {
                    return false;
                }
            }
            return byKey.size() == a.entries().size();
        }
        if (json instanceof YamlValue.SequenceValue a) {
            if (!(yaml instanceof YamlValue.SequenceValue b) || a.items().size() != b.items().size()) {
                return false;
            }
            for (int i = 0; i < a.items().size(); i++) {
                if (!jsonEquals(a.items().get(i), b.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        BigDecimal x = number(json);
        BigDecimal y = number(yaml);
        if (x != null && y != null) {
            return x.compareTo(y) == 0;
        }
        return json.equals(yaml);
    }

    private static BigDecimal number(YamlValue v) {
        if (v instanceof YamlValue.IntValue i) {
            return new BigDecimal(i.value());
        }
        if (v instanceof YamlValue.FloatValue f && Double.isFinite(f.value())) {
            return BigDecimal.valueOf(f.value());
        }
        return null;
    }

    private static String keyString(YamlValue k) {
        if (k instanceof YamlValue.StringValue s) {
            return s.value();
        }
        if (k instanceof YamlValue.NullValue) {
            return "";
        }
        return k.toString();
    }
}
