package dev.criconf.io.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a file's bytes into {@link SourceText} for a parser, enforcing
 * {@link ParseLimits#maxFileBytes()} first so that an oversized file is never decoded.
 */
public final class BoundedDecode {

    private BoundedDecode() {}

    /**
     * The text to parse and the problems found so far.
     *
     * @param source   the decoded text; empty when the input was too large
     * @param problems the size or encoding problem, if any
     * @param parse    false when the input was too large and must not be parsed
     */
    public record Input(SourceText source, List<Problem> problems, boolean parse) {}

    public static Input decode(String name, byte[] bytes, ParseLimits limits) {
        if (bytes.length > limits.maxFileBytes()) {
            return new Input(SourceText.of(name, ""), List.of(new Problem(Problem.Kind.LIMIT_EXCEEDED,
                    Origin.ofFile(name), "file has " + bytes.length + " bytes, more than the limit of "
                            + limits.maxFileBytes() + "; it was not read")), false);
        }
        SourceText.Decoded d = SourceText.decodeUtf8(name, bytes);
        List<Problem> problems = new ArrayList<>();
        d.problem().ifPresent(problems::add);
        return new Input(d.source(), problems, true);
    }

    /** The same check for text handed over as a string (a char is at least one UTF-8 byte). */
    public static Input of(String name, String text, ParseLimits limits) {
        if (text.length() > limits.maxFileBytes()) {
            return new Input(SourceText.of(name, ""), List.of(new Problem(Problem.Kind.LIMIT_EXCEEDED,
                    Origin.ofFile(name), "text has " + text.length() + " characters, more than the limit of "
                            + limits.maxFileBytes() + " bytes; it was not read")), false);
        }
        return new Input(SourceText.of(name, text), new ArrayList<>(), true);
    }
}
