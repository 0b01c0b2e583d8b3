package dev.criconf.validate;

import java.util.Locale;
import java.util.Optional;

/** What a user asks of one rule: turn it off or report its findings at a given severity. */
public enum RuleSetting {
    /** The rule does not run. */
    OFF("off", null),
    /** Findings are reported as {@link Severity#INFO}. */
    INFO("info", Severity.INFO),
    /** Findings are reported as {@link Severity#WARNING}. */
    WARNING("warning", Severity.WARNING),
    /** Findings are reported as {@link Severity#ERROR}. */
    ERROR("error", Severity.ERROR);

    private final String word;
    private final Severity severity;

    RuleSetting(String word, Severity severity) {
        this.word = word;
        this.severity = severity;
    }

    /** The severity findings get, or empty for {@link #OFF}. */
    public Optional<Severity> severity() {
        return Optional.ofNullable(severity);
    }

    /** The setting that reports findings at {@code severity}. */
    public static RuleSetting of(Severity severity) {
        switch (severity) {
            case ERROR:
                return ERROR;
            case WARNING:
                return WARNING;
            default:
                return INFO;
        }
    }

    /**
     * Parses {@code off}, {@code error}, {@code warning} or {@code info}, ignoring case and blanks.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static RuleSetting parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (RuleSetting s : values()) {
            if (s.word.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown rule setting '" + text + "': expected off, error, warning or info");
    }

    @Override
    public String toString() {
        return word;
    }
}
