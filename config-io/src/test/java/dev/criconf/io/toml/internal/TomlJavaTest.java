package dev.criconf.io.toml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.criconf.io.internal.SourceText;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tree-to-Java value and the in-place comparison edits verify with: the value equals the typed
 * view's {@code toJava()} everywhere, and the comparison says "equal" exactly when the values are.
 */
class TomlJavaTest {

    private static TomlParser.Result parse(String text) {
        TomlParser.Result r = TomlParser.parse(SourceText.of("t.toml", text), true, 100);
        assertEquals(List.of(), r.problems);
        return r;
    }

    private static Map<String, Object> viewValue(String text, TomlParser.Result r) {
        return TomlViewBuilder.root(SourceText.of("t.toml", text), r).toJava();
    }

    @TestFactory
    Stream<DynamicTest> sameValueAsTheViewOnEveryValidConformanceCaseAndCorpusFile() {
        List<Path> files = new ArrayList<>(SharedData.files(SharedData.conformance().resolve("toml-test/tests/valid"), ".toml"));
        files.addAll(SharedData.files(SharedData.corpus(), ".toml"));
        assertTrue(files.size() > 200, "expected the toml-test valid cases and the corpus, found " + files.size());
        return files.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            TomlParser.Result r = TomlParser.parse(SourceText.of("t.toml", text), true, 100);
            if (!r.problems.isEmpty()) {
                r = TomlParser.parse(SourceText.of("t.toml", text), false, 100); // a TOML 1.0-only case
            }
            assertEquals(List.of(), r.problems);
            Map<String, Object> view = viewValue(text, r);
            Map<String, Object> direct = TomlJava.of(r);
            assertEquals(view, direct);
            assertEquals(new ArrayList<>(view.keySet()), new ArrayList<>(direct.keySet()), "key order");
            assertTrue(TomlJava.matches(view, r));
            assertThrows(UnsupportedOperationException.class, () -> direct.put("x", 1L));
        }));
    }

    private static final String DOC = String.join("\n",
            "a = 1",
            "b = \"plain\"",
            "c = \"esc\\tape\"",
            "d = 'lit'",
            "e = nan",
            "f = -0.0",
            "g = true",
            "h = 1979-05-27T07:32:00Z",
            "i = [1, [\"x\", {y = 2}]]",
            "[t]",
            "u.v = 3",
            "[[arr]]",
            "k = 1",
            "[[arr]]",
            "k = 2",
            "");

    @Test
    void matchesItsOwnValueAndAReorderedCopy() {
        TomlParser.Result r = parse(DOC);
        Map<String, Object> value = TomlJava.of(r);
        assertTrue(TomlJava.matches(value, r));
        List<String> keys = new ArrayList<>(value.keySet());
        java.util.Collections.reverse(keys);
        Map<String, Object> reversed = new LinkedHashMap<>();
        for (String k : keys) {
            reversed.put(k, value.get(k));
        }
        assertTrue(TomlJava.matches(reversed, r));
    }

    @Test
    void anyChangedLeafAddedOrMissingKeyIsADifference() {
        TomlParser.Result r = parse(DOC);
        Map<String, Object> value = TomlJava.of(r);
        Object[][] changes = {
            {"a", 2L}, {"a", 1.0}, {"a", "1"}, {"b", "plaim"}, {"b", "plai"}, {"b", 1L}, {"c", "esc\\tape"},
            {"d", "lit "}, {"e", 1.0}, {"f", 0.0}, {"g", false}, {"g", "true"},
            {"h", java.time.OffsetDateTime.parse("1979-05-27T07:32:01Z")},
        };
        for (Object[] change : changes) {
            Map<String, Object> changed = JavaValues.copyAlong(value, TomlPath.root());
            JavaValues.set(changed, TomlPath.of((String) change[0]), change[1]);
            assertFalse(TomlJava.matches(changed, r), "changed " + change[0] + " to " + change[1]);
            assertTrue(JavaValues.firstDifference(changed, value).isPresent());
        }
        for (String path : List.of("i[1][0]", "i[1][1].y", "t.u.v", "arr[1].k")) {
            TomlPath p = TomlPath.parse(path);
            Map<String, Object> changed = JavaValues.copyAlong(value, p.parent());
            JavaValues.set(changed, p, 99L);
            assertFalse(TomlJava.matches(changed, r), "changed " + path);
            Map<String, Object> removed = JavaValues.copyAlong(value, p.parent());
            JavaValues.remove(removed, p);
            assertFalse(TomlJava.matches(removed, r), "removed " + path);
            if (JavaValues.get(value, p.parent()) instanceof Map) {
                Map<String, Object> added = JavaValues.copyAlong(value, p.parent());
                JavaValues.set(added, p.parent().key("extra"), 1L);
                assertFalse(TomlJava.matches(added, r), "added a key beside " + path);
            }
        }
        Map<String, Object> appended = JavaValues.copyAlong(value, TomlPath.parse("arr"));
        JavaValues.append(appended, TomlPath.parse("arr"), Map.of("k", 3L));
        assertFalse(TomlJava.matches(appended, r));
        assertTrue(TomlJava.matches(value, r), "the original value was left as it was");
        assertEquals(viewValue(DOC, r), value);
    }

    @Test
    void copyAlongCopiesOnlyThePathAndLeavesTheOriginalAlone() {
        TomlParser.Result r = parse(DOC);
        Map<String, Object> value = TomlJava.of(r);
        TomlPath p = TomlPath.parse("i[1][1].y");
        Map<String, Object> copy = JavaValues.copyAlong(value, p.parent());
        JavaValues.set(copy, p, 5L);
        assertEquals(2L, JavaValues.get(value, p));
        assertEquals(5L, JavaValues.get(copy, p));
        assertTrue(value.get("arr") == copy.get("arr"), "beside the path the value is shared, not copied");
        assertEquals(viewValue(DOC, r), value);
    }
}
