package dev.criconf.cli;

import java.util.Map;

/**
 * What the command line may assume about where its output goes; the one place that decides
 * whether to colour output and whether to show progress.
 *
 * <p>Colour is used only when standard output is a terminal and the {@code NO_COLOR} variable is
 * unset or empty (<a href="https://no-color.org/">no-color.org</a>). Progress goes to standard
 * error, also only on a terminal: in CI logs and pipes it would be noise.
 *
 * <p>Java cannot ask whether one particular stream is a terminal; {@link System#console()} is
 * non-null when the process is attached to one (standard input and output both), which is the
 * case that matters: a person watching. Redirecting output to a file or a pipe turns both off.
 *
 * @param interactive whether a person is watching: standard output is a terminal
 * @param noColor     whether the user asked for no colour ({@code NO_COLOR} set and non-empty)
 */
public record Terminal(boolean interactive, boolean noColor) {

    /** Output that is not a terminal: a pipe, a file, a test. No colour, no progress. */
    public static final Terminal NONE = new Terminal(false, false);

    /** The terminal of this process, with the environment's {@code NO_COLOR}. */
    public static Terminal detect(Map<String, String> environment) {
        return of(System.console() != null, environment);
    }

    /** A terminal or not, with the environment's {@code NO_COLOR}. */
    public static Terminal of(boolean interactive, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return new Terminal(interactive, noColor != null && !noColor.isEmpty());
    }

    /** Whether to write ANSI colour escapes to standard output. */
    public boolean colour() {
        return interactive && !noColor;
    }

    /** Whether to show progress on standard error. */
    public boolean progress() {
        return interactive;
    }
}
