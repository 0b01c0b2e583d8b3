package dev.criconf.cli.internal;

/**
 * A failure the command line reports as one line, {@code criconf: <message>}, and an exit status:
 * {@link #USAGE} (2) for a usage mistake or an input that could not be read, {@link #FAILED} (1)
 * when the inputs were fine but the answer is no (a key that is absent, an edit the file cannot
 * take).
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The inputs were fine but the command's answer is no. */
    public static final int FAILED = 1;
    /** A usage mistake, or an input that could not be read. */
    public static final int USAGE = 2;

    private final int exitCode;
    private final String hint;

    private CliException(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    /** A usage mistake; {@code hint} (may be empty) says what to do instead. */
    public static CliException usage(String message, String hint) {
        return new CliException(USAGE, message, hint, null);
    }

    /** An input that could not be read (missing file, syntax errors, unknown format). */
    public static CliException unreadable(String message) {
        return new CliException(USAGE, message, "", null);
    }

    /** An input that could not be read, because of {@code cause} (kept for CRICONF_DEBUG). */
    public static CliException unreadable(String message, Throwable cause) {
        return new CliException(USAGE, message, "", cause);
    }

    /** The command ran but could not do what was asked. */
    public static CliException failed(String message) {
        return new CliException(FAILED, message, "", null);
    }

    /** The command ran but could not do what was asked, because of {@code cause}. */
    public static CliException failed(String message, Throwable cause) {
        return new CliException(FAILED, message, "", cause);
    }

    /** The exit status. */
    public int exitCode() {
        return exitCode;
    }

    /** What to do instead; empty when there is nothing useful to add. */
    public String hint() {
        return hint;
    }
}
