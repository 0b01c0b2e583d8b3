package dev.criconf.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.criconf.io.EditException;
import dev.criconf.io.node.NodeEditor;
import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Applying a rule's machine-applicable fix removes that finding and introduces no new error. A node
 * is written to a temporary root ({@link BrokenNodes}, or a fixture's {@code fires} tree), loaded
 * with {@link NodeLoader} and validated with the built-in rules; then every machine-applicable fix
 * of every finding - the preferred one and each alternative - is planned with {@link NodeEditor} on
 * a fresh copy of the tree, written, and the copy loaded and validated again.
 *
 * <p>Identity across the edit: a finding is known by its rule id and the file of its location. The
 * position cannot be used (removing a flag moves every later column, an added key moves lines) and
 * neither can the message (it quotes the value the fix replaces); the rule and the file are what a
 * person means by "the same problem". A file may hold several findings of one rule (two removed flags
 * in kubeadm-flags.env), so these are counted: after the fix, fewer findings of that rule in that
 * file, and for every (rule, file) no more errors than before.
 */
class FixesProperties {

    /** Fixable rules whose fixes are all suggestions (a person decides), so no fix is applied automatically. */
    static final Set<String> SUGGESTIONS_ONLY = Set.of("kernel-prerequisite", "kubeadm-cri-socket", "kubelet-eviction-partial",
            "kubelet-yaml11-ambiguity");

    private static final Validator VALIDATOR = Validator.defaults();

    @Provide
    Arbitrary<BrokenNodes.Spec> nodes() {
        return BrokenNodes.specs();
    }

    // each try writes a node and, per distinct fix, copies, plans, writes and re-loads it
    @Property(tries = 200)
    void everyMachineApplicableFixRemovesItsFindingAndAddsNoError(@ForAll("nodes") BrokenNodes.Spec spec) {
        Path root = NodeTrees.tempRoot("criconf-fix");
        try {
            BrokenNodes.write(root, spec);
            Supplier<List<Finding>> unmasked = () -> withoutDisabledCri(spec);
            // which rules got fixed, for the report; that every one does is the example test's assertion, which
            // does not depend on the random nodes (conmon mistakes come only with CRI-O, a fifth of the nodes)
            for (String id : checkAllFixes(root, spec.toString(), unmasked)) {
                Statistics.label("fixed").collect(id);
            }
        } finally {
            NodeTrees.delete(root);
        }
    }

    /** The findings of the node written without the {@code disabled_plugins} entry that turns containerd's CRI off. */
    private static List<Finding> withoutDisabledCri(BrokenNodes.Spec spec) {
        Set<BrokenNodes.Mistake> rest = EnumSet.noneOf(BrokenNodes.Mistake.class);
        rest.addAll(spec.mistakes());
        rest.remove(BrokenNodes.Mistake.CRI_DISABLED);
        BrokenNodes.Spec s = new BrokenNodes.Spec(spec.runtime(), spec.kubernetes(), spec.runtimeVersion(), spec.systemd(),
                spec.kubeletSideWrong(), spec.driverByFlag(), spec.endpointByFlag(), spec.choice(), rest, spec.toml());
        Path root = NodeTrees.tempRoot("criconf-unmasked");
        try {
            BrokenNodes.write(root, s);
            return VALIDATOR.validate(NodeLoader.create().load(root)).findings();
        } finally {
            NodeTrees.delete(root);
        }
    }

    /**
     * The fires tree of every fixable rule with a fixture (the seeds of the generator), and a node with
     * each single mistake of the generator: their findings' fixes hold too, and every rule with a
     * machine-applicable fix has one applied here, whatever the property's random nodes were.
     */
    @Test
    void everyFixOfTheFixtureNodesAndOfSingleMistakeNodesRemovesItsFindingAndAddsNoError() throws IOException {
        Set<String> fixed = new TreeSet<>();
        for (BrokenNodes.Spec spec : singleMistakes()) {
            Path root = NodeTrees.tempRoot("criconf-fix-example");
            try {
                BrokenNodes.write(root, spec);
                fixed.addAll(checkAllFixes(root, spec.toString(), () -> withoutDisabledCri(spec)));
            } finally {
                NodeTrees.delete(root);
            }
        }
        int trees = 0;
        for (RuleDescriptor d : RuleSet.builtIn().descriptors()) {
            Path fires = NodeTrees.fixtures().resolve(d.id()).resolve("fires");
            if (!d.fixable() || !Files.isDirectory(fires)) {
                continue;
            }
            trees++;
            Path copy = NodeTrees.copy(fires, "criconf-fixture");
            try {
                Files.deleteIfExists(copy.resolve("expected.txt"));
                fixed.addAll(checkAllFixes(copy, d.id() + "/fires", List::of));
            } finally {
                NodeTrees.delete(copy);
            }
        }
        assertTrue(trees >= machineFixable().size(), "fixture trees checked: " + trees);
        assertTrue(fixed.containsAll(machineFixable()), () -> "fixed over the fixtures: " + fixed + ", every rule with a "
                + "machine-applicable fix: " + machineFixable());
    }

    private static List<BrokenNodes.Spec> singleMistakes() {
        List<BrokenNodes.Spec> out = new ArrayList<>();
        for (BrokenNodes.Mistake m : BrokenNodes.Mistake.values()) {
            BrokenNodes.RuntimeKind r = m == BrokenNodes.Mistake.CONMON ? BrokenNodes.RuntimeKind.CRIO : BrokenNodes.RuntimeKind.CONTAINERD_1X_V2;
            String version = r == BrokenNodes.RuntimeKind.CRIO ? "1.32.9" : "1.7.22";
            for (int choice = 0; choice < 2; choice++) {
                out.add(new BrokenNodes.Spec(r, "1.33.4", version, true, choice == 0, false, false, choice, Set.of(m),
                        TomlLayout.plain()));
            }
        }
        // a misspelled systemd while the runtime uses cgroupfs: the fix moves both sides
        out.add(new BrokenNodes.Spec(BrokenNodes.RuntimeKind.CONTAINERD_2X_V3, "1.33.4", "2.1.3", true, false, true, false, 0,
                Set.of(BrokenNodes.Mistake.DRIVER_CASING, BrokenNodes.Mistake.DRIVER_MISMATCH), TomlLayout.plain()));
        return out;
    }

    /** The rule ids the properties must see fixed: every fixable built-in rule that offers fixes to apply automatically. */
    static Set<String> machineFixable() {
        Set<String> out = RuleSet.builtIn().descriptors().stream().filter(RuleDescriptor::fixable).map(RuleDescriptor::id)
                .filter(id -> !SUGGESTIONS_ONLY.contains(id)).collect(Collectors.toCollection(TreeSet::new));
        return out;
    }

    @Test
    void theRulesWithOnlySuggestionsAreFixableBuiltInRules() {
        Set<String> fixable = RuleSet.builtIn().descriptors().stream().filter(RuleDescriptor::fixable).map(RuleDescriptor::id)
                .collect(Collectors.toSet());
        assertTrue(fixable.containsAll(SUGGESTIONS_ONLY), () -> "fixable: " + fixable);
        assertEquals(Set.of("cgroup-driver-mismatch", "containerd-cri-disabled", "crio-conmon-cgroup", "deprecated-registry",
                "kubelet-deprecated-flag", "kubelet-flag-split", "kubelet-invalid-value", "kubelet-unknown-flag",
                "runtime-endpoint-scheme"), machineFixable());
    }

    /**
     * Applies every machine-applicable fix of every finding of the node at {@code root}, each on its
     * own copy, and checks the result; returns the ids of the rules whose findings were fixed.
     *
     * <p>One kind of error may appear that the edit did not make: while containerd's CRI plugin is
     * disabled, the cgroup, sandbox image and registry rules do not compare containerd's CRI settings
     * with the kubelet (CrossComponent's convention), so enabling the plugin brings back the errors
     * those settings had all along. After such a fix, errors are allowed up to those of the same node
     * written without the disabling entry ({@code unmasked}); nothing else is exempt.
     */
    static List<String> checkAllFixes(Path root, String what, Supplier<List<Finding>> unmasked) {
        NodeConfig node = NodeLoader.create().load(root);
        List<Finding> before = VALIDATOR.validate(node).findings();
        Map<List<NodeEdit>, List<Finding>> results = new HashMap<>();
        List<String> fixed = new ArrayList<>();
        for (Finding f : before) {
            for (int i = 0; i < f.fixes().size(); i++) {
                Fix fix = f.fixes().get(i);
                if (!fix.machineApplicable()) {
                    continue;
                }
                List<Finding> after = results.computeIfAbsent(fix.edits(), edits -> applied(root, node, edits, f, what));
                String context = what + "\nfix " + (i + 1) + " '" + fix.description() + "' of " + f + "\nbefore:\n" + lines(before)
                        + "\nafter:\n" + lines(after);
                Map<String, Long> countBefore = count(before, null);
                Map<String, Long> countAfter = count(after, null);
                String key = key(f);
                assertTrue(countAfter.getOrDefault(key, 0L) < countBefore.get(key), () -> "the finding stays:\n" + context);
                Map<String, Long> errorsBefore = count(before, Severity.ERROR);
                if (fix.edits().stream().anyMatch(e -> e instanceof NodeEdit.EnableContainerdCri)) {
                    count(unmasked.get(), Severity.ERROR).forEach((k, n) -> errorsBefore.merge(k, n, Math::max));
                }
                count(after, Severity.ERROR).forEach((k, n) -> assertTrue(n <= errorsBefore.getOrDefault(k, 0L),
                        () -> "new error " + k + ":\n" + context));
                fixed.add(f.ruleId());
            }
        }
        return fixed;
    }

    /** The findings after applying {@code edits} to a copy of the node ({@code node} was loaded from the same files). */
    private static List<Finding> applied(Path root, NodeConfig node, List<NodeEdit> edits, Finding f, String what) {
        Path copy = NodeTrees.copy(root, "criconf-fixed");
        try {
            try {
                NodeEditor.of(copy, node).plan(edits).write();
            } catch (EditException e) {
                fail(what + "\nthe fix " + edits + " of " + f + " cannot be applied: " + e.getMessage(), e);
            }
            return VALIDATOR.validate(NodeLoader.create().load(copy)).findings();
        } finally {
            NodeTrees.delete(copy);
        }
    }

    private static String key(Finding f) {
        return f.ruleId() + " " + f.location().file();
    }

    private static Map<String, Long> count(List<Finding> findings, Severity only) {
        Map<String, Long> out = new TreeMap<>();
        for (Finding f : findings) {
            if (only == null || f.severity() == only) {
                out.merge(key(f), 1L, Long::sum);
            }
        }
        return out;
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
    }
}
