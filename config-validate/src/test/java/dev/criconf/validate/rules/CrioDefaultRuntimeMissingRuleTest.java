package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crio;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crioNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrioDefaultRuntimeMissingRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrioDefaultRuntimeMissingRuleTest {

    private static final CrioDefaultRuntimeMissingRule RULE = new CrioDefaultRuntimeMissingRule();

    @Test
    void handlerThatNoFileDeclares() {
        NodeConfig node = crioNode("[crio.runtime]\ndefault_runtime = \"kata\"\n\n[crio.runtime.runtimes.runc]\n"
                + "runtime_path = \"/usr/bin/runc\"\n");
        Finding f = single(RULE, node, crio("1.35.0"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:2:19", "default_runtime = \"kata\" names no runtime handler",
                "the files declare only runc", "CRI-O 1.35.0 has only a built-in crun handler",
                "default_runtime set to \"kata\", but no runtime entry table [crio.runtime.runtimes.kata] was found",
                "set default_runtime to one of: runc, crun");
        assertEquals(List.of("etc/crio/crio.conf:4:24"), related(f));
        assertEquals("declares handler runc", f.related().get(0).message());
    }

    @Test
    void theBuiltInHandlerChangedIn131() {
        NodeConfig runc = crioNode("[crio.runtime]\ndefault_runtime = \"runc\"\n");
        assertQuiet(RULE, runc, crio("1.30.4"));
        assertFinding(single(RULE, runc, crio("1.31.0")), Severity.ERROR, "etc/crio/crio.conf:2:19",
                "no file declares any [crio.runtime.runtimes.<name>] table", "built-in crun handler");
        NodeConfig crun = crioNode("[crio.runtime]\ndefault_runtime = \"crun\"\n");
        assertQuiet(RULE, crun, crio("1.31.0"));
        assertFinding(single(RULE, crun, crio("1.28.0")), Severity.ERROR, "etc/crio/crio.conf:2:19", "built-in runc handler");
    }

    @Test
    void unknownReleaseWarnsWhenOnlySomeReleasesRefuse() {
        Finding f = single(RULE, crioNode("[crio.runtime]\ndefault_runtime = \"runc\"\n"));
        assertFinding(f, Severity.WARNING, "etc/crio/crio.conf:2:19", "CRI-O 1.31 has only a built-in crun handler",
                "(assuming CRI-O 1.31; CRI-O before 1.31 has a built-in runc handler, so this matters only from 1.31 on");
        Finding g = single(RULE, crioNode("[crio.runtime]\ndefault_runtime = \"crun\"\n"));
        assertFinding(g, Severity.WARNING, "etc/crio/crio.conf:2:19", "(assuming CRI-O 1.30;",
                "so this matters only before 1.31");
        Finding h = single(RULE, crioNode("[crio.runtime]\ndefault_runtime = \"kata\"\n"));
        assertFinding(h, Severity.ERROR, "etc/crio/crio.conf:2:19", "(assuming CRI-O 1.31; set crioVersion in criconf.yaml)");
    }

    @Test
    void namesAreCaseSensitive() {
        NodeConfig node = crioNode("[crio.runtime]\ndefault_runtime = \"Crun\"\n\n[crio.runtime.runtimes.crun]\n"
                + "runtime_path = \"/usr/libexec/crio/crun\"\n");
        assertFinding(single(RULE, node, crio("1.35.0")), Severity.ERROR, "etc/crio/crio.conf:2:19",
                "did you mean \"crun\"?");
    }

    @Test
    void handlerDeclaredInADropInCounts() {
        String main = "etc/crio/crio.conf";
        String dropIn = "etc/crio/crio.conf.d/20-kata.conf";
        String kata = "[crio.runtime.runtimes.kata]\nruntime_path = \"/usr/bin/containerd-shim-kata-v2\"\nruntime_type = \"vm\"\n";
        NodeConfig node = crioNode(toml("merged", "[crio.runtime]\ndefault_runtime = \"kata\"\n" + kata),
                main, "[crio.runtime]\ndefault_runtime = \"kata\"\n", dropIn, kata);
        assertQuiet(RULE, node, crio("1.35.0"));
    }

    @Test
    void quietWithoutDefaultRuntimeOrWithAnEmptyOne() {
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"systemd\"\n"), crio("1.35.0"));
        assertQuiet(RULE, crioNode("[crio.runtime]\ndefault_runtime = \"\"\n"), crio("1.35.0"));
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }
}
