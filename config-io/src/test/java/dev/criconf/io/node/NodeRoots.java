package dev.criconf.io.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds node trees in a temporary directory for tests. */
final class NodeRoots {

    private final Path root;

    NodeRoots(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes a file at a node path (relative to the root). */
    NodeRoots write(String path, String text) {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    NodeRoots write(String path, byte[] bytes) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file to a node path. */
    NodeRoots copy(Path from, String path) {
        try {
            return write(path, Files.readAllBytes(from));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symbolic link at a node path pointing at {@code target} as written. */
    NodeRoots link(String path, String target) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
