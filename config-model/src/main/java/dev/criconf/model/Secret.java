package dev.criconf.model;

import java.util.Objects;

/**
 * A credential read from a file (a registry password, auth token or identity token). It is kept so
 * rules can say that one is present and where, but {@link #toString()} never shows it; reports must
 * not print {@link #reveal()}.
 *
 * @param value  the credential
 * @param origin where it is written
 */
public record Secret(String value, Origin origin) {

    /** Rejects nulls. */
    public Secret {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }

    /** The credential itself, for code that must use it (never for output). */
    public String reveal() {
        return value;
    }

    /** {@code <redacted> at file:line:col}. */
    @Override
    public String toString() {
        return "<redacted> at " + origin;
    }
}
