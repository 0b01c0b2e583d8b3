package dev.criconf.io.args.internal;

import java.util.Optional;

/**
 * How decoded text is written back into the text it was decoded from. Each syntax level (env-file
 * value, unit-file value, systemd word, specifiers) has one.
 */
public interface Codec {

    /**
     * Raw text that decodes to {@code decoded} when written where chars of context {@code ctx}
     * are, or empty when that context cannot hold it.
     *
     * @param atRunStart the text starts a run of that context (what precedes it is other syntax)
     * @param atEnd      the text ends the whole construct (trailing whitespace may be trimmed there)
     */
    Optional<String> encode(String decoded, byte ctx, boolean atRunStart, boolean atEnd);

    /** Raw text for the whole construct (quotes included), or empty when it cannot be written. */
    Optional<String> encodeWhole(String decoded);
}
