package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.KubeletNodes.extraArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.kubeadmArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.node;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletFlagSplitRuleTest {

    private static final KubeletFlagSplitRule RULE = new KubeletFlagSplitRule();

    @Test
    void aLabelListWithASpaceIsSplit() {
        // KUBELET_EXTRA_ARGS="--node-labels=node.example.com/pool=batch, node.example.com/tier=2"
        KubeletNodes.Line line = extraArgs().flag("node-labels", "node.example.com/pool=batch,").stray("node.example.com/tier=2");
        List<Finding> f = run(RULE, "1.35.0", node(kubeadmArgs().flag("node-ip", "10.0.0.1"), line));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubelet-flag-split", x.ruleId());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(line.strayAt(0), x.location());
        assertEquals("'node.example.com/tier=2' becomes a separate argument: systemd splits $KUBELET_EXTRA_ARGS at "
                + "whitespace (quotes inside the value do not help), so --node-labels gets only "
                + "'node.example.com/pool=batch,', and the kubelet exits with \"unknown command node.example.com/tier=2\"; "
                + "remove the space (the list is comma-separated)", x.message());
        assertEquals(List.of(new RelatedLocation(line.flagAt(0), "--node-labels, whose value the split cut short")), x.related());
        assertEquals(List.of(Fix.of("set KUBELET_EXTRA_ARGS to --node-labels=node.example.com/pool=batch,node.example.com/tier=2",
                new NodeEdit.SetValue(KubeletNodes.DEFAULT_KUBELET, List.of("KUBELET_EXTRA_ARGS"),
                        "--node-labels=node.example.com/pool=batch,node.example.com/tier=2"))), x.fixes());
        assertTrue(x.fixes().get(0).machineApplicable(), "only the space is wrong");
    }

    @Test
    void severalSplitWordsAreOneFindingAndTheRestOfTheLineIsKept() {
        KubeletNodes.Line line = extraArgs().flag("kube-reserved", "cpu=500m,").stray("memory=1Gi,").stray("pid=1000")
                .flag("node-ip", "10.0.0.1");
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().startsWith("'memory=1Gi,' and 1 more word become separate arguments"), f.get(0).message());
        assertEquals(2, f.get(0).related().size());
        assertEquals(line.strayAt(1), f.get(0).related().get(1).location());
        NodeEdit.SetValue edit = (NodeEdit.SetValue) f.get(0).fixes().get(0).edits().get(0);
        assertEquals("--kube-reserved=cpu=500m,memory=1Gi,pid=1000 --node-ip=10.0.0.1", edit.value());
    }

    @Test
    void withoutACommaTheJoinIsOnlyASuggestion() {
        KubeletNodes.Line line = extraArgs().flag("node-labels", "a=b").stray("c=d");
        Fix fix = run(RULE, "1.35.0", node(line)).get(0).fixes().get(0);
        assertFalse(fix.machineApplicable());
        assertEquals("--node-labels=a=b,c=d", ((NodeEdit.SetValue) fix.edits().get(0)).value());
    }

    @Test
    void aStringValueWithASpaceHasNoJoinFix() {
        KubeletNodes.Line line = extraArgs().flag("hostname-override", "worker").stray("one");
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals(1, f.size());
        assertEquals(List.of(), f.get(0).fixes());
    }

    @Test
    void aBooleanFlagWithASeparateValue() {
        KubeletNodes.Line line = extraArgs().bare("fail-swap-on").stray("false");
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals(1, f.size());
        assertEquals(line.strayAt(0), f.get(0).location());
        assertEquals("--fail-swap-on is a boolean flag, so 'false' after it is a separate argument, not its value: the "
                + "kubelet exits with \"unknown command false\"; write --fail-swap-on=false", f.get(0).message());
    }

    @Test
    void aWordBeforeAnyFlag() {
        KubeletNodes.Line line = extraArgs().stray("node-ip=10.0.0.1");
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals("'node-ip=10.0.0.1' (from $KUBELET_EXTRA_ARGS) is not a flag and no flag takes it as its value: the "
                + "kubelet exits with \"unknown command node-ip=10.0.0.1\"", f.get(0).message());
    }

    @Test
    void readsTheEnvironmentFileWhenTheNodeHasNoUnit() {
        KubeletNodes.Line line = extraArgs().flag("node-labels", "a=b,").stray("c=d");
        List<Finding> f = run(RULE, "1.35.0", KubeletNodes.envOnly(line));
        assertEquals(1, f.size());
        assertEquals(line.strayAt(0), f.get(0).location());
        assertTrue(f.get(0).fixes().get(0).machineApplicable());
    }

    @Test
    void aCommandLineWithoutStrayWordsIsQuiet() {
        assertEquals(List.of(), run(RULE, "1.35.0", node(kubeadmArgs().flag("node-ip", "10.0.0.1"),
                extraArgs().flag("node-labels", "a=b,c=d").bare("fail-swap-on"))));
        assertEquals(List.of(), run(RULE, "1.35.0", KubeletNodes.envOnly(extraArgs().flag("node-labels", "a=b,c=d")
                .flag("max-pods", "200"))));
    }
}
