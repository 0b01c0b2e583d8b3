package dev.criconf.io.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small node tree (a directory standing for a node's {@code /}) written from one fuzz input.
 * Public, in config-io's test-jar, for the fuzz targets of modules that load and validate a whole
 * node (config-validate's {@code NodeValidationFuzzTest}).
 *
 * <p>The input is cut at separator lines into parts, each part the file of one of the {@link #SLOTS}
 * (bytes as they are, so invalid UTF-8 reaches the readers):
 * <ul>
 *   <li>a line that is exactly {@value #SEPARATOR} sends the part after it to the next slot; the
 *       part before the first separator goes to slot 0;</li>
 *   <li>a line {@value #SEPARATOR} + space + a decimal slot number ({@code ---- 12}) sends the part
 *       after it to that slot (later bare separators count on from there). An input that starts
 *       with such a line has no part for slot 0;</li>
 *   <li>a slot no part goes to gets no file (an empty part is an empty file, which for a unit means
 *       masked); a part for a slot number past the last is ignored; of two parts for one slot the
 *       later wins.</li>
 * </ul>
 * Slot {@link #LINK_SLOT} is special: its first line is the target of a symlink (a drop-in that may
 * point to {@code /dev/null}, to another file of the tree, or out of the root). Paths are fixed, so
 * the fuzzer never chooses where a file is written; a symlink is only ever created, never written
 * through. {@link #write} empties the whole tree first, so that what one input leaves (a directory,
 * a file) never changes how the next one reads.
 *
 * <p>The first seven slots are the kubelet unit's files that {@code NodeTreeFuzzTest} reads; the
 * others, appended after them so that committed seeds keep their meaning, are the files
 * {@code NodeLoader} reads, at the paths the repository's example trees and rule fixtures use
 * ({@link #encode} turns such a tree into an input). To fuzz more files, append more slots.
 */
public final class NodeTree {

    /** The line that separates two files in the input. */
    public static final String SEPARATOR = "----";

    static final String UNIT = "kubelet.service";
    static final String DEFAULT_KUBELET = "/etc/default/kubelet";

    /** The slot whose part's first line is a symlink's target. */
    public static final int LINK_SLOT = 6;

    /**
     * A file no node program reads, which the symlink of {@link #LINK_SLOT} can point at (a
     * relative link from its directory): {@link #encode} puts a tree's regular file at the link
     * slot's path there and links to it.
     */
    public static final String LINK_TARGET = "/var/lib/criconf-fuzz/link-target";

    /** The files an input can write, in order; {@link #LINK_SLOT} is a symlink whose target the input gives. */
    public static final List<String> SLOTS = List.of(
            // 0-6: the kubelet unit (NodeTreeFuzzTest)
            "/usr/lib/systemd/system/kubelet.service",
            "/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
            "/var/lib/kubelet/kubeadm-flags.env",
            DEFAULT_KUBELET,
            "/etc/systemd/system/kubelet.service.d/20-override.conf",
            "/etc/systemd/system/kubelet.service",
            "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
            // 7-: the rest of a node (NodeLoader)
            "/var/lib/kubelet/config.yaml",
            "/criconf.yaml",
            "/etc/containerd/config.toml",
            "/etc/containerd/conf.d/10-cri.toml",
            "/etc/containerd/conf.d/10-registry.toml",
            "/etc/crio/crio.conf",
            "/etc/crio/crio.conf.d/00-default",
            "/etc/crio/crio.conf.d/10-crio.conf",
            "/etc/crio/crio.conf.d/20-kubernetes.conf",
            "/etc/crio/crio.conf.d/20-kubernetes.conf.bak",
            "/etc/crio/crio.conf.d/20-runtime.conf",
            "/etc/crio/crio.conf.d/20-site.conf",
            "/etc/crio/crio.conf.d/20-site.conf.orig",
            "/etc/crio/crio.conf.d/30-crun-devices.conf",
            "/etc/crio/crio.conf.d/50-socket.conf",
            "/etc/crio/crio.conf.d/README",
            "/etc/crio/crio.conf.orig",
            "/etc/docker/daemon.json",
            "/usr/lib/systemd/system/cri-docker.service",
            "/usr/lib/systemd/system/cri-docker.socket",
            "/etc/systemd/system/cri-docker.service",
            "/etc/systemd/system/cri-docker.service.d/10-endpoint.conf",
            "/etc/systemd/system/kubelet.service.d/20-local.conf",
            "/etc/kubernetes/kubeadm-config.yaml",
            "/etc/kubernetes/kubelet.conf.d/50-fuzz.conf",
            "/etc/sysconfig/kubelet",
            "/etc/sysctl.d/10-cis-hardening.conf",
            "/etc/sysctl.d/99-kubernetes.conf",
            "/etc/sysctl.d/99-zz-cis-hardening.conf",
            "/etc/sysctl.conf",
            "/etc/modules-load.d/k8s.conf",
            LINK_TARGET);

    private static final byte[] SEPARATOR_BYTES = SEPARATOR.getBytes(StandardCharsets.US_ASCII);

    private final Path root;

    /** A tree in a directory of its own; {@link #write} replaces the previous input's files. */
    public NodeTree(Path root) {
        this.root = root;
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /**
     * The parts of an input by slot (the lines between separator lines, each part with its final
     * newline); slots without a part are absent, slot numbers may be past the last slot.
     */
    static Map<Integer, byte[]> parts(byte[] input) {
        Map<Integer, byte[]> parts = new TreeMap<>();
        int slot = 0;
        int start = 0;
        boolean first = true;
        for (int line = 0; line <= input.length; ) {
            int next = line;
            while (next < input.length && input[next] != '\n') {
                next++;
            }
            int target = separator(input, line, next, slot);
            if (target >= 0) {
                boolean numbered = next - line > SEPARATOR_BYTES.length;
                if (!(first && numbered && line == 0)) {
                    parts.put(slot, Arrays.copyOfRange(input, start, line));
                }
                first = false;
                slot = target;
                start = Math.min(next + 1, input.length);
            }
            line = next + 1;
        }
        parts.put(slot, Arrays.copyOfRange(input, start, input.length));
        return parts;
    }

    /** The slot the part after the line {@code [from, to)} goes to if the line is a separator, else -1. */
    private static int separator(byte[] a, int from, int to, int current) {
        if (!startsWith(a, from, SEPARATOR_BYTES)) {
            return -1;
        }
        int n = to - from - SEPARATOR_BYTES.length;
        if (n == 0) {
            return current + 1;
        }
        if (n < 2 || n > 4 || a[from + SEPARATOR_BYTES.length] != ' ') {
            return -1;
        }
        int number = 0;
        for (int i = from + SEPARATOR_BYTES.length + 1; i < to; i++) {
            if (a[i] < '0' || a[i] > '9') {
                return -1;
            }
            number = number * 10 + (a[i] - '0');
        }
        return number;
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

    /** Empties the tree and writes this input's files; returns the root. */
    public Path write(byte[] input) {
        try {
            clear();
            for (Map.Entry<Integer, byte[]> part : parts(input).entrySet()) {
                int i = part.getKey();
                if (i >= SLOTS.size()) {
                    continue;
                }
                Path p = path(SLOTS.get(i));
                Files.createDirectories(p.getParent());
                if (i == LINK_SLOT) {
                    link(p, part.getValue());
                } else {
                    Files.write(p, part.getValue());
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes everything below the root (symlinks themselves, never what they point to). */
    private void clear() throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root);
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(root)) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * The input that writes a tree's files: {@code files} maps node paths ({@code /etc/...} or
     * {@code etc/...}) to contents. Each file goes to the slot of its path, in slot order, behind a
     * numbered separator (so slots without a file stay absent); a regular file at the link slot's
     * path is put at {@link #LINK_TARGET} and linked to. A part that does not end with a newline gets
     * one (the separator must start a line).
     *
     * @throws IllegalArgumentException for a path that is no slot, or contents with a separator line
     */
    public static byte[] encode(Map<String, byte[]> files) {
        Map<Integer, byte[]> bySlot = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String path = f.getKey().startsWith("/") ? f.getKey() : "/" + f.getKey();
            int slot = SLOTS.indexOf(path);
            if (slot < 0) {
                throw new IllegalArgumentException("no slot for " + path);
            }
            if (slot == LINK_SLOT) {
                bySlot.put(SLOTS.indexOf(LINK_TARGET), f.getValue());
                Path from = Path.of(SLOTS.get(LINK_SLOT)).getParent();
                String target = from.relativize(Path.of(LINK_TARGET)).toString() + "\n";
                bySlot.put(LINK_SLOT, target.getBytes(StandardCharsets.UTF_8));
            } else {
                bySlot.put(slot, f.getValue());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : bySlot.entrySet()) {
            byte[] content = e.getValue();
            for (int line = 0; line < content.length; ) {
                int next = line;
                while (next < content.length && content[next] != '\n') {
                    next++;
                }
                if (separator(content, line, next, 0) >= 0) {
                    throw new IllegalArgumentException(SLOTS.get(e.getKey()) + " has a separator line");
                }
                line = next + 1;
            }
            out.writeBytes((SEPARATOR + " " + e.getKey() + "\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(content);
            if (content.length > 0 && content[content.length - 1] != '\n') {
                out.write('\n');
            }
        }
        return out.toByteArray();
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
