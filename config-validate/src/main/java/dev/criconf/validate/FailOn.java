package dev.criconf.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The CLI's {@code --fail-on} threshold: the lowest severity that makes a run fail. */
public enum FailOn {
    /** Fail on errors only (the default). */
    ERROR(Severity.ERROR),
    /** Fail on warnings and errors. */
    WARNING(Severity.WARNING),
    /** Fail on any finding. */
    INFO(Severity.INFO),
    /** Never fail because of findings. */
    NEVER(null);

    /** The exit status of a run with nothing at or above the threshold. */
    public static final int EXIT_OK = 0;
    /** The exit status of a run with findings at or above the threshold. */
    public static final int EXIT_FINDINGS = 1;

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The lowest failing severity, or empty for {@link #NEVER}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** Whether a finding of this severity fails the run. */
    public boolean fails(Severity severity) {
        return threshold != null && severity.isAtLeast(threshold);
    }

    /** {@link #EXIT_FINDINGS} when any report has a finding at or above the threshold, else {@link #EXIT_OK}. */
    public int exitCode(Collection<Report> reports) {
        for (Report r : reports) {
            Optional<Severity> highest = r.highestSeverity();
            if (highest.isPresent() && fails(highest.get())) {
                return EXIT_FINDINGS;
            }
        }
        return EXIT_OK;
    }

    /**
     * Parses {@code error}, {@code warning}, {@code info} or {@code never}, ignoring case and blanks.
     *
     * @throws IllegalArgumentException naming the accepted words
     */
    public static FailOn parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (FailOn f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown --fail-on value '" + text + "': expected error, warning, info or never");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
