package dev.criconf.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything criconf knows about one node: the files that were found and whatever could not be
 * read. The per-component configurations are added by the model.
 *
 * @param root     the node root as the user named it (a directory), or empty for loose files
 * @param files    every file read, relative to the root, with {@code /} separators, sorted
 * @param problems located problems from reading (syntax errors, limits, unreadable files)
 */
public record NodeConfig(String root, List<String> files, List<Problem> problems) {

    public NodeConfig {
        Objects.requireNonNull(root, "root");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
