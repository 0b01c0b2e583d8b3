package dev.criconf.validate.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Origin;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The pre-checks of {@link Yaml11Readings} (decided from the characters, without computing both
 * readings) and the copy-free re-typing agree with the full computation they stand in for.
 */
class Yaml11ReadingsFastPathProperties {

    private static final Origin AT = new Origin("config.yaml", 1, 1, 0, 1);

    @Property(tries = 5000)
    void aScalarThePreCheckPassesIsNotAmbiguous(@ForAll("scalarTexts") String text) {
        if (Yaml11Readings.readsTheSame(text)) {
            assertTrue(Yaml11Readings.slowAmbiguity(text).isEmpty(), () -> "pre-check passed '" + text + "' but "
                    + Yaml11Readings.slowAmbiguity(text));
        }
    }

    @Property(tries = 2000)
    void ambiguityIsTheFullComputation(@ForAll("scalarTexts") String text) {
        ConfigScalar s = new ConfigString(text, text, AT);
        String stripped = text.strip();
        assertEquals(Yaml11Readings.isPlain(s) ? Yaml11Readings.slowAmbiguity(stripped) : java.util.Optional.empty(),
                Yaml11Readings.ambiguity(s));
    }

    @Provide
    Arbitrary<String> scalarTexts() {
        // characters of numbers in either reading, characters that rule them out, and the ones Java's
        // number parsers treat specially (non-ASCII digits, control characters, spaces)
        Arbitrary<String> shaped = Arbitraries.strings()
                .withChars("0123456789+-._xXoObBeEfFdDaA~sMi%/: nNyY\u0001\u0663\uFF21\u00e9")
                .ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> words = Arbitraries.of("y", "Y", "yes", "on", "ON", "n", "no", "off", "Off", "true", "True",
                "FALSE", "null", "Null", "~", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "10s", "100Mi", "5%", "0755",
                "0o17", "0x1F", "+0x1F", "0b101", "1_000", ".5", ".5f", "1e3", "1.5", "-0", "+0", "007",
                "999999999999999999", "9999999999999999999", "18446744073709551615", "18446744073709551616",
                "-9223372036854775808", "0.0.0.0", "systemd", "/var/lib/kubelet", "1.2.3", "-", "+", ".");
        return Arbitraries.oneOf(shaped, words);
    }

    @Test
    void preCheckExamples() {
        for (String same : List.of("10s", "100Mi", "5%", "/var/lib/kubelet", "systemd", "true", "False", "null", "~",
                "10", "-1", "+7", "0", "999999999999999999", "0.0.0.0/0", "10.96.0.10", "1.2.3", "..5",
                "1.5.\u0663", "systemdx")) {
            assertTrue(Yaml11Readings.readsTheSame(same), same);
        }
        for (String undecided : List.of("yes", "no", "Y", "0755", "1_000", ".inf", "-.Inf", ".nan", ".5f", "1e3",
                "9999999999999999999", "007", "\u0663", "1 0", "", "1.5")) {
            assertFalse(Yaml11Readings.readsTheSame(undecided), undecided);
        }
    }

    @Property(tries = 1000)
    void retypingKeepsUnchangedPartsAndEqualsAFullCopy(@ForAll("trees") ConfigValue tree) {
        ConfigValue fast = Yaml11Readings.asKubeletReadsIt(tree);
        assertEquals(fullCopy(tree), fast);
        if (fast.equals(tree)) {
            assertSame(tree, fast, "an unchanged tree is not copied");
        }
    }

