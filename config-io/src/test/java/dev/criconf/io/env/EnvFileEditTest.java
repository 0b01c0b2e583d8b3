package dev.criconf.io.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.criconf.io.EditException;
import dev.criconf.io.args.Argument;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvFileEditTest {

    private static final FlagSpec KUBELET = FlagSpec.kubelet();

    private static String edit(String text, String var, FlagEdit e) {
        return EnvFile.parse("t", text).editFlags(var, e, KUBELET).text();
    }

    @Test
    void setChangesOnlyTheValueInsideTheQuotes() {
        assertEquals("# kubeadm\nKUBELET_KUBEADM_ARGS=\"--a=1 --b=3\"\n",
                edit("# kubeadm\nKUBELET_KUBEADM_ARGS=\"--a=1 --b=2\"\n", "KUBELET_KUBEADM_ARGS", FlagEdit.set("b", "3")));
    }

    @Test
    void setKeepsTheSeparateValueForm() {
        assertEquals("K=\"--a 1 --b   3\"\n", edit("K=\"--a 1 --b   2\"\n", "K", FlagEdit.set("b", "3")));
    }

    @Test
    void setTheEffectiveOccurrenceOfARepeatedScalar() {
        assertEquals("K=\"--b=1 --b=9\"\n", edit("K=\"--b=1 --b=2\"\n", "K", FlagEdit.set("b", "9")));
    }

    @Test
    void setAMapFlagRemovesTheOtherOccurrences() {
        assertEquals("K=\"--feature-gates=C=true --v=2\"\n",
                edit("K=\"--feature-gates=A=true --feature-gates=B=false --v=2\"\n", "K",
                        FlagEdit.set("feature-gates", "C=true")));
    }

    @Test
    void addAndRemove() {
        assertEquals("K=\"--a=1 --b=2 --c=x\"\n", edit("K=\"--a=1 --b=2\"\n", "K", FlagEdit.add("c", "x")));
        assertEquals("K=\"--b=2\"\n", edit("K=\"--a=1 --b=2\"\n", "K", FlagEdit.remove("a")));
        assertEquals("K=\"--a=1\"\n", edit("K=\"--a=1 --b 2\"\n", "K", FlagEdit.remove("b")));
        assertEquals("K=\"\"\n", edit("K=\"--a=1\"\n", "K", FlagEdit.remove("a")));
    }

    @Test
    void valuesWithBlanksAreQuotedForTheSplitAndEscapedForTheFile() {
        String out = edit("K=\"--a=1\"\n", "K", FlagEdit.add("node-labels", "a=b c"));
        assertEquals("K=\"--a=1 \\\"--node-labels=a=b c\\\"\"\n", out);
        assertEquals(List.of("--a=1", "--node-labels=a=b c"),
                EnvFile.parse("t", out).get("K").orElseThrow().words().stream().map(Argument::text).toList());
    }

    @Test
    void unquotedValuesStayUnquoted() {
        // kind's /etc/default/kubelet has no final newline
        assertEquals("KUBELET_EXTRA_ARGS=--runtime-cgroups=/system.slice/containerd.service --v=4",
                edit("KUBELET_EXTRA_ARGS=--runtime-cgroups=/system.slice/containerd.service", "KUBELET_EXTRA_ARGS",
                        FlagEdit.add("v", "4")));
        assertEquals("KUBELET_EXTRA_ARGS=--v=4\n", edit("KUBELET_EXTRA_ARGS=\n", "KUBELET_EXTRA_ARGS", FlagEdit.set("v", "4")));
        assertEquals("KUBELET_EXTRA_ARGS=\"--v=4\"\n",
                edit("KUBELET_EXTRA_ARGS=\"\"\n", "KUBELET_EXTRA_ARGS", FlagEdit.set("v", "4")));
    }

    @Test
    void singleQuotedValuesStaySingleQuoted() {
        assertEquals("K='--a=2'\n", edit("K='--a=1'\n", "K", FlagEdit.set("a", "2")));
        // a quote that single quotes cannot hold makes the value double-quoted
        String out = edit("K='--a=1'\n", "K", FlagEdit.set("a", "it's"));
        assertEquals(List.of("--a=it's"), EnvFile.parse("t", out).get("K").orElseThrow().words().stream().map(Argument::text).toList());
    }

    @Test
    void missingVariableIsCreated() {
        assertEquals("A=1\nKUBELET_EXTRA_ARGS=--v=2\n", edit("A=1\n", "KUBELET_EXTRA_ARGS", FlagEdit.set("v", "2")));
        assertEquals("A=1\r\nKUBELET_EXTRA_ARGS=--v=2\r\n", edit("A=1\r\n", "KUBELET_EXTRA_ARGS", FlagEdit.set("v", "2")));
        // the split needs the word quoted, the file needs those quotes escaped
        assertEquals("A=1\nK=\"\\\"--l=a b\\\"\"\n", edit("A=1", "K", FlagEdit.add("l", "a b")));
        EnvFile f = EnvFile.parse("t", "A=1\n");
        assertSame(f, f.editFlags("K", FlagEdit.remove("v"), KUBELET));
    }

    @Test
    void theEffectiveAssignmentIsEdited() {
        assertEquals("K=\"--a=1\"\nK=\"--a=3\"\n", edit("K=\"--a=1\"\nK=\"--a=2\"\n", "K", FlagEdit.set("a", "3")));
    }

    @Test
    void continuedValuesAreEditedInPlace() {
        assertEquals("K=\"--a=1 \\\n --b=3\"\n", edit("K=\"--a=1 \\\n --b=2\"\n", "K", FlagEdit.set("b", "3")));
    }

    @Test
    void setAndRemoveVariables() {
        EnvFile f = EnvFile.parse("t", "# c\nA=1\nB=\"x y\"\nA=2\n");
        assertEquals("# c\nA=1\nB=\"z\"\nA=2\n", f.set("B", "z").text());
        assertEquals("# c\nA=1\nB=\"x y\"\nA=\"a b\"\n", f.set("A", "a b").text());
        assertEquals("# c\nB=\"x y\"\n", f.remove("A").text());
        assertEquals("# c\nA=1\nB=\"x y\"\nA=2\nC=3\n", f.set("C", "3").text());
        assertEquals("# c\nA=1\nB=\"x y\"\nA=2\n", f.text());
    }

    @Test
    void refusesNamesSystemdDoesNotAccept() {
        EnvFile f = EnvFile.parse("t", "A=1\n");
        assertThrows(EditException.class, () -> f.set("export A", "1"));
        assertThrows(EditException.class, () -> f.set("A", "x\0y"));
    }
}
