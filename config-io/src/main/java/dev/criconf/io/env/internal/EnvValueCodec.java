package dev.criconf.io.env.internal;

import dev.criconf.io.args.internal.Codec;
import java.util.Optional;

/**
 * Writes text into the value of an environment-file assignment the way systemd's
 * {@code parse_env_file_internal()} (src/basic/env-file.c) reads it back:
 * <ul>
 *   <li>unquoted: a backslash escapes the next char; leading blanks are skipped and a leading quote
 *       opens a quoted part; trailing blanks are trimmed; a line break ends the value;</li>
 *   <li>double quotes: only {@code " \ ` $} are unescaped after a backslash (others keep it);</li>
 *   <li>single quotes: everything literal up to the next {@code '}.</li>
 * </ul>
 */
public final class EnvValueCodec implements Codec {

    public static final byte UNQ = 0;
    public static final byte DQ = 1;
    public static final byte SQ = 2;

    /** systemd's SHELL_NEED_ESCAPE. */
    static final String NEED_ESCAPE = "\"\\`$";

    public static final EnvValueCodec INSTANCE = new EnvValueCodec();

    private EnvValueCodec() {}

    @Override
    public Optional<String> encode(String s, byte ctx, boolean atRunStart, boolean atEnd) {
        if (s.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        switch (ctx) {
            case DQ:
                return Optional.of(doubleQuoted(s));
            case SQ:
                return s.indexOf('\'') >= 0 ? Optional.empty() : Optional.of(s);
            default:
                return unquoted(s, atRunStart, atEnd);
        }
    }

    @Override
    public Optional<String> encodeWhole(String s) {
        if (s.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return Optional.of("\"" + doubleQuoted(s) + "\"");
    }

    /** The body of a double-quoted value. */
    public static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (NEED_ESCAPE.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** An unquoted value (or part of one), or empty when it cannot be written unquoted. */
    public static Optional<String> unquoted(String s, boolean atRunStart, boolean atEnd) {
        StringBuilder sb = new StringBuilder();
        int last = s.length() - 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.empty();
            }
            boolean blank = c == ' ' || c == '\t';
            if (c == '\\'
                    || (i == 0 && atRunStart && (blank || c == '"' || c == '\''))
                    || (i == last && atEnd && blank)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return Optional.of(sb.toString());
    }
}
