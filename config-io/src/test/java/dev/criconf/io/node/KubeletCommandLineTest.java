package dev.criconf.io.node;

import static dev.criconf.io.node.NodeTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.kubelet.KubeletSources;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet's command line as systemd builds it: {@code $VAR} splits at blanks (quotes inside the
 * value group words and are removed), {@code ${VAR}} keeps one word, drop-ins shadow and mask by
 * name, and without a unit kubeadm's drop-in is assumed.
 */
class KubeletCommandLineTest {

    @TempDir
    Path tmp;

    static final String FLAGS = "var/lib/kubelet/kubeadm-flags.env";

    @Test
    void aValueWithASpaceInKubeadmArgsSplitsIntoAStrayWord() {
        String text = "KUBELET_KUBEADM_ARGS=\"--node-labels=a=b, c=d\"\n";
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "").write(FLAGS, text).load();
        assertEquals(List.of(), n.problems());
        KubeletFlags f = n.kubeletFlags().orElseThrow();
        assertEquals("a=b,", f.value("node-labels").orElseThrow().value());
        List<StrayArgument> strays = f.strayArguments();
        assertEquals(1, strays.size());
        assertEquals("c=d", strays.get(0).text());
        assertEquals("KUBELET_KUBEADM_ARGS", strays.get(0).variable().orElseThrow());
        assertEquals(FLAGS + ":1:" + (text.indexOf("c=d") + 1), at(strays.get(0).origin()));
        assertEquals(3, strays.get(0).origin().length());
    }

    @Test
    void quotesInsideAnUnquotedValueKeepTheWordTogether() {
        // systemd keeps the quotes in the variable's value; the $VAR split then groups by them and removes them
        String text = "KUBELET_EXTRA_ARGS=--node-labels=\"a=b, c=d\"\n";
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "").write("etc/default/kubelet", text).load();
        assertEquals(List.of(), n.problems());
        KubeletFlags f = n.kubeletFlags().orElseThrow();
        assertEquals(List.of(), f.strayArguments());
        CommandLineFlag labels = f.last("node-labels").orElseThrow();
        assertEquals("a=b, c=d", labels.value().orElseThrow());
        assertEquals("KUBELET_EXTRA_ARGS", labels.variable().orElseThrow());
        assertEquals("etc/default/kubelet:1:20", at(labels.origin()));
        assertEquals("\"a=b, c=d\"", n.kubeletEnvFiles().stream().filter(e -> e.file().equals("etc/default/kubelet"))
                .findFirst().orElseThrow().extraArgs().orElseThrow().value().substring("--node-labels=".length()));
    }

    @Test
    void bracedVariablesStayOneWord() {
        NodeConfig n = new NodeTree(tmp)
                .write("etc/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet ${KUBELET_KUBEADM_ARGS}\n"
                        + "EnvironmentFile=/var/lib/kubelet/kubeadm-flags.env\n")
                .write(FLAGS, "KUBELET_KUBEADM_ARGS=\"--node-labels=a=b, c=d\"\n")
                .load();
        KubeletFlags f = n.kubeletFlags().orElseThrow();
        assertEquals(List.of(), f.strayArguments());
        CommandLineFlag labels = f.last("node-labels").orElseThrow();
        assertEquals("a=b, c=d", labels.value().orElseThrow());
        assertEquals("KUBELET_KUBEADM_ARGS", labels.variable().orElseThrow());
        // the word is written in the unit
        assertEquals("etc/systemd/system/kubelet.service", labels.origin().file());
        assertEquals("etc/systemd/system/kubelet.service:2:1", at(f.execStart().orElseThrow()));
    }

    @Test
    void flagFormsKeepTheirValuesAndOrigins() {
        String text = "KUBELET_EXTRA_ARGS=--node-ip 10.0.0.7 --fail-swap-on --cgroup_driver=systemd --v=2 -v 3\n";
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "").write("etc/default/kubelet", text).load();
        KubeletFlags f = n.kubeletFlags().orElseThrow();
        CommandLineFlag ip = f.last("node-ip").orElseThrow();
        assertEquals(CommandLineFlag.Form.SEPARATE, ip.form());
        assertEquals("etc/default/kubelet:1:" + (text.indexOf("10.0.0.7") + 1), at(ip.valueOrigin().orElseThrow()));
        CommandLineFlag swap = f.last("fail-swap-on").orElseThrow();
        assertEquals(CommandLineFlag.Form.BARE, swap.form());
        assertEquals("true", swap.asSetting().value());
        CommandLineFlag driver = f.last("cgroup-driver").orElseThrow();
        assertEquals("--cgroup_driver=systemd", driver.written());
        assertEquals(CommandLineFlag.Form.EQUALS, driver.form());
        // the value origin covers just the value after '='
        assertEquals("etc/default/kubelet:1:" + (text.indexOf("systemd") + 1), at(driver.valueOrigin().orElseThrow()));
        assertEquals(7, driver.valueOrigin().get().length());
        assertEquals(List.of("2", "3"), f.all("v").stream().map(x -> x.value().orElseThrow()).toList());
        assertEquals(List.of(), f.strayArguments());
        assertFalse(n.effectiveKubelet().orElseThrow().setting("failSwapOn").orElseThrow().asBoolean().isEmpty());
    }

    @Test
    void aBooleanFollowedByItsValueLeavesAStrayWord() {
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--fail-swap-on false\n").load();
        List<StrayArgument> strays = n.kubeletFlags().orElseThrow().strayArguments();
        assertEquals(List.of("false"), strays.stream().map(StrayArgument::text).toList());
    }

    @Test
    void aLongNameAfterOneDashIsAProblem() {
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=-node-ip=10.0.0.7\n").load();
        assertEquals(1, n.problems().size(), n.problems().toString());
        Problem p = n.problems().get(0);
        assertEquals(Problem.Kind.SYNTAX, p.kind());
        assertEquals("etc/default/kubelet:1:20", at(p.origin()));
        assertTrue(p.message().contains("unknown shorthand flag"), p.message());
    }

    @Test
    void aLegacyEtcDropInShadowsThePackagedOneAndBothAreVisible() {
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "")
                .write("etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
                        NodeTree.KUBEADM_DROP_IN.replace("KUBELET_KUBECONFIG_ARGS=", "KUBELET_KUBECONFIG_ARGS=--v=4 "))
                .write("etc/systemd/system/kubelet.service.d/20-local.conf", "[Service]\nEnvironment=\"KUBELET_EXTRA_ARGS=--v=5\"\n")
                .load();
        KubeletSources s = n.kubeletSources().orElseThrow();
        assertEquals(List.of("etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
                "etc/systemd/system/kubelet.service.d/20-local.conf"), s.dropIns());
        assertEquals(List.of(new KubeletSources.ShadowedDropIn(NodeTree.DROP_IN_PATH,
                "etc/systemd/system/kubelet.service.d/10-kubeadm.conf")), s.shadowedDropIns());
        assertTrue(n.files().contains(NodeTree.DROP_IN_PATH));
        // the /etc file's ExecStart is the one in effect; Environment= from 20-local.conf feeds $KUBELET_EXTRA_ARGS
        KubeletFlags f = n.kubeletFlags().orElseThrow();
        assertEquals("etc/systemd/system/kubelet.service.d/10-kubeadm.conf", f.execStart().orElseThrow().file());
        assertEquals(List.of("4", "5"), f.all("v").stream().map(x -> x.value().orElseThrow()).toList());
    }

    @Test
    void aMaskedDropInHidesItsNameAndTheUnitHasNoCommandLine() {
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "")
                .link("etc/systemd/system/kubelet.service.d/10-kubeadm.conf", "/dev/null")
                .load();
        KubeletSources s = n.kubeletSources().orElseThrow();
        assertEquals(List.of(), s.dropIns());
        assertEquals(List.of("etc/systemd/system/kubelet.service.d/10-kubeadm.conf"), s.maskedDropIns());
        assertEquals(List.of(new KubeletSources.ShadowedDropIn(NodeTree.DROP_IN_PATH,
                "etc/systemd/system/kubelet.service.d/10-kubeadm.conf")), s.shadowedDropIns());
        assertTrue(n.kubeletFlags().isEmpty());
        // without --config the file kubeadm writes is still read, and that is recorded
        assertTrue(n.kubeletConfiguration().isPresent());
        assertTrue(s.assumptions().stream().anyMatch(a -> a.contains("no --config")), s.assumptions().toString());
    }

    @Test
    void aMaskedUnitIsRecorded() {
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "")
                .link("etc/systemd/system/kubelet.service", "/dev/null").load();
        KubeletSources s = n.kubeletSources().orElseThrow();
        assertTrue(s.unitMasked());
        assertTrue(n.kubeletFlags().isEmpty());
        assertTrue(s.assumptions().stream().anyMatch(a -> a.contains("masked")));
    }

    @Test
    void withoutAUnitKubeadmsDropInIsAssumed() {
        NodeConfig n = new NodeTree(tmp)
                .write(FLAGS, "KUBELET_KUBEADM_ARGS=\"--cgroup-driver=cgroupfs --node-ip=10.0.0.1\"\n")
                .write("etc/sysconfig/kubelet", "KUBELET_EXTRA_ARGS=--node-ip=10.0.0.2\n")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--node-ip=10.0.0.3 --cgroup-driver=systemd\n")
                .load();
        assertEquals(List.of(), n.problems());
        KubeletSources s = n.kubeletSources().orElseThrow();
        assertFalse(s.hasUnit());
        assertEquals(List.of(FLAGS, "etc/sysconfig/kubelet", "etc/default/kubelet"), s.environmentFiles());
        assertTrue(s.assumptions().stream().anyMatch(a -> a.contains("$KUBELET_KUBEADM_ARGS (" + FLAGS + ") then "
                + "$KUBELET_EXTRA_ARGS (etc/default/kubelet)")), s.assumptions().toString());
        KubeletFlags f = n.kubeletFlags().orElseThrow();
        assertTrue(f.execStart().isEmpty());
        assertEquals(List.of("10.0.0.1", "10.0.0.3"), f.all("node-ip").stream().map(x -> x.value().orElseThrow()).toList());
        assertEquals("systemd", n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals(3, n.kubeletEnvFiles().size());
        assertTrue(n.kubeletConfiguration().isEmpty());

        NodeConfig withConfig = new NodeTree(tmp).write("var/lib/kubelet/config.yaml", NodeTree.HEADER).load();
        assertTrue(withConfig.kubeletSources().orElseThrow().assumptions().stream()
                .anyMatch(a -> a.contains("--config file kubeadm's drop-in names")), withConfig.kubeletSources().get().assumptions().toString());
    }

    @Test
    void aRelativeConfigPathStartsAtTheUnitsWorkingDirectory() {
        NodeConfig n = new NodeTree(tmp)
                .write("etc/systemd/system/kubelet.service", "[Service]\nWorkingDirectory=/etc/kubelet\n"
                        + "ExecStart=/usr/bin/kubelet --config=conf/kubelet.yaml\n")
                .write("etc/kubelet/conf/kubelet.yaml", NodeTree.HEADER + "cgroupDriver: systemd\n")
                .load();
        assertEquals(List.of(), n.problems());
        assertEquals("etc/kubelet/conf/kubelet.yaml", n.kubeletConfiguration().orElseThrow().file());

        NodeConfig root = new NodeTree(tmp.resolve("r"))
                .write("etc/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet --config=var/lib/kubelet/config.yaml\n")
                .write("var/lib/kubelet/config.yaml", NodeTree.HEADER).load();
        assertEquals("var/lib/kubelet/config.yaml", root.kubeletConfiguration().orElseThrow().file());
        assertEquals(List.of(), root.kubeletSources().orElseThrow().assumptions().stream()
                .filter(a -> a.contains("--config")).toList());
    }

    @Test
    void aRequiredEnvironmentFileThatIsMissingIsAProblem() {
        NodeConfig n = new NodeTree(tmp)
                .write("etc/systemd/system/kubelet.service", "[Service]\nEnvironmentFile=/etc/kubelet.env\nExecStart=/usr/bin/kubelet $ARGS\n")
                .load();
        assertEquals(1, n.problems().size(), n.problems().toString());
        assertEquals("etc/systemd/system/kubelet.service", n.problems().get(0).origin().file());
        assertEquals(List.of(), n.kubeletFlags().orElseThrow().flags());
    }
}
