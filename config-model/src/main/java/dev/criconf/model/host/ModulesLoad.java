package dev.criconf.model.host;

import dev.criconf.model.Setting;
import java.util.List;
import java.util.Optional;

/**
 * Kernel modules {@code systemd-modules-load} loads at boot, from {@code modules-load.d} files
 * (one module name per line, {@code #} and {@code ;} start comments), in application order.
 *
 * @param modules every module line with its origin
 */
public record ModulesLoad(List<Setting<String>> modules) {

    /** Copies the list. */
    public ModulesLoad {
        modules = List.copyOf(modules);
    }

    /** The line that loads a module; {@code -} and {@code _} are the same in module names ({@code br_netfilter}, {@code br-netfilter}). */
    public Optional<Setting<String>> find(String module) {
        String wanted = module.replace('-', '_');
        for (Setting<String> m : modules) {
            if (m.value().strip().replace('-', '_').equals(wanted)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** Whether a module is loaded at boot. */
    public boolean contains(String module) {
        return find(module).isPresent();
    }
}
