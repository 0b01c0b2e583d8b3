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
    GO_TOML_V2;

    /** How a containerd release matches keys: {@link #GO_TOML_V1} for 1.x, {@link #GO_TOML_V2} from 2.0. */
    public static TomlKeyMatching forRelease(dev.criconf.model.ComponentVersion containerd) {
        return containerd.major() < 2 ? GO_TOML_V1 : GO_TOML_V2;
    }

    /**
     * Whether a key written in a file binds to a field of this name under this matching. Field names
     * are Go field names ({@code SystemdCgroup}) or TOML tags ({@code sandbox_image}).
     */
    public boolean matches(String key, String field) {
        switch (this) {
            case EXACT:
                return key.equals(field);
            case GO_TOML_V1:
                return key.equals(field) || key.equals(field.toLowerCase(java.util.Locale.ROOT))
                        || key.equals(field.toUpperCase(java.util.Locale.ROOT))
                        || (!field.isEmpty() && key.equals(Character.toLowerCase(field.charAt(0)) + field.substring(1)));
            default:
                return key.equalsIgnoreCase(field);
        }
    }
}
