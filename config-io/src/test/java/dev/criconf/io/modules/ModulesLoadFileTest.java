package dev.criconf.io.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulesLoadFileTest {

    @Test
    void oneModuleALineCommentsAndBlanksSkipped() {
        String text = "# Load modules for Kubernetes\n\noverlay\n  br_netfilter\t\n; ip_vs\n\t# nf_conntrack\nip_vs_rr";
        ModulesLoadFile f = ModulesLoadFile.parse("/etc/modules-load.d/k8s.conf", text);
        assertEquals(text, f.text());
        assertEquals(List.of(), f.problems());
        assertEquals(List.of("overlay", "br_netfilter", "ip_vs_rr"), f.modules().stream().map(ModuleEntry::name).toList());
        assertEquals("/etc/modules-load.d/k8s.conf:4:3", f.modules().get(1).origin().toString());
        assertEquals(12, f.modules().get(1).origin().length());
        assertTrue(f.contains("br-netfilter"), "kmod treats - and _ alike");
        assertFalse(f.contains("ip_vs"));
    }

    @Test
    void aLineWithBlanksInsideIsReported() {
        ModulesLoadFile f = ModulesLoadFile.parse("/etc/modules", "loop\nbonding mode=4 miimon=100\n");
        assertEquals(1, f.problems().size());
        assertEquals("/etc/modules:2:8", f.problems().get(0).origin().toString());
        assertTrue(f.problems().get(0).message().contains("modprobe.d"), f.problems().get(0).message());
    }

    @Test
    void roundTripsLineEndings() {
        for (String text : List.of("", "overlay", "overlay\r\nbr_netfilter\r\n", "a\rb\r", "\n\n  \n")) {
            assertEquals(text, ModulesLoadFile.parse("f", text).text());
        }
    }

    @Test
    void addAppendsInTheFileStyle() {
        assertEquals("overlay\nbr_netfilter\n", ModulesLoadFile.parse("f", "overlay\n").add("br_netfilter").text());
        assertEquals("# x\r\noverlay\r\nbr_netfilter", ModulesLoadFile.parse("f", "# x\r\noverlay").add("br_netfilter").text(),
                "CRLF kept, still no final newline");
        assertEquals("br_netfilter\n", ModulesLoadFile.parse("f", "").add("br_netfilter").text());
        ModulesLoadFile f = ModulesLoadFile.parse("f", "br-netfilter\n");
        assertSame(f, f.add("br_netfilter"));
    }

    @Test
    void removeDropsEveryLineNamingTheModule() {
        assertEquals("overlay\n# keep\n", ModulesLoadFile.parse("f", "overlay\nbr_netfilter\n# keep\nbr-netfilter\n")
                .remove("br_netfilter").text());
        assertEquals("overlay", ModulesLoadFile.parse("f", "overlay\nbr_netfilter").remove("br_netfilter").text());
        ModulesLoadFile f = ModulesLoadFile.parse("f", "overlay\n");
        assertSame(f, f.remove("br_netfilter"));
    }

    @Test
    void refusesNamesThatAreNotOneLineOneWord() {
        ModulesLoadFile f = ModulesLoadFile.parse("f", "overlay\n");
        assertThrows(EditException.class, () -> f.add("br_netfilter\noverlay"));
        assertThrows(EditException.class, () -> f.add("bonding mode=4"));
        assertThrows(EditException.class, () -> f.add("#x"));
        assertThrows(EditException.class, () -> f.add(""));
        ModulesLoadFile broken = ModulesLoadFile.parse("f", "bonding mode=4\n");
        assertThrows(EditException.class, () -> broken.add("overlay"));
    }
}
