package dev.criconf.validate.report;

import dev.criconf.validate.Validator;
import java.nio.charset.StandardCharsets;

/** How renderers name files: joined to the node root for people, as URI references for SARIF. */
final class Paths {

    private Paths() {
    }

    /** Whether a file name is absolute on Linux or Windows, so it is not joined to a root. */
    static boolean isAbsolute(String path) {
        return path.startsWith("/") || path.startsWith("\\")
                || (path.length() >= 3 && isDriveLetter(path.charAt(0)) && path.charAt(1) == ':'
                        && (path.charAt(2) == '/' || path.charAt(2) == '\\'));
    }

    /** The path a person can open: the file joined to its node root; the root itself for node-level findings. */
    static String display(String root, String file) {
        if (file.equals(Validator.NODE_FILE)) {
            return root.isEmpty() ? Validator.NODE_FILE : root;
        }
        if (root.isEmpty() || isAbsolute(file)) {
            return file;
        }
        return root.endsWith("/") ? root + file : root + "/" + file;
    }

    /**
     * A URI reference for a path with {@code /} separators: absolute paths become {@code file:}
     * URIs, relative ones stay relative. Everything but RFC 3986 unreserved characters, sub-delims,
     * {@code @} and {@code /} is percent-encoded (UTF-8), including {@code :} so a relative path's
     * first segment cannot read as a scheme.
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        if (p.length() >= 3 && isDriveLetter(p.charAt(0)) && p.charAt(1) == ':' && p.charAt(2) == '/') {
            // Windows drive: file:///C:/... keeps its colon, as RFC 8089 writes it
            return "file:///" + p.substring(0, 2) + encode(p.substring(2));
        }
        if (p.startsWith("/")) {
            return "file://" + encode(p);
        }
        return encode(p);
    }

    /** {@link #uri} of a directory, ending with {@code /} as SARIF's base URIs must. */
    static String directoryUri(String path) {
        String u = uri(path);
        return u.endsWith("/") ? u : u + "/";
    }

    private static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAllowed(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Windows drive letters are ASCII; {@code ü:/} is a relative path whose colon gets encoded. */
    private static boolean isDriveLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }
}
