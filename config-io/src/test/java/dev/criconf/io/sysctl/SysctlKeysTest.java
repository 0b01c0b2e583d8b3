package dev.criconf.io.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SysctlKeysTest {

    @Test
    void dotsAndSlashesNameTheSameVariable() {
        assertEquals("net.ipv4.ip_forward", SysctlKeys.normalize("net.ipv4.ip_forward"));
        assertEquals("net.ipv4.ip_forward", SysctlKeys.normalize("net/ipv4/ip_forward"));
        assertEquals("net/ipv4/ip_forward", SysctlKeys.toPath("net.ipv4.ip_forward"));
    }

    @Test
    void firstSeparatorDecidesWhatADotMeans() {
        // sysctl.d(5): "net.ipv4.conf.enp3s0/200.forwarding" and "net/ipv4/conf/enp3s0.200/forwarding"
        // both refer to /proc/sys/net/ipv4/conf/enp3s0.200/forwarding
        assertEquals("net/ipv4/conf/enp3s0.200/forwarding", SysctlKeys.toPath("net.ipv4.conf.enp3s0/200.forwarding"));
        assertEquals("net/ipv4/conf/enp3s0.200/forwarding", SysctlKeys.toPath("net/ipv4/conf/enp3s0.200/forwarding"));
        assertEquals("net.ipv4.conf.enp3s0/200.forwarding", SysctlKeys.normalize("net/ipv4/conf/enp3s0.200/forwarding"));
    }

    @Test
    void redundantSeparatorsAreDropped() {
        assertEquals("net.ipv4.ip_forward", SysctlKeys.normalize("/net//ipv4/./ip_forward/"));
        assertEquals("net.ipv4.ip_forward", SysctlKeys.normalize("net.ipv4..ip_forward"));
        assertEquals("", SysctlKeys.normalize("."));
        assertEquals("", SysctlKeys.normalize("/"));
    }

    @Test
    void theNormalFormOfAPathWithADotInItsFirstComponentReadsBackAsThatPath() {
        // fuzz finding 1 (FUZZING.md): "/a.b" is the path a.b; its dotted form "a/b" would be the path a/b
        assertEquals("a.b", SysctlKeys.toPath("/a.b"));
        assertEquals("/a.b", SysctlKeys.normalize("/a.b"));
        assertEquals("a.b", SysctlKeys.toPath(SysctlKeys.normalize("/a.b")));
        assertEquals("/a.b/c", SysctlKeys.normalize("/a.b/c"));
        assertEquals("a.b/c", SysctlKeys.toPath(SysctlKeys.normalize("/a.b/c")));
        assertEquals("/a.b/c", SysctlKeys.normalize(SysctlKeys.normalize("/a.b/c")));
    }

    @Test
    void blanksAndControlCharactersInAKeyArePartOfIt() {
        // fuzz finding 1: "/ b" and "/\0b" lost their first char on a second normalization (a trim);
        // systemd trims the key as a whole before sysctl_normalize(), never inside it
        assertEquals(" b", SysctlKeys.normalize("/ b"));
        assertEquals(" b", SysctlKeys.normalize(SysctlKeys.normalize("/ b")));
        assertEquals("\u0000b", SysctlKeys.normalize("/\u0000b"));
        assertEquals("\u0000b", SysctlKeys.normalize(SysctlKeys.normalize("/\u0000b")));
    }

    @Test
    void theCrashInputOfFindingOneReadsBackEveryKey() {
        SysctlFile f = SysctlFile.parse("99-fuzz.conf", "/\u0000b = 1\n/a.b = 2\n/a.b/c = 3\n");
        assertEquals(3, f.entries().size());
        for (SysctlEntry e : f.entries()) {
            assertEquals(e, f.get(e.key()).orElseThrow(), e.rawKey());
            assertEquals(e, f.get(e.rawKey()).orElseThrow(), e.rawKey());
        }
        assertEquals("2", f.value("/a.b").orElseThrow());
        assertTrue(f.get("a/b").isEmpty(), "a/b is another variable than /a.b");
    }

    @Test
    void globPatternsMatchWithinOnePathComponent() {
        assertTrue(SysctlKeys.isPattern("net.ipv4.conf.*.rp_filter"));
        assertFalse(SysctlKeys.isPattern("net.ipv4.conf.all.rp_filter"));
        assertTrue(SysctlKeys.matches("net.ipv4.conf.*.rp_filter", "net.ipv4.conf.eth0.rp_filter"));
        assertTrue(SysctlKeys.matches("net.ipv4.conf.*.rp_filter", "net/ipv4/conf/enp3s0.200/rp_filter"));
        assertFalse(SysctlKeys.matches("net.ipv4.conf.*.rp_filter", "net.ipv4.conf.eth0.sub.rp_filter"));
        assertTrue(SysctlKeys.matches("net.ipv4.conf.eth?.rp_filter", "net.ipv4.conf.eth1.rp_filter"));
        assertFalse(SysctlKeys.matches("net.ipv4.conf.eth?.rp_filter", "net.ipv4.conf.eth10.rp_filter"));
        assertTrue(SysctlKeys.matches("net.ipv4.conf.eth[0-3].rp_filter", "net.ipv4.conf.eth2.rp_filter"));
        assertFalse(SysctlKeys.matches("net.ipv4.conf.eth[!0-3].rp_filter", "net.ipv4.conf.eth2.rp_filter"));
        assertTrue(SysctlKeys.matches("net.ipv4.conf.eth[!0-3].rp_filter", "net.ipv4.conf.eth7.rp_filter"));
        assertTrue(SysctlKeys.matches("kernel.*", "kernel.sysrq"));
        assertFalse(SysctlKeys.matches("kernel.*", "kernel.sched.child"));
        assertTrue(SysctlKeys.matches("net.ipv4.conf.\\*.x", "net.ipv4.conf.*.x"));
        assertFalse(SysctlKeys.matches("net.ipv4.conf.\\*.x", "net.ipv4.conf.a.x"));
    }

    @Test
    void manyStarsDoNotTakeExponentialTime() {
        // found while fuzzing (config-io/FUZZING.md): with plain backtracking, 9 stars against 36
        // letters took 19 s; a pattern comes from a file, so it must not be able to hang a lint
        // (nor overflow the stack: thousands of stars are fine too)
        String stars = "net." + "*a".repeat(2000) + "*b";
        String name = "net." + "a".repeat(2100);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertFalse(SysctlKeys.matches(stars, name));
            assertTrue(SysctlKeys.matches(stars, name + "b"));
            assertTrue(SysctlKeys.matches("net.*a*b.c", "net.xxaxxb.c"));
            assertFalse(SysctlKeys.matches(stars, "net." + "a".repeat(2100) + ".b")); // ".b" is a path component of its own
        });
    }
}
