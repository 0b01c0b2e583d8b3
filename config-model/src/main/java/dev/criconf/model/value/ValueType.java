package dev.criconf.model.value;

/** The kinds of values the tree holds. */
public enum ValueType {
    /** A TOML table, YAML mapping or JSON object. */
    TABLE("table"),
    /** A TOML array, YAML sequence or JSON array. */
    ARRAY("array"),
    /** A string. */
    STRING("string"),
    /** An integer. */
    INTEGER("integer"),
    /** A floating-point number (including TOML's {@code inf} and {@code nan}). */
    FLOAT("float"),
    /** A boolean. */
    BOOLEAN("boolean"),
    /** A date, time or date-time (TOML; YAML timestamps a codec chooses to resolve). */
    DATE_TIME("date-time"),
    /** YAML or JSON null. */
    NULL("null");

    private final String displayName;

    ValueType(String displayName) {
        this.displayName = displayName;
    }

    /** The word messages use, e.g. {@code boolean}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
