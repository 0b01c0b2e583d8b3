package dev.criconf.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;

/**
 * A CRI endpoint as the kubelet, kubeadm, cri-dockerd and the runtimes write it:
 * {@code unix:///run/containerd/containerd.sock}, a bare socket path
 * ({@code /var/run/crio/crio.sock}, which the kubelet still accepts by prepending {@code unix://}),
 * a Windows named pipe ({@code npipe:////./pipe/containerd-containerd}, {@code npipe://./pipe/x},
 * or containerd's bare {@code \\.\pipe\containerd-containerd}), {@code tcp://host:port}, or
 * cri-dockerd's {@code fd://} (systemd socket activation).
 *
 * <p>Parsing follows the kubelet's {@code parseEndpoint} ({@code pkg/kubelet/util/util_unix.go} and
 * {@code util_windows.go}): the scheme is case-insensitive, {@code unix:/run/x.sock} (one slash) is a
 * path, and for {@code npipe} a missing host means the local machine. Text the kubelet would
 * misread is reported instead of guessed: {@code unix://run/x.sock} puts {@code run} in the host
 * part, so the kubelet would dial {@code /x.sock}.
 *
 * <p>Two endpoints name the same socket ({@link #sameSocketAs}) when their transports agree and their
 * normalised addresses are equal: for Unix sockets {@code /var/run} is {@code /run} (a symlink on
 * every systemd distribution) and the path is cleaned lexically; pipe names compare case-insensitively.
 *
 * @param text      the endpoint exactly as written
 * @param transport how a client connects
 * @param hasScheme whether the text names its scheme ({@code unix://...}) or is a bare path
 * @param address   what a client dials: the socket path, {@code //host/pipe/name} for a pipe,
 *                  {@code host:port} for TCP, the name after {@code fd://} (often empty)
 */
public record CriEndpoint(String text, Transport transport, boolean hasScheme, String address) {

    /** How a client reaches the endpoint. */
    public enum Transport {
        /** A Unix domain socket (Linux). */
        UNIX,
        /** A Windows named pipe. */
        NPIPE,
        /** A TCP address; the kubelet refuses it on Linux. */
        TCP,
        /** A socket passed by systemd socket activation ({@code fd://}); used by cri-dockerd's listen flag. */
        FD
    }

    /** Rejects nulls. */
    public CriEndpoint {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
    }

