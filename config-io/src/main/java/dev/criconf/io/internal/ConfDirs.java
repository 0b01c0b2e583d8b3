package dev.criconf.io.internal;

import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The file list systemd's {@code conf_files_list()} builds for tools like systemd-sysctl and
 * systemd-modules-load: every {@code *.conf} in a list of directories given in decreasing
 * priority; a file name seen in a higher-priority directory hides the same name in the others; a
 * link to {@code /dev/null} (or an empty file) masks the name; hidden files and entries that are
 * not regular files are skipped; the result is sorted by file name (byte order, like
 * {@code strcmp}), whichever directory each file is in.
 */
public final class ConfDirs {

    private ConfDirs() {}

    /**
     * One selected file.
     *
     * @param name     the file name, the sort key
     * @param nodePath the path as listed, e.g. {@code /etc/sysctl.d/99-k8s.conf} (before following links)
     */
    public record ConfFile(String name, String nodePath) {}

    /**
     * A file name hidden by another or by a mask.
     *
     * @param nodePath the hidden file
     * @param by       the node path that hides it (the same path when it is itself a link to /dev/null)
     */
    public record Hidden(String nodePath, String by) {}

    /** The files to read in order, the ones hidden, and problems met while listing. */
    public record Listing(List<ConfFile> files, List<Hidden> hidden, List<Problem> problems) {}

    public static Listing list(NodeRootFiles node, List<String> dirsByPriority, String suffix) {
        Map<String, String> winner = new HashMap<>();
        Map<String, Boolean> masked = new HashMap<>();
        Map<String, String> winnerTarget = new HashMap<>();
        List<Hidden> hidden = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String dir : dirsByPriority) {
            List<String> names;
            try {
                names = new ArrayList<>(node.list(dir));
            } catch (IOException e) {
                problems.add(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(dir), NodeRootFiles.describe(e)));
                continue;
            }
            names.removeIf(n -> n.startsWith(".") || !n.endsWith(suffix) || n.length() == suffix.length());
            names.sort(BY_BYTES);
            int max = node.limits().maxDropInFiles();
            if (names.size() > max) {
                problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(dir),
                        names.size() + " " + suffix + " files, more than the limit of " + max + "; only the first "
                                + max + " were read"));
                names = names.subList(0, max);
            }
            for (String name : names) {
                String path = dir + "/" + name;
                NodeRootFiles.Resolved r = node.resolve(path);
                if (winner.containsKey(name)) {
                    // /lib/sysctl.d/x.conf is usually /usr/lib/sysctl.d/x.conf through the /lib link: not hidden
                    if (!r.target().equals(winnerTarget.get(name))) {
                        hidden.add(new Hidden(path, winner.get(name)));
                    }
                    continue;
                }
                winnerTarget.put(name, r.target());
                switch (r.kind()) {
                    case NULL_DEVICE:
                        winner.put(name, path);
                        masked.put(name, true);
                        hidden.add(new Hidden(path, path));
                        break;
                    case REGULAR_FILE:
                        winner.put(name, path);
                        masked.put(name, false);
                        break;
                    case OUTSIDE_ROOT:
                        problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, Origin.ofFile(path), r.message()));
                        break;
                    case LINK_LOOP:
                    case ERROR:
                        problems.add(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(path), r.message()));
                        break;
                    default:
                        // dangling links, directories and devices named *.conf: systemd skips them too
                        break;
                }
            }
        }
        List<ConfFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : winner.entrySet()) {
            if (!masked.get(e.getKey())) {
                files.add(new ConfFile(e.getKey(), e.getValue()));
            }
        }
        files.sort(Comparator.comparing(ConfFile::name, BY_BYTES));
        return new Listing(List.copyOf(files), List.copyOf(hidden), List.copyOf(problems));
    }

    /** {@code strcmp} order: compares the UTF-8 bytes as unsigned values. */
    public static final Comparator<String> BY_BYTES = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
}
