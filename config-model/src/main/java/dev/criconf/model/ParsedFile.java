package dev.criconf.model;

import dev.criconf.model.value.ConfigValue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file read from a node, as a format-neutral tree: what generic rules (unknown key, type
 * mismatch, duplicate key, YAML 1.1 ambiguity) walk.
 *
 * @param path      the file relative to the node root, {@code /} separators (as in {@link NodeConfig#files()})
 * @param format    its syntax
 * @param component the program that reads it
 * @param documents the file's values: one for TOML and JSON, one per document for YAML (none for an
 *                  empty YAML file); for other formats a codec may give one table or none
 */
public record ParsedFile(String path, FileFormat format, Component component, List<ConfigValue> documents) {

    /** Rejects nulls and copies the list. */
    public ParsedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(component, "component");
        documents = List.copyOf(documents);
    }

    /** A file with a single document (TOML, JSON, single-document YAML). */
    public static ParsedFile of(String path, FileFormat format, Component component, ConfigValue tree) {
        return new ParsedFile(path, format, component, List.of(tree));
    }

    /** The document, when the file has exactly one. */
    public Optional<ConfigValue> single() {
        return documents.size() == 1 ? Optional.of(documents.get(0)) : Optional.empty();
    }
}
