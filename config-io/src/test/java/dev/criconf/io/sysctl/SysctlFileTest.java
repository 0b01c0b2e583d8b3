package dev.criconf.io.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SysctlFileTest {

    private static final String SAMPLE = "# comment\n"
            + "; another comment\n"
            + "\n"
            + "net.ipv4.ip_forward = 1\n"
            + "net/bridge/bridge-nf-call-iptables=1\n"
            + "  -kernel.sysrq\t=\t16  \n"
            + "-net.ipv4.conf.all.rp_filter\n"
            + "vm.swappiness = 10 # not a comment\n"
            + "kernel.core_pattern = |/usr/lib/systemd/systemd-coredump %P %u=x\n";

    @Test
    void readsEveryKindOfLine() {
        SysctlFile f = SysctlFile.parse("/etc/sysctl.d/10-test.conf", SAMPLE);
        assertEquals(SAMPLE, f.text());
        assertEquals(List.of(), f.problems());
        List<SysctlEntry> es = f.entries();
        assertEquals(6, es.size());

        SysctlEntry forward = es.get(0);
        assertEquals("net.ipv4.ip_forward", forward.key());
        assertEquals(Optional.of("1"), forward.value());
        assertFalse(forward.ignoreFailure());
        assertEquals("/etc/sysctl.d/10-test.conf:4:1", forward.origin().toString());
        assertEquals(23, forward.origin().length());
        assertEquals("/etc/sysctl.d/10-test.conf:4:23", forward.valueOrigin().orElseThrow().toString());

        SysctlEntry bridge = es.get(1);
        assertEquals("net.bridge.bridge-nf-call-iptables", bridge.key());
        assertEquals("net/bridge/bridge-nf-call-iptables", bridge.rawKey());
        assertEquals("net/bridge/bridge-nf-call-iptables", bridge.path());

        SysctlEntry sysrq = es.get(2);
        assertEquals("kernel.sysrq", sysrq.key());
        assertEquals(Optional.of("16"), sysrq.value());
        assertTrue(sysrq.ignoreFailure());
        assertEquals("/etc/sysctl.d/10-test.conf:6:3", sysrq.origin().toString());
        assertEquals("/etc/sysctl.d/10-test.conf:6:4", sysrq.keyOrigin().toString());

        SysctlEntry excluded = es.get(3);
        assertTrue(excluded.isExclusion());
        assertFalse(excluded.ignoreFailure());
        assertEquals("net.ipv4.conf.all.rp_filter", excluded.key());
        assertEquals(Optional.empty(), excluded.valueOrigin());

        assertEquals(Optional.of("10 # not a comment"), es.get(4).value(), "there are no end-of-line comments");
        assertEquals(Optional.of("|/usr/lib/systemd/systemd-coredump %P %u=x"), es.get(5).value(), "the first '=' separates");
    }

    @Test
    void laterAssignmentInTheSameFileWinsWhateverTheSpelling() {
        SysctlFile f = SysctlFile.parse("f", "net.ipv4.ip_forward = 0\nnet/ipv4/ip_forward = 1\n");
        assertEquals(Optional.of("1"), f.value("net.ipv4.ip_forward"));
        assertEquals(2, f.get("net/ipv4/ip_forward").orElseThrow().origin().line());
        assertEquals(Optional.empty(), f.value("net.ipv6.conf.all.forwarding"));
    }

    @Test
    void reportsMalformedLinesWithTheirPlace() {
        SysctlFile f = SysctlFile.parse("bad.conf", "a.b = 1\nthis is not valid\n  = 5\n-\nc.d=2\n");
        assertEquals(List.of("bad.conf:2:1", "bad.conf:3:3", "bad.conf:4:1"),
                f.problems().stream().map(p -> p.origin().toString()).toList());
        assertTrue(f.problems().get(0).message().contains("not an assignment"), f.problems().get(0).message());
        assertTrue(f.problems().stream().allMatch(p -> p.kind() == Problem.Kind.SYNTAX));
        assertEquals(List.of("a.b", "c.d"), f.entries().stream().map(SysctlEntry::key).toList());
        assertTrue(f.hasErrors());
    }

    @Test
    void byteOrderMarkIsReportedBecauseSystemdReadsItAsPartOfTheFirstKey() {
        byte[] bytes = "\uFEFFnet.ipv4.ip_forward=1\n".getBytes(StandardCharsets.UTF_8);
        SysctlFile f = SysctlFile.parse("bom.conf", bytes);
        assertEquals("bom.conf:1:1", f.problems().get(0).origin().toString());
        assertEquals("net.ipv4.ip_forward", f.entries().get(0).key());
        assertEquals("bom.conf:1:2", f.entries().get(0).origin().toString());
        assertEquals(new String(bytes, StandardCharsets.UTF_8), f.text());
    }

    @Test
    void invalidUtf8AndOversizedInputAreProblemsNotExceptions() {
        SysctlFile bad = SysctlFile.parse("x.conf", new byte[] {'a', '=', (byte) 0xc3, '\n'});
        assertEquals(Problem.Kind.SYNTAX, bad.problems().get(0).kind());
        assertEquals("x.conf:1:3", bad.problems().get(0).origin().toString());
        SysctlFile big = SysctlFile.parse("big.conf", "a = 1\n".getBytes(StandardCharsets.UTF_8),
                ParseLimits.DEFAULTS.withMaxFileBytes(4));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, big.problems().get(0).kind());
    }

    @Test
    void roundTripsLineEndingsAndMissingFinalNewline() {
        for (String text : List.of("", "\n", "a=1", "a=1\r\nb=2\r\n", "a=1\rb=2\r", "a=1\n\n\n# c\n  ", "\t\t\n")) {
            SysctlFile f = SysctlFile.parse("f", text);
            assertEquals(text, f.text());
            assertEquals(text, new String(f.toBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(List.of("a", "b"), SysctlFile.parse("f", "a=1\rb=2\r").entries().stream().map(SysctlEntry::key).toList());
    }

    // ------------------------------------------------------------------ edits

    @Test
    void setReplacesTheValueInPlace() {
        assertEquals("net.ipv4.ip_forward = 1\n",
                SysctlFile.parse("f", "net.ipv4.ip_forward = 0\n").set("net.ipv4.ip_forward", "1").text());
        assertEquals("net/ipv4/ip_forward=1\r\n",
                SysctlFile.parse("f", "net/ipv4/ip_forward=0\r\n").set("net.ipv4.ip_forward", "1").text());
        assertEquals("-net.ipv4.ip_forward\t=\t1  \n# end\n",
                SysctlFile.parse("f", "-net.ipv4.ip_forward\t=\t0  \n# end\n").set("net.ipv4.ip_forward", "1").text());
        assertEquals("a.b = 1\na.b = 3\n", SysctlFile.parse("f", "a.b = 1\na.b = 2\n").set("a.b", "3").text(),
                "the assignment that takes effect is the one changed");
        assertEquals("a.b = 5\n", SysctlFile.parse("f", "a.b =\n").set("a.b", "5").text());
        assertEquals("a.b=5\n", SysctlFile.parse("f", "a.b=\n").set("a.b", "5").text());
        assertEquals("a.b = \n", SysctlFile.parse("f", "a.b = 7\n").set("a.b", "").text());
        assertEquals("x.y = 1024 65000", SysctlFile.parse("f", "x.y = 1 2").set("x.y", "1024 65000").text());
    }

    @Test
    void setWithTheSameValueChangesNothing() {
        SysctlFile f = SysctlFile.parse("f", "net.ipv4.ip_forward=1\n");
        assertSame(f, f.set("net/ipv4/ip_forward", "1"));
    }

    @Test
    void setAppendsAMissingKeyInTheFileStyle() {
        assertEquals("# k8s\nnet.bridge.bridge-nf-call-iptables  = 1\nnet.ipv4.ip_forward  = 1\n",
                SysctlFile.parse("f", "# k8s\nnet.bridge.bridge-nf-call-iptables  = 1\n").set("net.ipv4.ip_forward", "1").text());
        assertEquals("a.b=1\r\nc.d=2\r\ne.f=3",
                SysctlFile.parse("f", "a.b=1\r\nc.d=2").set("e.f", "3").text(), "CRLF kept, still no final newline");
        assertEquals("net.ipv4.ip_forward = 1\n", SysctlFile.parse("f", "").set("net.ipv4.ip_forward", "1").text());
        assertEquals("# nothing yet\nnet.ipv4.ip_forward = 1\n",
                SysctlFile.parse("f", "# nothing yet\n").set("net.ipv4.ip_forward", "1").text());
        assertEquals("-a.b\nnet/ipv4/ip_forward = 1\n",
                SysctlFile.parse("f", "-a.b\n").set("net/ipv4/ip_forward", "1").text(), "the key is written as given");
    }

    @Test
    void removeDropsEveryLineOfTheKey() {
        assertEquals("a.b = 1\n# keep\nc.d = 2\n",
                SysctlFile.parse("f", "a.b = 1\n# keep\nnet/ipv4/ip_forward = 0\nc.d = 2\n-net.ipv4.ip_forward = 1\n")
                        .remove("net.ipv4.ip_forward").text());
        assertEquals("a.b = 1", SysctlFile.parse("f", "a.b = 1\nc.d = 2").remove("c.d").text());
        assertEquals("a.b = 1\r\n", SysctlFile.parse("f", "a.b = 1\r\nc.d = 2\r\n").remove("c.d").text());
        assertEquals("b.c=2\n", SysctlFile.parse("f", "-a.b\nb.c=2\n").remove("a.b").text(), "exclusions too");
        assertEquals("", SysctlFile.parse("f", "a.b = 1").remove("a.b").text());
        SysctlFile f = SysctlFile.parse("f", "a.b = 1\n");
        assertSame(f, f.remove("x.y"));
    }

    @Test
    void refusesEditsItCannotWriteOrVerify() {
        SysctlFile f = SysctlFile.parse("f", "a.b = 1\n");
        assertThrows(EditException.class, () -> f.set("a.b", "1\nc.d = 2"));
        assertThrows(EditException.class, () -> f.set("a.b", " 2"));
        assertThrows(EditException.class, () -> f.set("a.b", "2\t"));
        assertThrows(EditException.class, () -> f.set("a=b", "2"));
        assertThrows(EditException.class, () -> f.set("#a.b", "2"));
        assertThrows(EditException.class, () -> f.set("-a.b", "2"));
        assertThrows(EditException.class, () -> f.set("", "2"));
        assertThrows(EditException.class, () -> f.set(" a.b", "2"));
        SysctlFile broken = SysctlFile.parse("f", "a.b = 1\nnot valid\n");
        EditException e = assertThrows(EditException.class, () -> broken.set("a.b", "2"));
        assertTrue(e.getMessage().contains("f:2:1"), e.getMessage());
        assertEquals("a.b = 1\n", f.text(), "a refused edit leaves the document as it was");
    }
}
