package dev.criconf.validate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JSON back with jackson-core's streaming parser into maps, lists, strings, longs and booleans. */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            Object value = read(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    p.nextToken();
                    if (map.put(name, read(p)) != null) {
                        throw new IllegalArgumentException("duplicate key " + name);
                    }
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalArgumentException("unexpected token " + t);
        }
    }

    /** Walks a path of map keys (String) and list indexes (Integer). */
    @SuppressWarnings("unchecked")
    static <T> T at(Object root, Object... path) {
        Object cur = root;
        for (Object step : path) {
            if (step instanceof Integer) {
                cur = ((List<Object>) cur).get((Integer) step);
            } else {
                Map<String, Object> map = (Map<String, Object>) cur;
                if (!map.containsKey(step)) {
                    throw new AssertionError("no key " + step + " in " + map.keySet());
                }
                cur = map.get(step);
            }
        }
        return (T) cur;
    }
}