    @Test
    void retypingCopiesOnlyWhatChanges() {
        ConfigTable unchanged = ConfigTable.builder(AT).put("a", AT, new ConfigBoolean(true, "true", AT))
                .put("b", AT, new ConfigInteger(BigInteger.TEN, "10", AT)).build();
        ConfigTable root = ConfigTable.builder(AT).put("same", AT, unchanged)
                .put("failSwapOn", AT, new ConfigString("no", "no", AT)).build();
        ConfigTable retyped = (ConfigTable) Yaml11Readings.asKubeletReadsIt(root);
        assertSame(unchanged, retyped.entries().get(0).value());
        assertEquals(new ConfigBoolean(false, "no", AT), retyped.entries().get(1).value());
        ConfigInteger ten = new ConfigInteger(BigInteger.TEN, "+10", AT);
        assertSame(ten, Yaml11Readings.asKubeletReadsIt(ten));
        assertEquals(ten, Yaml11Readings.asKubeletReadsIt(new ConfigInteger(BigInteger.TWO, "+10", AT)));
        assertEquals(new ConfigInteger(BigInteger.valueOf(493), "0755", AT),
                Yaml11Readings.asKubeletReadsIt(new ConfigInteger(BigInteger.valueOf(755), "0755", AT)));
        ConfigString path = new ConfigString("/run/x", "/run/x", AT);
        assertSame(path, Yaml11Readings.asKubeletReadsIt(path));
        for (String text : List.of("10s", "512Mi", "10.96.0.10", "\u0663s")) {
            ConfigString string = new ConfigString(text, text, AT);
            assertSame(string, Yaml11Readings.asKubeletReadsIt(string), text);
        }
        assertEquals(new ConfigFloat(Double.POSITIVE_INFINITY, ".inf", AT),
                Yaml11Readings.asKubeletReadsIt(new ConfigString(".inf", ".inf", AT)));
        assertEquals(new ConfigNull("~", AT), Yaml11Readings.asKubeletReadsIt(new ConfigString("~", "~", AT)));
    }

    @Provide
    Arbitrary<ConfigValue> trees() {
        Arbitrary<ConfigValue> scalar = scalarTexts().flatMap(t -> Arbitraries.of(
                new ConfigString(t, t, AT),
                new ConfigString(t, "\"" + t + "\"", AT),
                new ConfigBoolean(true, t, AT),
                new ConfigInteger(BigInteger.valueOf(t.length()), t, AT),
                new ConfigInteger(t.matches("[-+]?[0-9]{1,30}") ? new BigInteger(t) : BigInteger.ONE, t, AT),
                new ConfigFloat(t.length(), t, AT),
                new ConfigNull(t, AT)));
        return Arbitraries.recursive(() -> scalar, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> (ConfigValue) new ConfigArray(AT, items)),
                inner.list().ofMaxSize(4).map(values -> {
                    ConfigTable.Builder b = ConfigTable.builder(AT);
                    for (int i = 0; i < values.size(); i++) {
                        b.put("k" + (i % 3), AT, values.get(i));
                    }
                    return (ConfigValue) b.build();
                })), 0, 3);
    }

    /** The re-typing as it was before it kept unchanged parts: every table and array rebuilt. */
    private static ConfigValue fullCopy(ConfigValue v) {
        if (v instanceof ConfigTable t) {
            ConfigTable.Builder b = ConfigTable.builder(t.origin());
            for (ConfigEntry e : t.entries()) {
                b.put(e.key(), e.keyOrigin(), fullCopy(e.value()));
            }
            return b.build();
        }
        if (v instanceof ConfigArray a) {
            List<ConfigValue> items = new ArrayList<>();
            for (ConfigValue item : a.items()) {
                items.add(fullCopy(item));
            }
            return new ConfigArray(a.origin(), items);
        }
        ConfigScalar s = (ConfigScalar) v;
        if (!Yaml11Readings.isPlain(s) || s.raw().isEmpty()) {
            return s;
        }
        Yaml11Readings.Reading r = Yaml11Readings.yaml11(s.raw().strip());
        if (r instanceof Yaml11Readings.Bool b) {
            return new ConfigBoolean(b.value(), s.raw(), s.origin());
        }
        if (r instanceof Yaml11Readings.Null) {
            return new ConfigNull(s.raw(), s.origin());
        }
        if (r instanceof Yaml11Readings.Num n) {
            return n.integer().<ConfigValue>map(i -> new ConfigInteger(i, s.raw(), s.origin()))
                    .orElseGet(() -> new ConfigFloat(n.value(), s.raw(), s.origin()));
        }
        return s;
    }
}
