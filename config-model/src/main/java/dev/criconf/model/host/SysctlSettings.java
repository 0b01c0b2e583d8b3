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
     * The normal form of a key: one string per variable, whatever spelling a file uses, and itself
     * a key that systemd's {@code sysctl_normalize()} reads as that variable, so that
     * {@code normalizeKey(normalizeKey(k))} equals {@code normalizeKey(k)} and {@link #keyPath} of
     * both is the same path.
     *
     * <p>It is the dotted form (the {@link #keyPath path} with {@code /} and {@code .} swapped:
     * {@code net/ipv4/conf/eth0.1/forwarding} is {@code net.ipv4.conf.eth0/1.forwarding}), except
     * when the path's first component contains a dot: a dotted spelling of such a path would start
     * with a slash separator and read back as another path ({@code a/b} for the path {@code a.b}),
     * so the normal form is then the path behind a leading slash ({@code /a.b}), which systemd reads
     * as written. Empty when the key names no path component.
     *
     * @param key a key as systemd-sysctl passes it to {@code sysctl_normalize()}: without the
     *            {@code -} prefix of a line and without surrounding blanks, which its file parser
     *            removes (blanks and a {@code -} inside the key are part of the name)
     */
    public static String normalizeKey(String key) {
        String path = keyPath(key);
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        if (first.indexOf('.') >= 0) {
            return "/" + path;
        }
        return swapSeparators(path);
    }

    /**
     * The path of a key below {@code /proc/sys}, as systemd's {@code sysctl_normalize()} computes it:
     * if the first separator is a dot, dots and slashes swap (a slash first means the key is already
     * a path); then empty and {@code .} components are dropped, with any leading or trailing slash.
     * So {@code net.ipv4.conf.enp3s0/200.forwarding} and {@code net/ipv4/conf/enp3s0.200/forwarding}
     * are both {@code net/ipv4/conf/enp3s0.200/forwarding}. Empty when no component is left.
     *
     * @param key a key as for {@link #normalizeKey}
     */
    public static String keyPath(String key) {
        int first = -1;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '.' || c == '/') {
                first = i;
                break;
            }
        }
        String resolved = first >= 0 && key.charAt(first) == '.' ? swapSeparators(key) : key;
        StringBuilder out = new StringBuilder(resolved.length());
        for (String part : resolved.split("/", -1)) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    // swapping before the first separator changes nothing: there is none
    private static String swapSeparators(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '/') {
                c[i] = '.';
            } else if (c[i] == '.') {
                c[i] = '/';
            }
        }
        return new String(c);
    }

    /** Key to value in effect (last line wins), in order of first appearance. */
    public Map<String, Setting<String>> effective() {
        Map<String, Setting<String>> out = new LinkedHashMap<>();
        for (SysctlEntry e : entries) {
            out.put(e.key(), Setting.inFile(e.value(), e.origin()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The value in effect for a key (any spelling, see {@link #normalizeKey}). */
    public Optional<Setting<String>> get(String key) {
        return Optional.ofNullable(effective().get(normalizeKey(key)));
    }
}
