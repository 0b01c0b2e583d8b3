package dev.criconf.model.catalog;

/** How a command-line flag's value is written and parsed (kubelet: pflag and component-base types). */
public enum FlagValueKind {
    /** A boolean: {@code --flag} alone means true; a value must be attached ({@code --flag=false}). */
    BOOLEAN,
    /** A string. */
    STRING,
    /** An integer. */
    INTEGER,
    /** A Go duration such as {@code 2m0s}. */
    DURATION,
    /** {@code k=v,k2=v2}; the first occurrence replaces the configured map, later ones add keys. */
    KEY_VALUE_MAP,
    /** {@code k<v,k2<v2} (eviction thresholds); combined like {@link #KEY_VALUE_MAP}. */
    THRESHOLD_MAP,
    /** {@code Gate=true,Other=false}: merged key by key with the configured gates. */
    FEATURE_GATES,
    /** {@code a,b,c}; the first occurrence replaces the configured list, later ones append. */
    LIST,
    /** A value in a syntax of its own (e.g. {@code --reserved-memory 0:memory=1Gi}); kept as text. */
    OTHER
}
