package dev.criconf.cli.internal;

import dev.criconf.io.SyntaxDocument;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One configuration file as {@code get} and {@code set} see it: values addressed by a KEY in the
 * format's own terms, read as plain Java values and set losslessly.
 */
public interface ConfigFile {

    /** The file's format. */
    FileType type();

    /** The parsed file. */
    SyntaxDocument document();

    /**
     * The value at KEY.
     *
     * @param document for YAML, the 0-based document to look in; empty for the first that has KEY
     * @throws CliException (usage) when KEY is not a valid key for the format
     */
    Optional<Found> get(String key, OptionalInt document);

    /**
     * The file with the value at KEY set, changing nothing else; KEY is added when it is missing.
     *
     * @throws CliException usage for a bad KEY or a VALUE the format cannot hold, failed when the
     *                      library refuses the edit
     */
    Edited set(String key, CliValue value, OptionalInt document);

    /**
     * A value that is present (it may be {@code null} in YAML and JSON).
     *
     * @param value a plain Java value, see {@link JsonText}
     * @param where a phrase naming where it was found, e.g. {@code document 1}; empty when obvious
     */
    record Found(Object value, String where) {
    }

    /**
     * The result of a set.
     *
     * @param text the whole new file
     * @param note something the user should know (a type that changed); empty when nothing
     */
    record Edited(String text, Optional<String> note) {
    }
}
