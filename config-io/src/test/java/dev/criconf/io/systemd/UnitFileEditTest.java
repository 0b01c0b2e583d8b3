package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.criconf.io.EditException;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileEditTest {

    private static final String CRI_DOCKER = "[Unit]\nDescription=CRI Interface for Docker Application Container Engine\n\n"
            + "[Service]\nType=notify\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint fd://\n"
            + "ExecReload=/bin/kill -s HUP $MAINPID\n\n# Note\nDelegate=yes\n\n[Install]\nWantedBy=multi-user.target\n";

    private static UnitFile unit(String text) {
        return UnitFile.parse("x.service", text);
    }

    @Test
    void setReplacesOnlyTheValue() {
        assertEquals(CRI_DOCKER.replace("Type=notify", "Type=simple"), unit(CRI_DOCKER).set("Service", "Type", "simple").text());
        assertEquals(CRI_DOCKER.replace("Delegate=yes\n", "Delegate=yes\nRestart=always\n"),
                unit(CRI_DOCKER).set("Service", "Restart", "always").text());
    }

    @Test
    void addGoesAfterTheSectionsLastAssignment() {
        assertEquals(CRI_DOCKER.replace("multi-user.target\n", "multi-user.target\nAlso=x.socket\n"),
                unit(CRI_DOCKER).add("Install", "Also", "x.socket").text());
        assertEquals("[A]\r\nK=1\r\n\r\n[B]\r\nL=2\r\n", unit("[A]\r\nK=1\r\n").add("B", "L", "2").text());
        assertEquals("[A]\nK=1\n\n[B]\nL=2\n", unit("[A]\nK=1").add("B", "L", "2").text());
        assertEquals("[A]\nK=1\nL=2\n", unit("[A]\nK=1").add("A", "L", "2").text());
        assertEquals("[A]\nL=2\n# c\n[B]\n", unit("[A]\n# c\n[B]\n").add("A", "L", "2").text());
    }

    @Test
    void removeTakesWholeLinesWithTheirContinuations() {
        String text = "[Service]\nExecStart=\nExecStart=/bin/a \\\n  --b\nRestart=always\n";
        assertEquals("[Service]\nRestart=always\n", unit(text).remove("Service", "ExecStart").text());
        UnitFile u = unit(text);
        assertSame(u, u.remove("Service", "Nope"));
    }

    @Test
    void addSection() {
        assertEquals("[Unit]\nA=1\n\n[Service]\n", unit("[Unit]\nA=1\n").addSection("Service").text());
    }

    @Test
    void refusedValues() {
        UnitFile u = unit(CRI_DOCKER);
        assertThrows(EditException.class, () -> u.set("Service", "Type", "a\nb"));
        assertThrows(EditException.class, () -> u.set("Service", "Type", " a"));
        assertThrows(EditException.class, () -> u.set("Service", "Type", "a\\"));
        assertThrows(EditException.class, () -> u.set("Service", "Ty pe", "a"));
        assertThrows(EditException.class, () -> u.addSection("A]"));
    }

    @Test
    void execFlagsAreEditedWordByWord() {
        UnitFile u = unit(CRI_DOCKER);
        FlagSpec spec = FlagSpec.criDockerd();
        assertEquals(CRI_DOCKER.replace("fd://", "unix:///run/cri-dockerd.sock"),
                u.editExecFlags("Service", "ExecStart", FlagEdit.set("container-runtime-endpoint", "unix:///run/cri-dockerd.sock"),
                        spec).text());
        assertEquals(CRI_DOCKER.replace("fd://", "fd:// --pod-infra-container-image=registry.k8s.io/pause:3.10"),
                u.editExecFlags("Service", "ExecStart", FlagEdit.set("pod-infra-container-image", "registry.k8s.io/pause:3.10"),
                        spec).text());
        assertEquals(CRI_DOCKER.replace(" --container-runtime-endpoint fd://", ""),
                u.editExecFlags("Service", "ExecStart", FlagEdit.remove("container-runtime-endpoint"), spec).text());
    }

    @Test
    void execFlagValuesAreQuotedAndEscapedForSystemd() {
        UnitFile u = unit("[Service]\nExecStart=/bin/p --a=1\n");
        String out = u.editExecFlags("Service", "ExecStart", FlagEdit.add("l", "x y%$"), FlagSpec.kubelet()).text();
        assertEquals("[Service]\nExecStart=/bin/p --a=1 \"--l=x y%%$$\"\n", out);
        ExecCommand c = ExecCommand.parse(unit(out).assignments().get(0), Specifiers.systemUnit("x.service")).commands().get(0);
        assertEquals(List.of("/bin/p", "--a=1", "--l=x y%$"),
                CommandLine.expand(c, UnitEnvironment.empty()).strings());
    }

    @Test
    void continuedExecStartKeepsItsLayout() {
        String text = "[Service]\nExecStart=/usr/bin/kubelet \\\n    --a=1 \\\n# note\n    --b=2 \\\n    --c=3\n";
        UnitFile u = unit(text);
        FlagSpec spec = FlagSpec.kubelet();
        assertEquals(text.replace("--b=2", "--b=9"), u.editExecFlags("Service", "ExecStart", FlagEdit.set("b", "9"), spec).text());
        assertEquals(text.replace("--c=3", "--c=3 --d=4"), u.editExecFlags("Service", "ExecStart", FlagEdit.add("d", "4"), spec).text());
        assertEquals("[Service]\nExecStart=/usr/bin/kubelet \\\n    --a=1 \\\n# note\n    \\\n    --c=3\n",
                u.editExecFlags("Service", "ExecStart", FlagEdit.remove("b"), spec).text());
        // the last word goes; its line keeps its indentation, which the continuation before it now joins
        assertEquals("[Service]\nExecStart=/usr/bin/kubelet \\\n    --a=1 \\\n# note\n    --b=2 \\\n    \n",
                u.editExecFlags("Service", "ExecStart", FlagEdit.remove("c"), spec).text());
    }

    @Test
    void execEditTargetsTheCommandInEffect() {
        String text = "[Service]\nExecStart=\nExecStart=/bin/p --a 1\n";
        assertEquals("[Service]\nExecStart=\nExecStart=/bin/p --a 2\n",
                unit(text).editExecFlags("Service", "ExecStart", FlagEdit.set("a", "2"), FlagSpec.kubelet()).text());
        assertThrows(EditException.class, () -> unit("[Service]\nExecStart=/bin/p\nExecStart=\n")
                .editExecFlags("Service", "ExecStart", FlagEdit.set("a", "2"), FlagSpec.kubelet()));
        assertThrows(EditException.class, () -> unit("[Service]\nExecStart=/bin/p \"x\n")
                .editExecFlags("Service", "ExecStart", FlagEdit.set("a", "2"), FlagSpec.kubelet()));
    }

    @Test
    void environmentFlagsKeepTheWordsQuoting() {
        String text = "[Service]\nEnvironment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/b --kubeconfig=/k\" OTHER=x\n"
                + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n";
        UnitFile u = unit(text);
        FlagSpec spec = FlagSpec.kubelet();
        assertEquals(text.replace("--config=/var/lib/kubelet/config.yaml", "--config=/etc/kubelet.yaml"),
                u.editEnvironmentFlags("Service", "KUBELET_CONFIG_ARGS", FlagEdit.set("config", "/etc/kubelet.yaml"), spec).text());
        assertEquals(text.replace("--kubeconfig=/k", "--kubeconfig=/k --v=2"),
                u.editEnvironmentFlags("Service", "KUBELET_KUBECONFIG_ARGS", FlagEdit.add("v", "2"), spec).text());
        assertEquals(text.replace("--bootstrap-kubeconfig=/b ", ""),
                u.editEnvironmentFlags("Service", "KUBELET_KUBECONFIG_ARGS", FlagEdit.remove("bootstrap-kubeconfig"), spec).text());
        // a value with a blank needs quotes for the $NAME split, escaped inside the Environment= word
        String labels = u.editEnvironmentFlags("Service", "KUBELET_CONFIG_ARGS", FlagEdit.add("node-labels", "a=b c"), spec).text();
        assertEquals(text.replace("config.yaml\"", "config.yaml \\\"--node-labels=a=b c\\\"\""), labels);
        UnitFile again = unit(labels);
        EnvironmentEntry e = EnvironmentEntry.parse(again.assignments().get(1), Specifiers.systemUnit("x.service")).entries().get(0);
        assertEquals(List.of("--config=/var/lib/kubelet/config.yaml", "--node-labels=a=b c"),
                e.words().stream().map(dev.criconf.io.args.Argument::text).toList());
    }

    @Test
    void unquotedEnvironmentWordsGetQuotesOnlyWhereNeeded() {
        UnitFile u = unit("[Service]\nEnvironment=A=--x=1\n");
        assertEquals("[Service]\nEnvironment=A=--x=2\n",
                u.editEnvironmentFlags("Service", "A", FlagEdit.set("x", "2"), FlagSpec.kubelet()).text());
        String added = u.editEnvironmentFlags("Service", "A", FlagEdit.add("y", "3"), FlagSpec.kubelet()).text();
        UnitFile again = unit(added);
        assertEquals("--x=1 --y=3", EnvironmentEntry.parse(again.assignments().get(0), Specifiers.systemUnit("x.service"))
                .entries().get(0).value());
    }
}
