package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.RuleHarness.at;
import static dev.criconf.validate.internal.rules.RuleHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.Problem.Kind;
import dev.criconf.validate.Finding;
import dev.criconf.validate.RuleSetting;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateKeyRuleTest {

    private static final DuplicateKeyRule RULE = new DuplicateKeyRule();

    private static NodeConfig node(Problem... problems) {
        return new NodeConfig("nodes/a", List.of("etc/crio/crio.conf", "var/lib/kubelet/config.yaml"),
                List.of(problems));
    }

    private static Problem duplicate(String file, int line, String message) {
        return new Problem(Kind.DUPLICATE_KEY, at(file, line, 1), message);
    }

    @Test
    void everyDuplicateInTomlIsAnError() {
        List<Finding> f = run(RULE, node(
                duplicate("etc/crio/crio.conf", 4, "key 'cgroup_manager' is already defined at line 2"),
                duplicate("etc/crio/crio.conf", 9, "key 'log_level' is already defined at line 7"),
                Problem.syntax(at("etc/crio/crio.conf", 12, 1), "not a duplicate")));
        assertEquals(2, f.size());
        assertEquals("key 'cgroup_manager' is already defined at line 2", f.get(0).message());
        assertEquals(at("etc/crio/crio.conf", 4, 1), f.get(0).location());
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.ERROR && x.ruleId().equals("duplicate-key")));
    }

    @Test
    void duplicatesInYamlAreWarningsAndSayWhy() {
        List<Finding> f = run(RULE, node(duplicate("var/lib/kubelet/config.yaml", 3, "duplicate key 'cgroupDriver'")));
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertEquals("duplicate key 'cgroupDriver'" + DuplicateKeyRule.YAML_NOTE, f.get(0).message());
        assertTrue(f.get(0).message().contains("keep one of the values"));
    }

    @Test
    void recognisesYamlAsTheKubernetesComponentsReadIt() {
        assertTrue(DuplicateKeyRule.isYaml("var/lib/kubelet/config.yaml"));
        assertTrue(DuplicateKeyRule.isYaml("kubeadm.YML"));
        assertTrue(DuplicateKeyRule.isYaml("etc/kubernetes/kubelet.conf.d/20-limits.conf"));
        assertTrue(DuplicateKeyRule.isYaml("kubelet.conf.d/90.conf"));
        assertFalse(DuplicateKeyRule.isYaml("etc/crio/crio.conf.d/10-crun.conf"));
        assertFalse(DuplicateKeyRule.isYaml("etc/containerd/config.toml"));
        assertFalse(DuplicateKeyRule.isYaml("etc/docker/daemon.json"));
    }

    @Test
    void theUsersSeverityIsACeilingForYamlToo() {
        List<Finding> info = run(RULE, RuleSetting.INFO, node(
                duplicate("var/lib/kubelet/config.yaml", 3, "dup"), duplicate("etc/crio/crio.conf", 3, "dup")));
        assertTrue(info.stream().allMatch(x -> x.severity() == Severity.INFO));
    }
}
