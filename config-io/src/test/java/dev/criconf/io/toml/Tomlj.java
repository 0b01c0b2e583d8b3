package dev.criconf.io.toml;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** tomlj 2.2.0 as the independent oracle: its reading of a text as plain Java values. */
final class Tomlj {

    private Tomlj() {}

    /** tomlj's value of a document; fails the test if tomlj rejects it. tomlj rejects a BOM, so it is dropped. */
    static Map<String, Object> read(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        TomlParseResult result = Toml.parse(withoutBom);
        if (!result.errors().isEmpty()) {
            fail("tomlj rejected it: " + result.errors() + "\n" + text.replace("\r", "\\r"));
        }
        return table(result);
    }

    private static Map<String, Object> table(TomlTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : t.keySet()) {
            m.put(key, value(t.get(List.of(key))));
        }
        return m;
    }

    private static Object value(Object v) {
        if (v instanceof TomlTable) {
            return table((TomlTable) v);
        }
        if (v instanceof TomlArray) {
            TomlArray a = (TomlArray) v;
            List<Object> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(value(a.get(i)));
            }
            return out;
        }
        return v;
    }
}
