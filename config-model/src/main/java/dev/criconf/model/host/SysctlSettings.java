package dev.criconf.model.host;

import dev.criconf.model.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel parameters set at boot by {@code systemd-sysctl}: the lines of every {@code sysctl.d} file in
 * the order systemd applies them (files sorted by file name across {@code /etc/sysctl.d},
 * {@code /run/sysctl.d}, {@code /usr/lib/sysctl.d}, a name in an earlier directory masking the same
 * name in a later one; {@code /etc/sysctl.conf} last). A later line for the same key wins.
 *
 * <p>Source: systemd {@code sysctl.d(5)}.
 *
 * @param entries every line in application order
 */
public record SysctlSettings(List<SysctlEntry> entries) {

    /** Copies the list. */
    public SysctlSettings {
        entries = List.copyOf(entries);
    }

    /**
     * The dotted form of a key: with {@code /} as the first separator, {@code /} and {@code .} swap
     * ({@code net/ipv4/conf/eth0.1/forwarding} is {@code net.ipv4.conf.eth0/1.forwarding}); a leading
     * {@code -} is dropped.
     */
    public static String normalizeKey(String key) {
        String k = key.strip();
        if (k.startsWith("-")) {
            k = k.substring(1).strip();
        }
        int slash = k.indexOf('/');
        int dot = k.indexOf('.');
        if (slash >= 0 && (dot < 0 || slash < dot)) {
            StringBuilder sb = new StringBuilder(k.length());
            for (char c : k.toCharArray()) {
                sb.append(c == '/' ? '.' : c == '.' ? '/' : c);
            }
            return sb.toString();
        }
        return k;
    }

    /** Key to value in effect (last line wins), in order of first appearance. */
    public Map<String, Setting<String>> effective() {
        Map<String, Setting<String>> out = new LinkedHashMap<>();
        for (SysctlEntry e : entries) {
            out.put(e.key(), Setting.inFile(e.value(), e.origin()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The value in effect for a key (any spelling). */
    public Optional<Setting<String>> get(String key) {
        return Optional.ofNullable(effective().get(normalizeKey(key)));
    }
}
