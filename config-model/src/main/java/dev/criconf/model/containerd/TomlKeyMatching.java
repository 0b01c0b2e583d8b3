package dev.criconf.model.containerd;

/**
 * How containerd's TOML decoder matches a key to a field name; it differs between releases and
 * decides whether {@code SystemdCGroup = true} counts.
 */
public enum TomlKeyMatching {
    /** Only the exact spelling. */
    EXACT,
    /**
     * containerd 1.x (go-toml v1.9.5 {@code keysToTry}): the exact name, all lower case, all upper
     * case, or the first letter lowered; the first of these present wins.
     */
    GO_TOML_V1,
    /** containerd 2.x (go-toml v2): any letter case; the last matching key in the file wins. */
    GO_TOML_V2
}
