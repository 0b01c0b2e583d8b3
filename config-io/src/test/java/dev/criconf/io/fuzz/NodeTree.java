package dev.criconf.io.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small node tree (a directory standing for a node's {@code /}) written from one fuzz input.
 *
 * <p>The input is cut at lines that are exactly {@value #SEPARATOR} into parts, and part {@code i}
 * becomes the file of {@link #SLOTS}{@code [i]} (bytes as they are, so invalid UTF-8 reaches the
 * readers); parts past the last slot are ignored, slots without a part get no file. The last slot
 * is special: its first line is the target of a symlink (a drop-in that may point to
 * {@code /dev/null}, to another file of the tree, or out of the root). Paths are fixed, so the
 * fuzzer never chooses where a file is written; a symlink is only ever created, never written
 * through.
 *
 * <p>To fuzz a reader of more of the node (node loading and validation), append slots (e.g.
 * {@code /etc/containerd/config.toml}) after the existing ones so that committed seeds keep their
 * meaning, and add a target that reads the same root.
 */
final class NodeTree {

    /** The line that separates two files in the input. */
    static final String SEPARATOR = "----";

    static final String UNIT = "kubelet.service";
    static final String DEFAULT_KUBELET = "/etc/default/kubelet";

    /** The files an input can write, in order; the last one is a symlink whose target the input gives. */
    static final List<String> SLOTS = List.of(
            "/usr/lib/systemd/system/kubelet.service",
            "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
            "/var/lib/kubelet/kubeadm-flags.env",
            DEFAULT_KUBELET,
            "/etc/systemd/system/kubelet.service.d/20-override.conf",
            "/etc/systemd/system/kubelet.service",
            "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf");

    private static final byte[] SEPARATOR_BYTES = SEPARATOR.getBytes(StandardCharsets.US_ASCII);

    private final Path root;

    /** A tree in a directory of its own; {@link #write} replaces the previous input's files. */
    NodeTree(Path root) {
        this.root = root;
    }

    /** The parts of an input, one per file: the lines between separator lines, each part with its final newline. */
    static List<byte[]> parts(byte[] input) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int line = 0; line <= input.length; ) {
            int next = line;
            while (next < input.length && input[next] != '\n') {
                next++;
            }
            if (next - line == SEPARATOR_BYTES.length && startsWith(input, line, SEPARATOR_BYTES)) {
                parts.add(Arrays.copyOfRange(input, start, line));
                start = Math.min(next + 1, input.length);
            }
            line = next + 1;
        }
        parts.add(Arrays.copyOfRange(input, start, input.length));
        return parts;
    }

    private static boolean startsWith(byte[] a, int at, byte[] prefix) {
        if (at + prefix.length > a.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Removes the previous input's files and writes this one's; returns the root. */
    Path write(byte[] input) {
        try {
            for (String slot : SLOTS) {
                Files.deleteIfExists(path(slot)); // a symlink is removed itself, never followed
            }
            List<byte[]> parts = parts(input);
            int files = Math.min(parts.size(), SLOTS.size());
            for (int i = 0; i < files; i++) {
                Path p = path(SLOTS.get(i));
                Files.createDirectories(p.getParent());
                if (i == SLOTS.size() - 1) {
                    link(p, parts.get(i));
                } else {
                    Files.write(p, parts.get(i));
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path p, byte[] part) throws IOException {
        String text = new String(part, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String target = end < 0 ? text : text.substring(0, end);
        if (target.isEmpty() || target.indexOf('\0') >= 0) {
            return;
        }
        Path t;
        try {
            t = Path.of(target);
        } catch (InvalidPathException e) {
            return;
        }
        try {
            Files.createSymbolicLink(p, t);
        } catch (IOException e) {
            // a target the file system refuses (too long): the tree has no link this time
        }
    }

    private Path path(String nodePath) {
        return root.resolve(nodePath.substring(1));
    }
}
