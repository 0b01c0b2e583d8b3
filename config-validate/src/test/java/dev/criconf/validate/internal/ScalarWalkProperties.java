package dev.criconf.validate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.criconf.model.Origin;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.KeyPath;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link ScalarWalk} visits what {@link ConfigValues#walk} yields, in its order, with its paths. */
class ScalarWalkProperties {

    private static final Origin AT = new Origin("f", 1, 1, 0, 1);

    @Property(tries = 1000)
    void scalarsAndPathsAreThoseOfTheFullWalk(@ForAll("trees") ConfigValue tree) {
        List<ConfigScalar> expectedScalars = new ArrayList<>();
        List<KeyPath> expectedPaths = new ArrayList<>();
        List<Boolean> expectedBelow = new ArrayList<>();
        for (ConfigValues.Node n : ConfigValues.walk(tree)) {
            if (n.value() instanceof ConfigScalar s) {
                expectedScalars.add(s);
                expectedPaths.add(n.path());
                expectedBelow.add(n.path().segments().contains(new KeyPath.Key("registry")));
            }
        }
        List<ConfigScalar> scalars = new ArrayList<>();
        List<KeyPath> paths = new ArrayList<>();
        List<Boolean> below = new ArrayList<>();
        ScalarWalk.scalars(tree, (s, at) -> {
            scalars.add(s);
            paths.add(ScalarWalk.Step.path(at));
            below.add(ScalarWalk.Step.below(at, "registry"));
        });
        assertEquals(expectedScalars.size(), scalars.size());
        for (int i = 0; i < scalars.size(); i++) {
            assertSame(expectedScalars.get(i), scalars.get(i));
        }
        assertEquals(expectedPaths, paths);
        assertEquals(expectedBelow, below);
    }

    @Provide
    Arbitrary<ConfigValue> trees() {
        Arbitrary<ConfigValue> scalar = Arbitraries.strings().alpha().ofMaxLength(3).map(t -> new ConfigString(t, t, AT));
        Arbitrary<String> keys = Arbitraries.of("registry", "auths", "a", "b.c", "", "x y");
        return Arbitraries.recursive(() -> scalar, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(items -> (ConfigValue) new ConfigArray(AT, items)),
                Arbitraries.entries(keys, inner).list().ofMaxSize(4).map(entries -> {
                    ConfigTable.Builder b = ConfigTable.builder(AT);
                    entries.forEach(e -> b.put(e.getKey(), AT, e.getValue()));
                    return (ConfigValue) b.build();
                })), 0, 4);
    }
}
