package dev.criconf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void ordersFromLeastToMostSevere() {
        List<Severity> shuffled = new ArrayList<>(List.of(Severity.ERROR, Severity.INFO, Severity.WARNING));
        Collections.sort(shuffled);
        assertEquals(List.of(Severity.INFO, Severity.WARNING, Severity.ERROR), shuffled);
        assertTrue(Severity.ERROR.isAtLeast(Severity.WARNING));
        assertTrue(Severity.WARNING.isAtLeast(Severity.WARNING));
        assertFalse(Severity.INFO.isAtLeast(Severity.WARNING));
        assertEquals(Severity.INFO, Severity.min(Severity.ERROR, Severity.INFO));
        assertEquals(Severity.ERROR, Severity.max(Severity.WARNING, Severity.ERROR));
    }

    @Test
    void parsesCliWordsAndMapsToSarifLevels() {
        assertEquals(Severity.ERROR, Severity.parse("error"));
        assertEquals(Severity.WARNING, Severity.parse(" Warning "));
        assertEquals(Severity.INFO, Severity.parse("INFO"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Severity.parse("fatal"));
        assertTrue(e.getMessage().contains("expected error, warning or info"), e.getMessage());
        assertEquals("note", Severity.INFO.sarifLevel());
        assertEquals("warning", Severity.WARNING.sarifLevel());
        assertEquals("error", Severity.ERROR.sarifLevel());
        assertEquals("info", Severity.INFO.toString());
    }

    @Test
    void ruleSettingsAndOverridesParse() {
        assertEquals(RuleSetting.OFF, RuleSetting.parse("off"));
        assertEquals(Optional.empty(), RuleSetting.OFF.severity());
        assertEquals(Optional.of(Severity.WARNING), RuleSetting.parse("warning").severity());
        for (Severity s : Severity.values()) {
            assertEquals(Optional.of(s), RuleSetting.of(s).severity());
        }
        assertThrows(IllegalArgumentException.class, () -> RuleSetting.parse("disabled"));

        RuleOverride o = RuleOverride.parse("cgroup-driver-mismatch=off");
        assertEquals("cgroup-driver-mismatch", o.ruleId());
        assertEquals(RuleSetting.OFF, o.setting());
        assertEquals("deprecated-registry=info", RuleOverride.parse(" deprecated-registry = info").toString());
        assertThrows(IllegalArgumentException.class, () -> RuleOverride.parse("no-equals-sign"));
        assertThrows(IllegalArgumentException.class, () -> RuleOverride.parse("Bad_Id=off"));
        assertThrows(IllegalArgumentException.class, () -> RuleOverride.parse("syntax-error=loud"));
    }

    @Test
    void failOnThresholds() {
        assertEquals(FailOn.ERROR, FailOn.parse("error"));
        assertEquals(FailOn.NEVER, FailOn.parse("Never"));
        assertThrows(IllegalArgumentException.class, () -> FailOn.parse("always"));
        assertTrue(FailOn.ERROR.fails(Severity.ERROR));
        assertFalse(FailOn.ERROR.fails(Severity.WARNING));
        assertTrue(FailOn.WARNING.fails(Severity.ERROR));
        assertTrue(FailOn.INFO.fails(Severity.INFO));
        for (Severity s : Severity.values()) {
            assertFalse(FailOn.NEVER.fails(s));
        }
        assertEquals(Optional.empty(), FailOn.NEVER.threshold());
    }
}
