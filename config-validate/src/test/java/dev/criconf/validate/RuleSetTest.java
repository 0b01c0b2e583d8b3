package dev.criconf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    /** The ids of ../shared/design/RULES.md (v1); ids are stable and never reused. */
    static final List<String> CATALOG = List.of(
            "cgroup-driver-mismatch", "runtime-endpoint-mismatch", "runtime-endpoint-scheme", "runtime-ambiguous",
            "sandbox-image-mismatch", "sandbox-image-version", "deprecated-registry", "dockershim-removed",
            "cri-dockerd-unlinks-docker-socket", "docker-registry-not-migrated", "cgroupfs-on-systemd-host",
            "containerd-cri-disabled", "containerd-version-mismatch", "containerd-runtime-defaults-lost",
            "containerd-option-unchecked", "containerd-import-replaces", "containerd-mirrors-with-config-path",
            "containerd-deprecated", "crio-conmon-cgroup", "crio-default-runtime-missing",
            "crio-dropin-replaces-handler", "crio-dropin-not-toml", "crio-invalid-value", "kubelet-unknown-flag",
            "kubelet-deprecated-flag", "kubelet-flag-split", "kubelet-invalid-value", "kubelet-eviction-partial",
            "kubelet-yaml11-ambiguity", "kubelet-dropin-shadowed", "kubeadm-cri-socket", "syntax-error",
            "unknown-key", "type-mismatch", "duplicate-key", "kernel-prerequisite");

    @Test
    void builtInRulesAreListedByIdAndDocumented() {
        RuleSet builtIn = RuleSet.builtIn();
        List<String> ids = List.copyOf(builtIn.ids());
        assertEquals(ids.stream().sorted().toList(), ids, "listed by id");
        assertEquals(ids.size(), ids.stream().distinct().count(), "ids are unique");
        // every id of the rule catalog (RULES.md) has a built-in rule
        assertTrue(ids.containsAll(CATALOG), () -> "missing: " + CATALOG.stream().filter(i -> !ids.contains(i)).toList());
        assertEquals(Severity.ERROR, builtIn.find("syntax-error").orElseThrow().defaultSeverity());
        assertFalse(builtIn.find("syntax-error").orElseThrow().fixable());
        for (Rule r : builtIn.rules()) {
            RuleDescriptor d = r.descriptor();
            assertEquals(d.id(), r.id());
            assertEquals(d.defaultSeverity(), r.defaultSeverity());
            assertFalse(r.title().isBlank());
            assertTrue(r.rationale().length() > 200, "a paragraph of rationale for " + d.id());
            assertFalse(r.references().isEmpty());
            for (URI u : r.references()) {
                assertEquals("https", u.getScheme(), u.toString());
            }
            assertFalse(r.example().before().equals(r.example().after()));
        }
        assertEquals(Severity.ERROR, builtIn.find("syntax-error").orElseThrow().defaultSeverity());
        assertFalse(builtIn.find("duplicate-key").orElseThrow().fixable());
    }

    @Test
    void findsRulesById() {
        RuleSet set = RuleSet.of(TestRules.perFile("b-rule", Severity.INFO, "b"),
                TestRules.perFile("a-rule", Severity.INFO, "a"));
        assertEquals("a-rule", set.rules().get(0).id());
        assertTrue(set.find("b-rule").isPresent());
        assertTrue(set.find("c-rule").isEmpty());
        assertTrue(set.contains("a-rule"));
        assertEquals(2, set.size());
        assertEquals(List.of("a-rule", "b-rule"), set.descriptors().stream().map(RuleDescriptor::id).toList());
    }

    @Test
    void rejectsDuplicateIds() {
        Rule one = TestRules.perFile("same-id", Severity.INFO, "one");
        Rule two = TestRules.perFile("same-id", Severity.ERROR, "two");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleSet.of(one, two));
        assertTrue(e.getMessage().contains("duplicate rule id same-id"), e.getMessage());

        RuleSet set = RuleSet.of(one);
        assertThrows(IllegalArgumentException.class, () -> set.plus(List.of(two)));
        assertThrows(IllegalArgumentException.class,
                () -> RuleSet.builtIn().plus(List.of(TestRules.perFile("syntax-error", Severity.INFO, "x"))));
    }

    @Test
    void reservesTheInternalErrorId() {
        assertThrows(IllegalArgumentException.class,
                () -> RuleSet.of(TestRules.perFile(Validator.INTERNAL_ERROR_ID, Severity.INFO, "x")));
    }

    @Test
    void discoversThirdPartyRulesWithServiceLoader() {
        RuleSet all = RuleSet.discover(getClass().getClassLoader());
        assertTrue(all.contains("third-party-test"), all.toString());
        assertTrue(all.ids().containsAll(RuleSet.builtIn().ids()));
        assertEquals(RuleSet.builtIn().size() + 1, all.size());
        assertTrue(all.find("third-party-test").orElseThrow() instanceof ThirdPartyTestRule);
    }

    @Test
    void descriptorsAreChecked() {
        assertTrue(RuleDescriptor.isValidId("cgroup-driver-mismatch"));
        assertTrue(RuleDescriptor.isValidId("crio-log-size-max2"));
        for (String bad : new String[] {"", "Syntax", "syntax_error", "-x", "x-", "a--b", "1st-rule", "a b"}) {
            assertFalse(RuleDescriptor.isValidId(bad), bad);
        }
        RuleDescriptor.Builder noExample = RuleDescriptor.builder("x-rule", Severity.INFO)
                .title("t").rationale("r");
        assertThrows(IllegalArgumentException.class, noExample::build);
        assertThrows(IllegalArgumentException.class, () -> RuleDescriptor.builder("x-rule", Severity.INFO)
                .title("two\nlines").rationale("r").example("f", "a", "b").build());
        assertThrows(IllegalArgumentException.class, () -> RuleDescriptor.builder("x-rule", Severity.INFO)
                .title("t").rationale(" ").example("f", "a", "b").build());
        assertThrows(IllegalArgumentException.class, () -> RuleDescriptor.builder("x-rule", Severity.INFO)
                .title("t").rationale("r").reference("relative/path").example("f", "a", "b").build());
    }
}
