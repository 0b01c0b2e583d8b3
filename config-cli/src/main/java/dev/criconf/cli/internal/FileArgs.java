package dev.criconf.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks shared by {@code get} and {@code set}. */
final class FileArgs {

    private FileArgs() {
    }

    static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw CliException.usage("'" + file + "' is not a valid path: " + e.getReason(), "");
        }
    }

    /** {@code --document} is for YAML streams and counts from 0. */
    static void checkDocument(Integer document, FileType type, String file) {
        if (document == null) {
            return;
        }
        if (document < 0) {
            throw CliException.usage("--document " + document + " is negative", "documents are numbered from 0");
        }
        if (type != null && type != FileType.YAML) {
            throw CliException.usage("--document applies to YAML files only, and " + file + " is read as "
                    + type.description(), "");
        }
    }
}
