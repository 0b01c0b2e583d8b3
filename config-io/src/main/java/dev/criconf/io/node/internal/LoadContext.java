package dev.criconf.io.node.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.NodeConfig;
import dev.criconf.io.yaml.YamlStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What every reader of one node load shares: the node's files (confined to the root), the limits,
 * and the builder the readers add to. Node paths are absolute ({@code /etc/crio/crio.conf}); the
 * names that go into the result ({@link NodeConfig#files()}, origins) are relative to the root
 * without a leading slash ({@code etc/crio/crio.conf}).
 */
public final class LoadContext {

    private final Path root;
    private final NodeRootFiles node;
    private final ParseLimits limits;
    private final NodeConfig.Builder builder;
    /** The last YAML file parsed through {@link #parseYaml}: the profile is read by two readers. */
    private String yamlName;
    private byte[] yamlBytes;
    private YamlStream yamlStream;

    public LoadContext(Path root, ParseLimits limits, NodeConfig.Builder builder) {
        this.root = root;
        this.node = NodeRootFiles.of(root, limits);
        this.limits = limits;
        this.builder = builder;
    }

    public Path root() {
        return root;
    }

    public NodeRootFiles node() {
        return node;
    }

    public ParseLimits limits() {
        return limits;
    }

    public NodeConfig.Builder builder() {
        return builder;
    }

    /**
     * {@code YamlStream.parse(name, bytes, limits())}, once for the same name and content within
     * this load (streams are immutable; {@code criconf.yaml} is read before the runtimes and again
     * with the kubelet's files).
     */
    public YamlStream parseYaml(String name, byte[] bytes) {
        if (yamlStream != null && name.equals(yamlName) && Arrays.equals(bytes, yamlBytes)) {
            return yamlStream;
        }
        YamlStream stream = YamlStream.parse(name, bytes, limits);
        yamlName = name;
        yamlBytes = bytes.clone();
        yamlStream = stream;
        return stream;
    }

    /** The name of a node path in results: relative to the root, no leading slash. */
    public static String rel(String nodePath) {
        String p = nodePath;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** The same origin named relative to the root. */
    public static Origin rel(Origin o) {
        return o.file().startsWith("/") ? o.withFile(rel(o.file())) : o;
    }

    /** The same problem with its origin named relative to the root. */
    public static Problem rel(Problem p) {
        return p.origin().file().startsWith("/") ? new Problem(p.kind(), rel(p.origin()), p.message()) : p;
    }

    /** Whether a node path is a regular file (after following links inside the root). */
    public boolean isFile(String nodePath) {
        return node.resolve(nodePath).kind() == NodeRootFiles.Kind.REGULAR_FILE;
    }

    /** Whether a node path exists in any form (a file, a directory, a dangling or escaping link). */
    public boolean exists(String nodePath) {
        return node.resolve(nodePath).kind() != NodeRootFiles.Kind.MISSING;
    }

    /**
     * Reads a node file. On success the file is recorded as read; otherwise the problem (unreadable,
     * too large, outside the root) is added and the result is empty.
     */
    public Optional<byte[]> read(String nodePath) {
        NodeRootFiles.Read r = node.read(nodePath);
        r.problem().ifPresent(p -> builder.addProblem(rel(p)));
        r.bytes().ifPresent(b -> builder.addFile(rel(nodePath)));
        return r.bytes();
    }

    public void addProblems(List<Problem> problems) {
        for (Problem p : problems) {
            builder.addProblem(rel(p));
        }
    }

    public void addProblem(Problem problem) {
        builder.addProblem(rel(problem));
    }

    public void addParsedFile(ParsedFile file) {
        builder.addParsedFile(file);
    }
}
