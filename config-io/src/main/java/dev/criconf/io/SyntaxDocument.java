package dev.criconf.io;

import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed file that keeps its original text. Every format's document implements it; printing an
 * unedited document gives back the input byte for byte.
 */
public interface SyntaxDocument {

    /** The name used in origins: the path as given, or relative to a node root. */
    String sourceName();

    /** The full text, including a byte order mark ({@code \uFEFF}) if the file had one. */
    String text();

    /** Located problems, in source order; empty when the file parsed cleanly. */
    List<Problem> problems();

    default boolean hasErrors() {
        return !problems().isEmpty();
    }

    /** The file's bytes: the text encoded as UTF-8, identical to the input for an unedited document. */
    default byte[] toBytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