    /** Parses an endpoint; text the kubelet would reject or misread is {@link Parsed.Invalid}. */
    public static Parsed<CriEndpoint> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return Parsed.invalid(text, "empty endpoint");
        }
        if (!text.strip().equals(text)) {
            return Parsed.invalid(text, "endpoint has leading or trailing whitespace");
        }
        String slashed = text.replace('\\', '/');
        if (slashed.startsWith("//")) {
            // containerd on Windows writes its pipe as a bare path: \\.\pipe\containerd-containerd
            return pipe(text, false, slashed);
        }
        int colon = text.indexOf(':');
        String scheme = colon > 0 ? text.substring(0, colon) : "";
        if (!isScheme(scheme)) {
            if (!text.startsWith("/")) {
                return Parsed.invalid(text, "a socket path without a scheme must be absolute, e.g. unix:///run/containerd/containerd.sock");
            }
            return Parsed.ok(new CriEndpoint(text, Transport.UNIX, false, text));
        }
        String rest = text.substring(colon + 1);
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "unix": {
                String path = rest;
                if (rest.startsWith("//")) {
                    int slash = rest.indexOf('/', 2);
                    String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
                    path = slash < 0 ? "" : rest.substring(slash);
                    if (!host.isEmpty()) {
                        return Parsed.invalid(text, "'" + host + "' is read as a host name, so the kubelet would dial '"
                                + path + "'; write unix:///" + host + path);
                    }
                }
                if (!path.startsWith("/")) {
                    return Parsed.invalid(text, "unix endpoint without an absolute socket path");
                }
                return Parsed.ok(new CriEndpoint(text, Transport.UNIX, true, path));
            }
            case "npipe":
                return rest.replace('\\', '/').startsWith("//") ? pipe(text, true, rest.replace('\\', '/'))
                        : Parsed.invalid(text, "npipe endpoint without //; write e.g. npipe:////./pipe/containerd-containerd");
            case "tcp": {
                if (!rest.startsWith("//")) {
                    return Parsed.invalid(text, "tcp endpoint without //host:port");
                }
                int slash = rest.indexOf('/', 2);
                String hostPort = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
                if (hostPort.isEmpty()) {
                    return Parsed.invalid(text, "tcp endpoint without host:port");
                }
                return Parsed.ok(new CriEndpoint(text, Transport.TCP, true, hostPort));
            }
            case "fd": {
                String name = rest.startsWith("//") ? rest.substring(2) : rest;
                return Parsed.ok(new CriEndpoint(text, Transport.FD, true, name));
            }
            default:
                return Parsed.invalid(text, "protocol \"" + scheme + "\" not supported; use unix:// (Linux) or npipe:// (Windows)");
        }
    }

    // After backslashes became slashes: "//host/path" where path should be /pipe/name.
    private static Parsed<CriEndpoint> pipe(String text, boolean hasScheme, String slashed) {
        String afterSlashes = slashed.substring(2);
        String address;
        if (afterSlashes.startsWith("/")) {
            // npipe:////./pipe/x: empty host, the path itself is //./pipe/x
            address = afterSlashes;
        } else {
            int slash = afterSlashes.indexOf('/');
            String host = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
            String path = slash < 0 ? "" : afterSlashes.substring(slash);
            address = "//" + (host.isEmpty() ? "." : host) + path;
        }
        // "npipe:///" leaves "/" here: too short to hold //host/pipe/name
        String[] parts = address.length() < 2 ? new String[0] : address.substring(2).split("/", 3);
        if (parts.length < 3 || parts[0].isEmpty() || !parts[1].equalsIgnoreCase("pipe") || parts[2].isEmpty()) {
            return Parsed.invalid(text, "not a named pipe path; expected \\\\.\\pipe\\NAME or npipe:////./pipe/NAME");
        }
        return Parsed.ok(new CriEndpoint(text, Transport.NPIPE, hasScheme, address));
    }

    /**
     * Reads a systemd socket unit's {@code ListenStream=} value (cri-dockerd's {@code cri-docker.socket}):
     * {@code %t} is the runtime directory of the system manager, {@code /run}; a value starting with
     * {@code /} is a Unix socket path.
     */
    public static Parsed<CriEndpoint> fromListenStream(String listenStream) {
        Objects.requireNonNull(listenStream, "listenStream");
        String v = listenStream.strip().replace("%t", "/run").replace("%%", "%");
        if (v.startsWith("/")) {
            return Parsed.ok(new CriEndpoint(v, Transport.UNIX, false, v));
        }
        if (v.matches("[0-9]{1,5}") || v.matches(".+:[0-9]{1,5}")) {
            return Parsed.ok(new CriEndpoint(v, Transport.TCP, false, v));
        }
        return Parsed.invalid(listenStream, "not a socket path or TCP address");
    }

    /** Whether this is a Unix socket. */
    public boolean isUnixSocket() {
        return transport == Transport.UNIX;
    }

    /** Whether this is a Windows named pipe. */
    public boolean isNamedPipe() {
        return transport == Transport.NPIPE;
    }

    /**
     * The address in the form used for comparison: a cleaned socket path with {@code /var/run}
     * replaced by {@code /run}; a pipe as {@code //host/pipe/name} in lower case; {@code host:port}
     * with a lower-case host.
     */
    public String normalizedAddress() {
        switch (transport) {
            case UNIX:
                return normalizeSocketPath(address);
            case NPIPE:
                return address.toLowerCase(Locale.ROOT);
            case TCP:
                return address.toLowerCase(Locale.ROOT);
            default:
                return address;
        }
    }

    /**
     * Whether both endpoints name the same socket or pipe. {@code fd://} names no socket of its own
     * (systemd hands one over), so it is never the same as anything.
     */
    public boolean sameSocketAs(CriEndpoint other) {
        Objects.requireNonNull(other, "other");
        if (transport == Transport.FD || other.transport == Transport.FD || transport != other.transport) {
            return false;
        }
        return normalizedAddress().equals(other.normalizedAddress());
    }

    /**
     * The same endpoint written with its scheme: {@code unix://} + path, or {@code npipe://} + pipe path;
     * an endpoint that has a scheme is returned as it is.
     */
    public CriEndpoint withScheme() {
        if (hasScheme) {
            return this;
        }
        switch (transport) {
            case UNIX:
                return new CriEndpoint("unix://" + address, Transport.UNIX, true, address);
            case NPIPE:
                return new CriEndpoint("npipe://" + address, Transport.NPIPE, true, address);
            case TCP:
                return new CriEndpoint("tcp://" + address, Transport.TCP, true, address);
            default:
                return this;
        }
    }

    /** The endpoint exactly as written. */
    @Override
    public String toString() {
        return text;
    }

    /** Cleans a socket path lexically and maps {@code /var/run} to {@code /run}. */
    /**
     * {@code [A-Za-z][A-Za-z0-9+.-]*} (RFC 3986's scheme), scanned rather than matched: every
     * endpoint a rule looks at is parsed, and {@link String#matches} compiles its pattern each time.
     */
    static boolean isScheme(String s) {
        if (s.isEmpty() || !asciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(asciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static String normalizeSocketPath(String path) {
        if (isClean(path)) {
            // already what the segment walk below would build: no copy
            return path.equals("/var/run") || path.startsWith("/var/run/") ? path.substring("/var".length()) : path;
        }
        return normalizeBySegments(path);
    }

    /** {@link #normalizeSocketPath} for any path: splits it into segments and resolves {@code .} and {@code ..}. */
    static String normalizeBySegments(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        String cleaned = "/" + String.join("/", parts);
        if (cleaned.equals("/var/run") || cleaned.startsWith("/var/run/")) {
            cleaned = cleaned.substring("/var".length());
        }
        return cleaned;
    }

    /**
     * Whether {@code path} is absolute with no empty, {@code .} or {@code ..} segment and no
     * trailing slash (so {@code "/" + String.join("/", segments)} gives it back), or is {@code /}.
     */
    static boolean isClean(String path) {
        int n = path.length();
        if (n == 0 || path.charAt(0) != '/') {
            return false;
        }
        if (n == 1) {
            return true;
        }
        int start = 1;
        for (int i = 1; i <= n; i++) {
            if (i == n || path.charAt(i) == '/') {
                int len = i - start;
                if (len == 0 || (len == 1 && path.charAt(start) == '.')
                        || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
