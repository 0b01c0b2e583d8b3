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
        assertEquals("net.ipv4.ip_forward", SysctlSettings.normalizeKey("-net.ipv4.ip_forward"));
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
