package dev.criconf.validate;

import dev.criconf.model.ComponentVersion;
import static dev.criconf.validate.TestRules.at;
import static dev.criconf.validate.TestRules.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.edit.NodeEdit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static final NodeConfig NODE = node("nodes/a", List.of("etc/containerd/config.toml",
            "var/lib/kubelet/config.yaml"));

    @Test
    void runsEveryRuleAtItsDefaultSeverity() {
        Validator v = Validator.builder()
                .ruleSet(RuleSet.of(TestRules.perFile("warn-rule", Severity.WARNING, "w"),
                        TestRules.perFile("info-rule", Severity.INFO, "i")))
                .build();
        Report r = v.validate(NODE);
        assertEquals("nodes/a", r.root());
        assertEquals(NODE.files(), r.files());
        assertEquals(4, r.findings().size());
        assertEquals(new Summary(0, 2, 2), r.summary());
        assertEquals(Optional.of(Severity.WARNING), r.highestSeverity());
        assertEquals(List.of("info-rule", "warn-rule"), r.rules().stream().map(RuleDescriptor::id).toList());
    }

    @Test
    void overridesChangeSeverityAndOffSkipsTheRule() {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        Rule offRule = TestRules.rule("off-rule", Severity.ERROR, (n, ctx) -> {
            ran.add("off-rule");
            ctx.report(Origin.ofFile("x"), "should not appear");
        });
        Validator v = Validator.builder()
                .ruleSet(RuleSet.of(TestRules.perFile("warn-rule", Severity.WARNING, "w"), offRule))
                .override("warn-rule", RuleSetting.ERROR)
                .override(RuleOverride.parse("off-rule=off"))
                .build();
        Report r = v.validate(NODE);
        assertTrue(ran.isEmpty(), "an off rule does not run");
        assertEquals(2, r.findings().size());
        r.findings().forEach(f -> assertEquals(Severity.ERROR, f.severity()));
        assertEquals(List.of("warn-rule"), r.rules().stream().map(RuleDescriptor::id).toList());
        assertEquals(Optional.empty(), v.effectiveSeverity("off-rule"));
        assertEquals(Optional.of(Severity.ERROR), v.effectiveSeverity("warn-rule"));
        assertThrows(IllegalArgumentException.class, () -> v.effectiveSeverity("nope"));
        assertEquals(List.of("warn-rule"), v.enabledRules().stream().map(RuleDescriptor::id).toList());
    }

    @Test
    void laterOverrideWins() {
        Validator v = Validator.builder()
                .ruleSet(RuleSet.of(TestRules.perFile("warn-rule", Severity.WARNING, "w")))
                .overrides(List.of(RuleOverride.parse("warn-rule=off"), RuleOverride.parse("warn-rule=info")))
                .build();
        assertEquals(Optional.of(Severity.INFO), v.effectiveSeverity("warn-rule"));
    }

    @Test
    void rejectsOverridesOfUnknownRules() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Validator.builder().override("no-such-rule", RuleSetting.OFF).build());
        assertTrue(e.getMessage().contains("no-such-rule"), e.getMessage());
        assertTrue(e.getMessage().contains("syntax-error"), "lists the known rules: " + e.getMessage());
    }

    @Test
    void aRuleMayLowerButNeverRaiseItsSeverity() {
        Rule lowering = TestRules.rule("lowering", Severity.ERROR, (n, ctx) -> {
            ctx.finding(Origin.ofFile("a"), "harmless here").lowerTo(Severity.INFO).report();
            ctx.finding(Origin.ofFile("b"), "a bit harmless").lowerTo(Severity.WARNING).report();
        });
        Report byDefault = Validator.builder().ruleSet(RuleSet.of(lowering)).build().validate(NODE);
        assertEquals(List.of(Severity.INFO, Severity.WARNING),
                byDefault.findings().stream().map(Finding::severity).toList());

        Report userSaidInfo = Validator.builder().ruleSet(RuleSet.of(lowering))
                .override("lowering", RuleSetting.INFO).build().validate(NODE);
        assertEquals(List.of(Severity.INFO, Severity.INFO),
                userSaidInfo.findings().stream().map(Finding::severity).toList());
    }

    @Test
    void findingsAreSortedByFileLineColumnRuleAndMessage() {
        Rule z = TestRules.rule("z-rule", Severity.ERROR, (n, ctx) -> {
            ctx.report(at("b.toml", 1, 1), "z on b");
            ctx.report(at("a.toml", 10, 2), "z2");
            ctx.report(at("a.toml", 10, 2), "z1");
        });
        Rule a = TestRules.rule("a-rule", Severity.INFO, (n, ctx) -> {
            ctx.report(at("a.toml", 10, 2), "a");
            ctx.report(at("a.toml", 9, 30), "a earlier line");
            ctx.report(at("a.toml", 10, 1), "a earlier column");
        });
        Report r = Validator.builder().ruleSet(RuleSet.of(z, a)).build().validate(NODE);
        assertEquals(List.of("a earlier line", "a earlier column", "a", "z1", "z2", "z on b"),
                r.findings().stream().map(Finding::message).toList());
    }

    @Test
    void aThrowingRuleBecomesAnInternalErrorAndTheOthersStillRun() {
        Validator v = Validator.builder()
                .ruleSet(RuleSet.of(TestRules.perFile("before", Severity.WARNING, "before"),
                        TestRules.throwing("boom", new IllegalStateException("unexpected\nshape")),
                        TestRules.perFile("zafter", Severity.WARNING, "after")))
                .build();
        Report r = v.validate(NODE);
        List<Finding> internal = r.findings().stream()
                .filter(f -> f.ruleId().equals(Validator.INTERNAL_ERROR_ID)).toList();
        assertEquals(1, internal.size());
        Finding f = internal.get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(Validator.NODE_FILE, f.location().file());
        assertTrue(f.message().startsWith("rule boom failed on this node and reported nothing: "
                + "java.lang.IllegalStateException: unexpected shape (at "), f.message());
        assertFalse(r.findings().stream().anyMatch(x -> x.message().equals("reported before the throw")),
                "findings of the failed run are dropped");
        assertEquals(2, r.findings().stream().filter(x -> x.ruleId().equals("before")).count());
        assertEquals(2, r.findings().stream().filter(x -> x.ruleId().equals("zafter")).count());
        assertTrue(r.rule(Validator.INTERNAL_ERROR_ID).isPresent(), "the report describes internal-error");
        assertEquals(FailOn.EXIT_FINDINGS, r.exitCode(FailOn.ERROR));
    }

    @Test
    void stackOverflowAndAssertionErrorsAreIsolatedToo() {
        Rule deep = TestRules.rule("deep", Severity.INFO, (n, ctx) -> recurse(1));
        Rule asserting = TestRules.rule("asserting", Severity.INFO, (n, ctx) -> {
            throw new AssertionError("invariant");
        });
        Report r = Validator.builder().ruleSet(RuleSet.of(deep, asserting)).build().validate(NODE);
        assertEquals(2, r.findings().size());
        assertTrue(r.findings().stream().allMatch(f -> f.ruleId().equals(Validator.INTERNAL_ERROR_ID)));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("StackOverflowError")));
        assertTrue(r.findings().stream().anyMatch(f -> f.message().contains("AssertionError: invariant")));
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void aContextCannotBeUsedAfterItsRuleReturned() {
        AtomicReference<RuleContext> leaked = new AtomicReference<>();
        Rule leaking = TestRules.rule("leaking", Severity.INFO, (n, ctx) -> leaked.set(ctx));
        Validator.builder().ruleSet(RuleSet.of(leaking)).build().validate(NODE);
        assertThrows(IllegalStateException.class, () -> leaked.get().report(Origin.ofFile("x"), "late"));
    }

    @Test
    void aFindingIsReportedOnce() {
        Rule twice = TestRules.rule("twice", Severity.INFO, (n, ctx) -> {
            Finding.Builder b = ctx.finding(Origin.ofFile("x"), "once");
            b.report();
            b.report();
        });
        Report r = Validator.builder().ruleSet(RuleSet.of(twice)).build().validate(NODE);
        assertEquals(Validator.INTERNAL_ERROR_ID, r.findings().get(0).ruleId());
        assertTrue(r.findings().get(0).message().contains("already reported"));
        assertThrows(IllegalStateException.class,
                () -> Finding.builder("x", Severity.INFO, Origin.ofFile("x"), "m").report());
    }

    @Test
    void rulesSeeMergedTargetVersionsAndTheirOwnSeverity() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Rule versions = TestRules.rule("versions", Severity.WARNING, (n, ctx) -> {
            seen.add(ctx.ruleId() + " " + ctx.severity());
            seen.add(ctx.versions().orAssume(TargetComponent.KUBERNETES, ComponentVersion.of(1, 30)).toString());
            seen.add(ctx.versions().orAssume(TargetComponent.CONTAINERD, ComponentVersion.of(1, 7)).describe());
            seen.add(ctx.versions().orAssume(TargetComponent.CRIO, ComponentVersion.of(1, 30)).describe());
        });
        Validator v = Validator.builder().ruleSet(RuleSet.of(versions))
                .targetVersions(TargetVersions.of(
                        TargetVersion.option(TargetComponent.KUBERNETES, "1.31", "--kubernetes-version")))
                .build();
        v.validate(NODE, TargetVersions.of(
                new TargetVersion(TargetComponent.KUBERNETES, ComponentVersion.of(1, 28), VersionSource.PROFILE, "criconf.yaml"),
                new TargetVersion(TargetComponent.CONTAINERD, ComponentVersion.of(2, 0), VersionSource.PROFILE, "criconf.yaml")));
        assertEquals(List.of("versions warning", "Kubernetes 1.31 (from --kubernetes-version)",
                "containerd 2.0", "assuming CRI-O 1.30"), seen);
    }

    @Test
    void fixesAndRelatedLocationsKeepTheirOrder() {
        NodeEdit kubelet = new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD);
        NodeEdit runtime = new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.CGROUPFS);
        Rule r = TestRules.rule("mismatch", Severity.ERROR, (n, ctx) -> ctx
                .finding(at("var/lib/kubelet/config.yaml", 7, 15), "kubelet uses cgroupfs, containerd systemd")
                .related(at("etc/containerd/config.toml", 12, 9), "SystemdCgroup = true")
                .related(at("etc/containerd/config.toml", 3, 1), "default runtime runc")
                .fix(Fix.of(kubelet))
                .fix(Fix.suggestion("make containerd use cgroupfs", runtime))
                .report());
        Finding f = Validator.builder().ruleSet(RuleSet.of(r)).build().validate(NODE).findings().get(0);
        assertEquals(List.of("SystemdCgroup = true", "default runtime runc"),
                f.related().stream().map(RelatedLocation::message).toList());
        assertEquals(2, f.fixes().size());
        assertEquals(kubelet.describe(), f.preferredFix().orElseThrow().description());
        assertTrue(f.fixes().get(0).machineApplicable());
        assertFalse(f.fixes().get(1).machineApplicable());
        assertEquals("var/lib/kubelet/config.yaml:7:15: error: kubelet uses cgroupfs, containerd systemd [mismatch]",
                f.toString());
        assertThrows(IllegalArgumentException.class, () -> Fix.of("nothing to do"));
    }

    @Test
    void exitCodesFollowFailOn() {
        Report warnings = Validator.builder()
                .ruleSet(RuleSet.of(TestRules.perFile("warn-rule", Severity.WARNING, "w"))).build().validate(NODE);
        Report clean = Validator.builder()
                .ruleSet(RuleSet.of(TestRules.perFile("warn-rule", Severity.WARNING, "w"))).build()
                .validate(node("nodes/b", List.of()));
        assertEquals(Optional.empty(), clean.highestSeverity());
        assertEquals(0, warnings.exitCode(FailOn.ERROR));
        assertEquals(1, warnings.exitCode(FailOn.WARNING));
        assertEquals(1, warnings.exitCode(FailOn.INFO));
        assertEquals(0, warnings.exitCode(FailOn.NEVER));
        assertEquals(1, Report.exitCode(List.of(clean, warnings), FailOn.WARNING));
        assertEquals(0, Report.exitCode(List.of(clean, clean), FailOn.INFO));
        assertEquals(new Summary(0, 2, 0), Summary.ofReports(List.of(clean, warnings)));
    }

    @Test
    void isThreadSafe() throws Exception {
        Rule perProblem = TestRules.rule("per-problem", Severity.WARNING, (n, ctx) -> {
            for (Problem p : n.problems()) {
                ctx.finding(p.origin(), "seen: " + p.message()).related(Origin.ofFile(n.root()), n.root()).report();
            }
        });
        Validator v = Validator.builder()
                .ruleSet(RuleSet.builtIn().plus(List.of(perProblem,
                        TestRules.perFile("per-file", Severity.INFO, "file"),
                        TestRules.throwing("sometimes-throws", new IllegalArgumentException("bad")))))
                .override("duplicate-key", RuleSetting.WARNING)
                .build();
        List<NodeConfig> nodes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<Problem> problems = new ArrayList<>();
            for (int k = 0; k < i % 7; k++) {
                Problem.Kind kind = Problem.Kind.values()[(i + k) % Problem.Kind.values().length];
                problems.add(new Problem(kind, at("f" + (k % 3) + ".toml", 1 + (i * k) % 11, 1 + k), "p" + i + "-" + k));
            }
            nodes.add(new NodeConfig("nodes/n" + i, List.of("f0.toml", "f1.toml", "f2.toml").subList(0, i % 4),
                    problems));
        }
        List<Report> sequential = new ArrayList<>();
        for (NodeConfig n : nodes) {
            sequential.add(v.validate(n));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<Report>> futures = new ArrayList<>();
                for (NodeConfig n : nodes) {
                    Callable<Report> task = () -> v.validate(n);
                    futures.add(pool.submit(task));
                }
                for (int i = 0; i < nodes.size(); i++) {
                    assertEquals(sequential.get(i), futures.get(i).get(), "node " + i + " round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(sequential.stream().mapToInt(r -> r.findings().size()).sum() > 1000,
                "the nodes produce plenty of findings");
    }
}
