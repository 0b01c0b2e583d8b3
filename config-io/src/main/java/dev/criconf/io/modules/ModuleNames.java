package dev.criconf.io.modules;

/** Module names as kmod compares them. */
public final class ModuleNames {

    private ModuleNames() {}

    /**
     * kmod treats {@code -} and {@code _} in module names as the same character
     * ({@code br-netfilter} is {@code br_netfilter}); this returns the underscore spelling.
     */
    public static String normalize(String name) {
        return name.strip().replace('-', '_');
    }
}
