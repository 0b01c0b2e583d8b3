package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crioNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrioDropinNotTomlRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrioDropinNotTomlRuleTest {

    private static final CrioDropinNotTomlRule RULE = new CrioDropinNotTomlRule();

    private static final String DIR = "etc/crio/crio.conf.d/";
    private static final String SITE = DIR + "20-kubernetes.conf";
    private static final String BACKUP = DIR + "20-kubernetes.conf.bak";
    private static final String BACKUP_TEXT = "[crio.runtime]\ncgroup_manager = \"systemd\"\n\n[crio.image]\n"
            + "pause_image = \"registry.k8s.io/pause:3.9\"\n";

    @Test
    void backupReadAfterTheFileItBacksUp() {
        // as examples/broken-crio-dropins: the backup's old pause image is the effective one
        NodeConfig node = crioNode(toml(BACKUP, BACKUP_TEXT),
                SITE, "[crio.runtime]\ncgroup_manager = \"systemd\"\n[crio.image]\npause_image = \"registry.k8s.io/pause:3.10.1\"\n",
                BACKUP, BACKUP_TEXT);
        Finding f = single(RULE, node);
        assertFinding(f, Severity.ERROR, BACKUP + ":1:1", "20-kubernetes.conf.bak looks like a backup",
                "CRI-O reads every file in crio.conf.d whatever its name, in lexical order",
                "it is read right after 20-kubernetes.conf and its values win",
                "Changed because of it: pause_image = \"registry.k8s.io/pause:3.9\". Move it out of /etc/crio/crio.conf.d");
        // cgroup_manager repeats the value of 20-kubernetes.conf: not a change
        assertEquals(List.of(BACKUP + ":5:15"), related(f));
        assertEquals("changed: pause_image = \"registry.k8s.io/pause:3.9\"", f.related().get(0).message());
        assertTrue(f.fixes().isEmpty());
    }

    @Test
    void backupWhoseValuesAreAllOverriddenIsAWarning() {
        String later = DIR + "30-site.conf";
        String laterText = "[crio.image]\npause_image = \"registry.k8s.io/pause:3.10.1\"\n";
        NodeConfig node = crioNode(toml(later, laterText), DIR + "10-crio.conf.orig", "[crio.image]\npause_image = \"x\"\n",
                later, laterText);
        Finding f = single(RULE, node);
        assertFinding(f, Severity.WARNING, DIR + "10-crio.conf.orig:1:1", "None of its values changes the configuration today");
    }

    @Test
    void fileThatIsNotToml() {
        String readme = DIR + "README";
        Problem syntax = Problem.syntax(new Origin(readme, 1, 6, 5, 1), "expected '=' after a key");
        NodeConfig node = NodeConfig.builder("node").addFile(readme).addProblem(syntax).build();
        Finding f = single(RULE, node);
        assertFinding(f, Severity.ERROR, readme + ":1:1", "README in crio.conf.d is not valid TOML",
                "CRI-O refuses to start (unable to decode configuration " + readme + ")",
                "Its name says it is not configuration: move it out of crio.conf.d");
        assertEquals(List.of(readme + ":1:6"), related(f));
        assertEquals("expected '=' after a key", f.related().get(0).message());

        String conf = DIR + "40-broken.conf";
        NodeConfig broken = NodeConfig.builder("node").addFile(conf)
                .addProblem(Problem.syntax(new Origin(conf, 3, 1, 20, 1), "unterminated table header")).build();
        assertFinding(single(RULE, broken), Severity.ERROR, conf + ":1:1",
                "Fix the file (see the syntax-error finding) or move it out of crio.conf.d");
    }

    @Test
    void nestedAndHiddenFilesAreReadToo() {
        NodeConfig node = NodeConfig.builder("node").addFile(DIR + "site/.50-old.conf").addFile(DIR + "site/50-new.conf").build();
        assertFinding(single(RULE, node), Severity.ERROR, DIR + "site/.50-old.conf:1:1", ".50-old.conf looks like a hidden file");
    }

    @Test
    void quietOnConfigurationFilesAndOutsideTheDropInDirectory() {
        String text = "[crio.runtime]\ncgroup_manager = \"systemd\"\n";
        assertQuiet(RULE, crioNode(toml(DIR + "10-crio.conf", text), DIR + "10-crio.conf", text, DIR + "00-default", text));
        // CRI-O never reads a backup of crio.conf itself
        assertQuiet(RULE, NodeConfig.builder("node").addFile("etc/crio/crio.conf").addFile("etc/crio/crio.conf.bak").build());
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }
}
