package dev.criconf.io.toml;

/** The TOML specification a document is read against. */
public enum TomlVersion {
    /** TOML 1.0.0 (2021-01-11). */
    V1_0_0,
    /**
     * TOML 1.1.0 (2025-12-18): inline tables may span lines and end with a comma, basic strings
     * gain the {@code \e} and {@code \xHH} escapes, and seconds in times are optional. Every 1.0.0
     * document is also a 1.1.0 document.
     */
    V1_1_0
}
