package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crioNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrioDropinReplacesHandlerRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrioDropinReplacesHandlerRuleTest {

    private static final CrioDropinReplacesHandlerRule RULE = new CrioDropinReplacesHandlerRule();

    private static final String PACKAGE = "etc/crio/crio.conf.d/10-crio.conf";
    private static final String SITE = "etc/crio/crio.conf.d/30-crun-devices.conf";

    private static final String PACKAGE_TEXT = "[crio.runtime]\ndefault_runtime = \"crun\"\n\n"
            + "[crio.runtime.runtimes.crun]\n"
            + "runtime_path = \"/usr/libexec/crio/crun\"\n"
            + "runtime_root = \"/run/crun\"\n"
            + "monitor_path = \"/usr/libexec/crio/conmon\"\n"
            + "allowed_annotations = [\"io.containers.trace-syscall\"]\n";

    private static NodeConfig node(String site) {
        return crioNode(toml("merged", site), PACKAGE, PACKAGE_TEXT, SITE, site);
    }

    @Test
    void partialRedeclarationLosesTheOtherKeys() {
        // as examples/broken-crio-dropins
        Finding f = single(RULE, node("# GPU operator\n[crio.runtime.runtimes.crun]\n"
                + "allowed_annotations = [\"io.containers.trace-syscall\", \"io.kubernetes.cri-o.Devices\"]\n"));
        assertFinding(f, Severity.WARNING, SITE + ":2:24",
                "[crio.runtime.runtimes.crun] in " + SITE + " re-declares the crun handler of " + PACKAGE,
                "CRI-O replaces a handler a later file names as a whole",
                "monitor_path, runtime_path, runtime_root become empty",
                "CRI-O looks crun up in $PATH instead", "conmon is looked up in $PATH",
                "Repeat those keys in this table, or make the change in " + PACKAGE + " instead");
        // the lost keys sorted, whatever their order in the file
        assertEquals(List.of(PACKAGE + ":4:24", PACKAGE + ":7:1", PACKAGE + ":5:1", PACKAGE + ":6:1"), related(f));
        assertEquals("the declaration it replaces", f.related().get(0).message());
        assertEquals("lost: monitor_path = \"/usr/libexec/crio/conmon\"", f.related().get(1).message());
        assertEquals("lost: runtime_path = \"/usr/libexec/crio/crun\"", f.related().get(2).message());
        assertFalse(f.message().contains("allowed_annotations become"), f.message());
    }

    @Test
    void quietWhenTheRedeclarationRepeatsEveryKey() {
        assertQuiet(RULE, node("[crio.runtime.runtimes.crun]\nRuntime_Path = \"/usr/libexec/crio/crun\"\n"
                + "runtime_root = \"/run/crun\"\nmonitor_path = \"/usr/libexec/crio/conmon\"\n"
                + "allowed_annotations = [\"io.kubernetes.cri-o.Devices\"]\n"));
    }

    @Test
    void inheritingTheDefaultRuntimeKeepsPathAndRoot() {
        Finding f = single(RULE, node("[crio.runtime.runtimes.crun]\ninherit_default_runtime = true\n"
                + "allowed_annotations = [\"io.kubernetes.cri-o.Devices\"]\n"));
        assertFinding(f, Severity.WARNING, SITE + ":1:24", "monitor_path becomes empty", "Repeat that key");
        assertFalse(f.message().contains("runtime_path"), f.message());
    }

    @Test
    void quietForHandlersOnlyOneFileDeclaresAndForOtherHandlers() {
        assertQuiet(RULE, node("[crio.runtime.runtimes.runc]\nruntime_path = \"/usr/libexec/crio/runc\"\n"));
        assertQuiet(RULE, node("[crio.runtime]\ncgroup_manager = \"systemd\"\n"));
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }
}
