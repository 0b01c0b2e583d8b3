package dev.criconf.model;

import java.util.Objects;

/**
 * Where a piece of configuration text is: the file it came from, the 1-based line and column of
 * its first character, and its char offset and length in the file's decoded text.
 *
 * <p>Columns and offsets count UTF-16 code units (SARIF's default {@code columnKind}); a UTF-8
 * byte order mark is the character at offset 0, so the first visible character of a file with a
 * BOM is at column 2 of line 1. Lines are separated by LF, CRLF or a lone CR.
 *
 * @param file   the file as the user named it or relative to a node root, with {@code /} separators
 * @param line   1-based line
 * @param column 1-based column
 * @param offset 0-based char offset of the first character
 * @param length number of chars covered; 0 for a position between characters
 */
public record Origin(String file, int line, int column, int offset, int length) {

    public Origin {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1 || offset < 0 || length < 0) {
            throw new IllegalArgumentException(
                    "bad origin " + file + ":" + line + ":" + column + " @" + offset + "+" + length);
        }
    }

    /** The position of a whole file (line 1, column 1, nothing covered), for problems about the file itself. */
    public static Origin ofFile(String file) {
        return new Origin(file, 1, 1, 0, 0);
    }

    /** The offset just past the covered text. */
    public int endOffset() {
        return offset + length;
    }

    /** The same position in a file named differently, e.g. relative to a node root. */
    public Origin withFile(String newFile) {
        return new Origin(newFile, line, column, offset, length);
    }

    /** {@code file:line:column}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
