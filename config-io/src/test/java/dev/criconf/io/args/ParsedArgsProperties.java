package dev.criconf.io.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParsedArgsProperties {

    /** A generated item: a flag written in some form, or a positional word. */
    record Item(String name, boolean bool, String value, FlagOccurrence.Form form, boolean positional) {
        List<String> words() {
            if (positional) {
                return List.of(value);
            }
            return switch (form) {
                case EQUALS -> List.of("--" + name + "=" + value);
                case SEPARATE -> List.of("--" + name, value);
                default -> List.of("--" + name);
            };
        }
    }

    @Provide
    Arbitrary<List<Item>> items() {
        Arbitrary<String> names = Arbitraries.of("node-ip", "v", "config", "node_labels", "fail-swap-on", "x", "register-node",
                "a-b-c", "cgroup-driver");
        Arbitrary<String> values = Arbitraries.strings().withChars("abc=,-_ /:\"'<>\\%$").ofMaxLength(12);
        Arbitrary<Item> flag = Combinators.combine(names, values, Arbitraries.integers().between(0, 2)).as((n, v, f) -> {
            boolean bool = n.equals("fail-swap-on") || n.equals("register-node");
            FlagOccurrence.Form form = f == 0 ? FlagOccurrence.Form.EQUALS
                    : bool ? FlagOccurrence.Form.IMPLICIT : FlagOccurrence.Form.SEPARATE;
            String value = bool ? (form == FlagOccurrence.Form.IMPLICIT ? "true" : (v.length() % 2 == 0 ? "true" : "false")) : v;
            return new Item(n, bool, value, form, false);
        });
        Arbitrary<Item> positional = Arbitraries.strings().withChars("abc=/:.-").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.startsWith("-") || s.equals("-"))
                .map(s -> new Item("", false, s, FlagOccurrence.Form.EQUALS, true));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, flag), net.jqwik.api.Tuple.of(1, positional)).list().ofMaxSize(12);
    }

    @Property(tries = 1000)
    void parsedFlagsMatchTheGeneratedList(@ForAll("items") List<Item> items) {
        List<String> words = new ArrayList<>();
        for (Item i : items) {
            words.addAll(i.words());
        }
        ParsedArgs p = ParsedArgs.parse(Argument.of(words), FlagSpec.kubelet());
        assertTrue(p.issues().isEmpty(), () -> p.issues().toString());
        List<Item> flags = items.stream().filter(i -> !i.positional()).toList();
        assertEquals(flags.size(), p.flags().size());
        Map<String, String> last = new LinkedHashMap<>();
        for (int k = 0; k < flags.size(); k++) {
            Item want = flags.get(k);
            FlagOccurrence got = p.flags().get(k);
            String canonical = want.name().replace('_', '-');
            assertEquals(canonical, got.name());
            assertEquals(want.value(), got.value().orElseThrow());
            assertEquals(want.form(), got.form());
            last.put(canonical, want.value());
        }
        assertEquals(last.keySet(), p.values().keySet());
        for (Map.Entry<String, String> e : last.entrySet()) {
            assertEquals(e.getValue(), p.values().get(e.getKey()));
        }
        assertEquals(items.stream().filter(Item::positional).map(Item::value).toList(),
                p.positionals().stream().map(x -> x.argument().text()).toList());
    }
}
