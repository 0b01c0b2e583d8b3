package dev.criconf.io.args;

/**
 * How a flag takes its value and how repeated occurrences combine, after spf13/pflag and the
 * value types of k8s.io/component-base/cli/flag that the kubelet registers.
 */
public enum FlagKind {
    /** {@code --x} means true; a value only with {@code =} ({@code --x=false}); never takes the next word. */
    BOOLEAN,
    /** Like {@link #BOOLEAN} but any value is allowed after {@code =} (pflag {@code NoOptDefVal}, e.g. {@code --version=raw}). */
    OPTIONAL_VALUE,
    /** A scalar value ({@code --x=v} or {@code --x v}); the last occurrence wins. */
    STRING,
    /**
     * pflag {@code stringSlice}: comma-separated items; the first occurrence replaces the default,
     * later occurrences append.
     */
    STRING_SLICE,
    /**
     * {@code cliflag.MapStringString}: {@code k=v,k2=v2}; the first occurrence replaces the default map,
     * later occurrences add or replace keys; a pair without {@code =} is an error.
     */
    MAP_STRING_STRING,
    /** {@code cliflag.NewMapStringStringNoSplit}: one {@code k=v} pair per occurrence (commas are part of the value). */
    MAP_STRING_STRING_NO_SPLIT,
    /** {@code cliflag.MapStringBool} ({@code --feature-gates}): like {@link #MAP_STRING_STRING} with boolean values. */
    MAP_STRING_BOOL,
    /**
     * {@code cliflag.ConfigurationMap} ({@code --node-labels}): {@code k=v} pairs merged into the
     * existing map, nothing is cleared; a pair without {@code =} gives the key an empty value.
     */
    CONFIGURATION_MAP,
    /** {@code cliflag.LangleSeparatedMapStringString} ({@code --eviction-hard}): {@code k<v,k2<v2}. */
    LANGLE_MAP,
    /** Every occurrence counts, in order ({@code --reserved-memory}, {@code --manifest-url-header}). */
    REPEATED;

    /** Whether the flag can stand alone without a value. */
    public boolean valueOptional() {
        return this == BOOLEAN || this == OPTIONAL_VALUE;
    }

    /** Whether occurrences combine rather than the last one winning. */
    public boolean accumulates() {
        return this != BOOLEAN && this != OPTIONAL_VALUE && this != STRING;
    }
}
