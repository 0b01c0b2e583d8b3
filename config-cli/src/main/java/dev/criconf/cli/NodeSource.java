package dev.criconf.cli;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.TargetVersions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code lint}, {@code fix} and {@code effective} get nodes from: the one seam between the
 * command line and the node loader. The commands own everything else (options, rule settings,
 * validation, rendering, exit status, progress, safe writes); an implementation only reads nodes
 * and turns model edits into file edits.
 *
 * <p>Implementations read, never write, and report bad files as {@link NodeConfig#problems()}
 * (syntax errors are findings, not failures). They throw a {@link dev.criconf.model.CriconfException}
 * only when an input cannot be read at all (a root that is not a directory, a missing file): the
 * command prints its message and exits with status 2.
 */
public interface NodeSource {

    /**
     * Reads one node: discovers the well-known files under {@code root} (treated as the node's
     * filesystem root), parses them, and reads the node profile ({@code criconf.yaml}) if present.
     *
     * @param root        the directory, as the user gave it (resolved against the working directory)
     * @param displayRoot how reports name the root: the argument as given, with {@code /} separators;
     *                    it becomes {@link NodeConfig#root()}
     */
    LoadedNode load(Path root, String displayRoot);

    /**
     * Reads loose files, each typed by its name and content, as one node whose root is {@code ""};
     * file names in origins are the paths as given.
     */
    LoadedNode loadFiles(List<Path> files);

    /** One node as read, with what the commands need besides its configuration. */
    interface LoadedNode {

        /** The node's configuration, files and reading problems. */
        NodeConfig config();

        /** What is known about the node's versions (profile, what its files prove); below explicit options. */
        default TargetVersions versions() {
            return TargetVersions.none();
        }

        /** Values that must never reach output (registry credentials read from the node's files). */
        default Secrets secrets() {
            return Secrets.none();
        }

        /**
         * The file edits that carry out model edits on this node, applied in order and composed per
         * file: each minimal, lossless and verified by the codecs, not yet written.
         *
         * @throws dev.criconf.io.EditException when an edit cannot be made; nothing is changed
         */
        List<FileChange> plan(List<NodeEdit> edits);

        /** The effective kubelet settings (defaults, config file, drop-ins, flags), each with its chain of origins. */
        List<EffectiveSetting> effectiveKubelet();
    }

    /**
     * A file's new content, not yet written. {@code fix} writes {@code after} with
     * {@link dev.criconf.io.SafeFileWriter}, refusing if the file no longer holds {@code before}.
     *
     * @param file        the file to replace
     * @param displayName how output names it (relative to the node root, {@code /} separators)
     * @param before      the bytes that were read
     * @param after       the bytes to write
     */
    record FileChange(Path file, String displayName, byte[] before, byte[] after) {
        /** Checks that nothing is null; the arrays are kept as given. */
        public FileChange {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * One effective kubelet setting.
     *
     * @param name  the KubeletConfiguration field, e.g. {@code cgroupDriver}
     * @param value the value in effect, as text
     * @param chain every place that set it, lowest precedence first; the last one wins
     */
    record EffectiveSetting(String name, String value, List<Step> chain) {
        /** Checks that nothing is null and copies the chain. */
        public EffectiveSetting {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            chain = List.copyOf(chain);
        }
    }

    /**
     * One link of an effective setting's chain.
     *
     * @param value  the value set there, as text
     * @param source what set it, e.g. {@code default of Kubernetes 1.31}, {@code config file},
     *               {@code flag --cgroup-driver in KUBELET_EXTRA_ARGS}
     * @param origin where it is written; empty for a default
     */
    record Step(String value, String source, Optional<Origin> origin) {
        /** Checks that nothing is null. */
        public Step {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(origin, "origin");
        }
    }
}
