package dev.criconf.io.yaml.internal;

import dev.criconf.io.yaml.YamlValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** Compares two values without recursion and says where they first differ. */
public final class ValueDiff {

    private ValueDiff() {}

    private record Pair(YamlValue a, YamlValue b, String path) {}

    /** Empty when equal; otherwise {@code $.path: expected X, found Y}. */
    public static Optional<String> firstDifference(YamlValue expected, YamlValue actual) {
        Deque<Pair> work = new ArrayDeque<>();
        work.push(new Pair(expected, actual, "$"));
        while (!work.isEmpty()) {
            Pair p = work.pop();
            if (p.a() == p.b()) {
                continue;
            }
            if (p.a() instanceof YamlValue.SequenceValue x && p.b() instanceof YamlValue.SequenceValue y) {
                if (x.items().size() != y.items().size()) {
                    return Optional.of(p.path() + ": expected " + x.items().size() + " items, found " + y.items().size());
                }
                for (int i = x.items().size() - 1; i >= 0; i--) {
                    work.push(new Pair(x.items().get(i), y.items().get(i), p.path() + "[" + i + "]"));
                }
            } else if (p.a() instanceof YamlValue.MappingValue x && p.b() instanceof YamlValue.MappingValue y) {
                if (!x.entries().keySet().equals(y.entries().keySet())) {
                    return Optional.of(p.path() + ": expected keys " + x.entries().keySet() + ", found " + y.entries().keySet());
                }
                Iterator<Map.Entry<YamlValue, YamlValue>> ix = x.entries().entrySet().iterator();
                Iterator<Map.Entry<YamlValue, YamlValue>> iy = y.entries().entrySet().iterator();
                while (ix.hasNext()) {
                    Map.Entry<YamlValue, YamlValue> ex = ix.next();
                    Map.Entry<YamlValue, YamlValue> ey = iy.next();
                    if (!ex.getKey().equals(ey.getKey())) {
                        return Optional.of(p.path() + ": keys in another order");
                    }
                    work.push(new Pair(ex.getValue(), ey.getValue(), p.path() + "." + ex.getKey()));
                }
            } else if (!p.a().isScalar() || !p.b().isScalar() || !p.a().equals(p.b())) {
                return Optional.of(p.path() + ": expected " + brief(p.a()) + ", found " + brief(p.b()));
            }
        }
        return Optional.empty();
    }

    private static String brief(YamlValue v) {
        if (v instanceof YamlValue.SequenceValue s) {
            return "a sequence of " + s.items().size();
        }
        if (v instanceof YamlValue.MappingValue m) {
            return "a mapping of " + m.entries().size();
        }
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
