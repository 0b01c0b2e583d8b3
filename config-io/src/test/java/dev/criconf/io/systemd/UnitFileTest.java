package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileTest {

    @Test
    void sectionsAndKeysKeepTheirOrderAndRepeats() {
        UnitFile u = UnitFile.parse("x.service", "[Unit]\nAfter=a\n[Service]\nExecStartPre=/bin/a\n[Unit]\nAfter=b\n"
                + "[Service]\nExecStartPre=/bin/b\n");
        assertEquals(List.of("Unit", "Service", "Unit", "Service"), u.sections().stream().map(UnitSection::name).toList());
        assertEquals(List.of("a", "b"), u.values("Unit", "After"));
        assertEquals(List.of("/bin/a", "/bin/b"), u.values("Service", "ExecStartPre"));
        assertEquals("x.service:6:1", u.assignments("Unit", "After").get(1).keyOrigin().toString());
        assertTrue(u.problems().isEmpty());
    }

    @Test
    void commentsOnlyAtTheStartOfALine() {
        UnitFile u = UnitFile.parse("x.service", "# c\n  ; c\n[Unit]\nDescription=a # not a comment ; nor this\n");
        assertEquals("a # not a comment ; nor this", u.value("Unit", "Description").orElseThrow());
    }

    @Test
    void continuationJoinsLinesAsSystemdDoes() {
        String text = "[Service]\nExecStart=/usr/bin/kubelet \\\n  --a=1 \\\n# a comment between continuation lines\n"
                + "  --b=2\nRestart=always\n";
        UnitFile u = UnitFile.parse("x.service", text);
        UnitAssignment a = u.assignments("Service", "ExecStart").get(0);
        // the backslash becomes a blank, the next line follows as written, the comment line is skipped
        assertEquals("/usr/bin/kubelet    --a=1    --b=2", a.value());
        assertEquals("x.service:2:11", a.valueOrigin().toString());
        assertEquals(text.indexOf("--b=2") + 5, a.valueOrigin().endOffset());
        assertEquals("x.service:5:3", a.originOf(a.value().indexOf("--b"), a.value().length()).toString());
        assertEquals("always", u.value("Service", "Restart").orElseThrow());
        // an escaped backslash at the end does not continue
        assertEquals("a\\\\", UnitFile.parse("x", "[A]\nK=a\\\\\nL=b\n").value("A", "K").orElseThrow());
        // a continuation at the end of the file ends the value
        assertEquals("a", UnitFile.parse("x", "[A]\nK=a \\").value("A", "K").orElseThrow());
    }

    @Test
    void emptyAssignmentResetsTheList() {
        UnitFile u = UnitFile.parse("x", "[Service]\nExecStart=/a\nExecStart=\nExecStart=/b\n");
        assertEquals(List.of("/b"), u.values("Service", "ExecStart"));
        assertTrue(u.assignments("Service", "ExecStart").get(1).isEmpty());
    }

    @Test
    void blanksAroundKeysAndValuesAreTrimmed() {
        UnitFile u = UnitFile.parse("x", "[A]\n  Key =  v a l  \t\n");
        assertEquals("v a l", u.value("A", "Key").orElseThrow());
        assertEquals("x:2:3", u.assignments().get(0).keyOrigin().toString());
    }

    @Test
    void byteOrderMarkAndCrlf() {
        UnitFile u = UnitFile.parse("x", "\uFEFF[Unit]\r\nA=1\r\nB=2 \\\r\n  3\r\n");
        assertEquals("1", u.value("Unit", "A").orElseThrow());
        assertEquals("2    3", u.value("Unit", "B").orElseThrow());
        assertTrue(u.problems().isEmpty());
    }

    @Test
    void grammarProblemsAreLocated() {
        UnitFile u = UnitFile.parse("x.service", "A=1\n[Unit\n[Unit]\nnothing here\n=v\n[Se\"rvice]\n");
        List<String> where = u.problems().stream().map(p -> p.origin() + " " + p.message()).toList();
        assertEquals(5, where.size(), where::toString);
        assertTrue(where.get(0).startsWith("x.service:1:1 assignment outside of any section"));
        assertTrue(where.get(1).startsWith("x.service:2:1 invalid section header"));
        assertTrue(where.get(2).startsWith("x.service:4:1 no '='"));
        assertTrue(where.get(3).startsWith("x.service:5:1 no key name"));
        assertTrue(where.get(4).startsWith("x.service:6:1 bad characters"));
    }

    @Test
    void execAndEnvironmentLinesSystemdRejectsAreProblems() {
        UnitFile u = UnitFile.parse("x.service", "[Service]\nExecStart=/bin/sh -c \"echo\nEnvironment=\"A=1\" B=2 C='x\n"
                + "Environment=1A=x\n");
        List<Problem> ps = u.problems();
        assertEquals(3, ps.size(), ps::toString);
        assertEquals("x.service:2:22", ps.get(0).origin().toString());
        assertEquals("x.service:3:23", ps.get(1).origin().toString());
        assertTrue(ps.get(2).message().contains("invalid environment assignment '1A=x'"));
    }

    @Test
    void bangAfterPlusIsNotAPrefix() {
        // load-fragment.c: '!' is a prefix only while neither '+' nor '!!' is set
        UnitFile u = UnitFile.parse("x.service", "[Service]\nExecStart=+!/bin/p\n");
        assertEquals(1, u.problems().size());
        assertTrue(u.problems().get(0).message().contains("!/bin/p"));
    }

    @Test
    void environmentWordsAreQuotedAssignments() {
        UnitFile u = UnitFile.parse("kubelet.service", "[Service]\nEnvironment=\"A=b c\" D=e 'F=g h' SOCK=%t/x.sock\n");
        List<EnvironmentEntry> es = EnvironmentEntry.parse(u.assignments().get(0), Specifiers.systemUnit("kubelet.service")).entries();
        assertEquals(List.of("A=b c", "D=e", "F=g h", "SOCK=/run/x.sock"), es.stream().map(e -> e.name() + "=" + e.value()).toList());
        assertEquals("kubelet.service:2:13", es.get(0).origin().toString());
        assertEquals(7, es.get(0).origin().length());
        assertEquals("kubelet.service:2:16", es.get(0).originOf(0, 1).toString());
    }

    @Test
    void unitNameFromTheFileName() {
        assertEquals("kubelet.service", UnitFile.parse("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", "").unitName()
                .orElseThrow());
        assertEquals("cri-docker.socket", UnitFile.parse("etc/systemd/system/cri-docker.socket", "").unitName().orElseThrow());
        assertTrue(UnitFile.parse("10-kubeadm.conf", "").unitName().isEmpty());
    }
}
