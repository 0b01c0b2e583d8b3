package dev.criconf.model.host;

import static dev.criconf.testing.TestTrees.keyAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** systemd sysctl.d(5) and modules-load.d(5). */
class HostTest {

    @Test
    void sysctlKeysSwapSeparatorsWhenTheFirstIsASlash() {
        assertEquals("net.ipv4.ip_forward", SysctlSettings.normalizeKey("net/ipv4/ip_forward"));
        assertEquals("net.ipv4.conf.eth0/1.forwarding", SysctlSettings.normalizeKey("net/ipv4/conf/eth0.1/forwarding"));
        assertEquals("net.ipv4.conf.eth0/1.forwarding", SysctlSettings.normalizeKey("net.ipv4.conf.eth0/1.forwarding"));
        // the '-' of a line ("ignore failure") is the file parser's, not part of the name
        assertEquals("-net.ipv4.ip_forward", SysctlSettings.normalizeKey("-net.ipv4.ip_forward"));
    }

    @Test
    void sysctlKeyPathsAreSystemdsSysctlNormalize() {
        // systemd src/test/test-sysctl-util.c: the cases of test_sysctl_normalize()
        assertEquals("a/b/c", SysctlSettings.keyPath("a.b.c"));
        assertEquals("a/b/c", SysctlSettings.keyPath("a/b/c"));
        assertEquals("a/b.c/d", SysctlSettings.keyPath("a/b.c/d"));
        assertEquals("a/b.c/d", SysctlSettings.keyPath("a.b/c.d"));
        assertEquals("net/ipv4/conf/enp3s0.200/forwarding", SysctlSettings.keyPath("net.ipv4.conf.enp3s0/200.forwarding"));
        assertEquals("net/ipv4/conf/enp3s0.200/forwarding", SysctlSettings.keyPath("net/ipv4/conf/enp3s0.200/forwarding"));
        assertEquals("a/b/c", SysctlSettings.keyPath("a...b...c"));
        assertEquals("a/b/c", SysctlSettings.keyPath("a///b///c"));
        assertEquals("a/b/c", SysctlSettings.keyPath(".a...b...c"));
        assertEquals("a/b/c", SysctlSettings.keyPath("/a///b///c"));
    }

    @Test
    void aFirstComponentWithADotKeepsItsPathBehindALeadingSlash() {
        // "/a.b/c" is the path a.b/c; the dotted spelling "a/b.c" would be read as the path a/b.c
        assertEquals("/a.b/c", SysctlSettings.normalizeKey("/a.b/c"));
        assertEquals("/a.b/c", SysctlSettings.normalizeKey(".a/b.c")); // dot first, empty first part: also a.b/c
        assertEquals("a.b/c", SysctlSettings.keyPath(SysctlSettings.normalizeKey("/a.b/c")));
        assertEquals("/a.b", SysctlSettings.normalizeKey("/a.b"));
        assertEquals("a.b", SysctlSettings.keyPath("/a.b"));
        assertEquals("/../x", SysctlSettings.normalizeKey("/../x"));
    }

    @Test
    void blanksAndControlCharactersInsideAKeyArePartOfTheName() {
        // fuzz finding (config-io/FUZZING.md): "/\0b" once normalized to "\0b", which a trim turned into "b"
        assertEquals("\u0000b", SysctlSettings.normalizeKey("/\u0000b"));
        assertEquals("\u0000b", SysctlSettings.normalizeKey(SysctlSettings.normalizeKey("/\u0000b")));
        assertEquals(" b", SysctlSettings.normalizeKey("/ b"));
        assertEquals(" b", SysctlSettings.normalizeKey(" b"));
    }

    @Test
    void laterLinesWin() {
        SysctlSettings s = new SysctlSettings(List.of(
                new SysctlEntry("net.ipv4.ip_forward", "net.ipv4.ip_forward", "0", keyAt("etc/sysctl.d/10.conf", 1), false),
                new SysctlEntry("net.ipv4.ip_forward", "net/ipv4/ip_forward", "1", keyAt("etc/sysctl.d/99-k8s.conf", 2), false)));
        assertEquals(Setting.inFile("1", keyAt("etc/sysctl.d/99-k8s.conf", 2)), s.get("net/ipv4/ip_forward").orElseThrow());
        assertEquals(1, s.effective().size());
    }

    @Test
    void moduleNamesTreatDashAsUnderscore() {
        ModulesLoad m = new ModulesLoad(List.of(Setting.inFile("overlay", keyAt("etc/modules-load.d/k8s.conf", 1)),
                Setting.inFile("br-netfilter", keyAt("etc/modules-load.d/k8s.conf", 2))));
        assertTrue(m.contains("br_netfilter"));
        assertTrue(m.contains("overlay"));
        assertFalse(m.contains("ip_vs"));
    }
}
