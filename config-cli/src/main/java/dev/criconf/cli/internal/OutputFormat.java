package dev.criconf.cli.internal;

import java.util.Locale;
import picocli.CommandLine.TypeConversionException;

/** What {@code --format} selects. */
public enum OutputFormat {
    /** Lines for people and editors. */
    TEXT,
    /** One JSON object (CLI.md). */
    JSON,
    /** SARIF 2.1.0. */
    SARIF;

    /** Parses the option's word, ignoring case. */
    static OutputFormat parse(String value) {
        for (OutputFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new TypeConversionException("unknown format '" + value + "': expected text, json or sarif");
    }
}
