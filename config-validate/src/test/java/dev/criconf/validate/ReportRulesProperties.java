package dev.criconf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A report's rule table is its rules by id, one each, whether or not they came in id order. */
class ReportRulesProperties {

    @Property(tries = 1000)
    void rulesAreOrderedByIdOnceEach(@ForAll("descriptors") List<RuleDescriptor> rules) {
        Map<String, RuleDescriptor> byId = new TreeMap<>();
        rules.forEach(d -> byId.putIfAbsent(d.id(), d));
        Report report = new Report("r", List.of(), List.of(), rules, Secrets.none());
        assertEquals(new ArrayList<>(byId.values()), report.rules());
    }

    @Provide
    Arbitrary<List<RuleDescriptor>> descriptors() {
        Arbitrary<RuleDescriptor> one = Arbitraries.of("a", "b", "b-c", "c", "internal-error", "z")
                .map(id -> TestRules.descriptor(id, Severity.WARNING));
        Arbitrary<List<RuleDescriptor>> any = one.list().ofMaxSize(6);
        // in id order too, the validator's case
        Arbitrary<List<RuleDescriptor>> sorted = any.map(l -> {
            Map<String, RuleDescriptor> m = new TreeMap<>();
            l.forEach(d -> m.putIfAbsent(d.id(), d));
            return new ArrayList<>(m.values());
        });
        return Arbitraries.oneOf(any, sorted);
    }

    @Test
    void twoDifferentDescriptorsForOneIdAreRefused() {
        List<RuleDescriptor> rules = List.of(TestRules.descriptor("a", Severity.WARNING), TestRules.descriptor("a", Severity.ERROR));
        assertThrows(IllegalArgumentException.class, () -> new Report("r", List.of(), List.of(), rules, Secrets.none()));
    }
}
