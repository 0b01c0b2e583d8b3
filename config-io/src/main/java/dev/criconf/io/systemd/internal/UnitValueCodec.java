package dev.criconf.io.systemd.internal;

import dev.criconf.io.args.internal.Codec;
import java.util.Optional;

/**
 * Writes text into the value of a unit-file assignment. The unit parser (systemd
 * src/shared/conf-parser.c) takes values verbatim except that surrounding blanks are trimmed and
 * a backslash at the end of a line joins the next line; so text is written as it is unless it
 * holds a line break, would be trimmed, or would end a line with an unescaped backslash.
 */
public final class UnitValueCodec implements Codec {

    /** An ordinary char of the value. */
    public static final byte PLAIN = 0;
    /** The blank that stands for a backslash-newline continuation; it is never rewritten. */
    public static final byte BREAK = 3;

    public static final UnitValueCodec INSTANCE = new UnitValueCodec();

    private UnitValueCodec() {}

    @Override
    public Optional<String> encode(String s, byte ctx, boolean atRunStart, boolean atEnd) {
        if (ctx != PLAIN) {
            return Optional.empty();
        }
        return check(s, atRunStart, atEnd);
    }

    @Override
    public Optional<String> encodeWhole(String s) {
        return check(s, true, true);
    }

    private static Optional<String> check(String s, boolean atStart, boolean atEnd) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        if (!s.isEmpty()) {
            if (atStart && blank(s.charAt(0))) {
                return Optional.empty();
            }
            if (atEnd && blank(s.charAt(s.length() - 1))) {
                return Optional.empty();
            }
            if (atEnd && endsEscaped(s)) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether the text ends in a backslash that escapes nothing (conf-parser's continuation test). */
    public static boolean endsEscaped(CharSequence s) {
        boolean escaped = false;
        for (int i = 0; i < s.length(); i++) {
            if (escaped) {
                escaped = false;
            } else if (s.charAt(i) == '\\') {
                escaped = true;
            }
        }
        return escaped;
    }
}
