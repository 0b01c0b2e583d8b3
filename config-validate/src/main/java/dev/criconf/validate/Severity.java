package dev.criconf.validate;

import java.util.Locale;

/**
 * How much a finding matters. Constants are declared from least to most severe, so
 * {@link #compareTo} orders by severity: {@code ERROR.compareTo(WARNING) > 0}.
 */
public enum Severity {
    /** Worth knowing; nothing will break because of it. */
    INFO("info", "note"),
    /** Probably wrong or fragile; the component still starts. */
    WARNING("warning", "warning"),
    /** The component fails to start or silently does something other than what the file says. */
    ERROR("error", "error");

    private final String word;
    private final String sarifLevel;

    Severity(String word, String sarifLevel) {
        this.word = word;
        this.sarifLevel = sarifLevel;
    }

    /** The lower-case word the CLI and the JSON report use: {@code error}, {@code warning}, {@code info}. */
    public String word() {
        return word;
    }

    /** The SARIF 2.1.0 {@code level} for this severity ({@code info} is SARIF's {@code note}). */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** Whether this severity is the same as or more severe than {@code other}. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** The less severe of the two. */
    public static Severity min(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The more severe of the two. */
    public static Severity max(Severity a, Severity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Parses a CLI word, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the accepted words when {@code text} is none of them
     */
    public static Severity parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.word.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + text + "': expected error, warning or info");
    }

    @Override
    public String toString() {
        return word;
    }
}
