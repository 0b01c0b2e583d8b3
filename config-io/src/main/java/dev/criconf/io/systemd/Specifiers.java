package dev.criconf.io.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code %} specifiers a system unit's settings expand (systemd src/core/unit-printf.c,
 * src/shared/specifier.c), for the values that do not depend on the running host: {@code %%},
 * the unit-name ones ({@code %n %N %p %P %i %I %j %J %f}), the system manager's directories
 * ({@code %t}=/run, {@code %S}=/var/lib, {@code %C}=/var/cache, {@code %L}=/var/log, {@code %E}=/etc,
 * {@code %T}=/tmp, {@code %V}=/var/tmp) and user ones, which for the system manager are root's
 * ({@code %u}=root, {@code %U}=0, {@code %g}=root, {@code %G}=0, {@code %h}=/root, {@code %s}=/bin/sh),
 * and the unit file's path ({@code %y}, {@code %Y}) when it is known. Host facts ({@code %H %l %m %b
 * %v %a %o %w ...}) are left as written and reported as unresolved.
 */
public final class Specifiers {

    private final String unitName;
    private final Optional<String> fragmentPath;

    private Specifiers(String unitName, Optional<String> fragmentPath) {
        this.unitName = unitName;
        this.fragmentPath = fragmentPath;
    }

    /** Specifiers of a system unit named {@code unitName} (e.g. {@code kubelet.service}). */
    public static Specifiers systemUnit(String unitName) {
        return new Specifiers(Objects.requireNonNull(unitName), Optional.empty());
    }

    /** Like {@link #systemUnit(String)}, knowing the unit file's absolute path on the node. */
    public static Specifiers systemUnit(String unitName, String fragmentPath) {
        return new Specifiers(Objects.requireNonNull(unitName), Optional.of(fragmentPath));
    }

    /** Specifiers when the unit's name is not known: only the name-independent ones resolve. */
    public static Specifiers unknownUnit() {
        return new Specifiers("", Optional.empty());
    }

    /** The unit's name ({@code ""} when unknown). */
    public String unitName() {
        return unitName;
    }

    /** An expanded string and the specifiers that could not be resolved (kept as written). */
    public record Expansion(String value, List<String> unresolved) {
        /** Checks that nothing is null and copies the list. */
        public Expansion {
            Objects.requireNonNull(value);
            unresolved = List.copyOf(unresolved);
        }
    }

    /** Expands every specifier in {@code s}. */
    public Expansion expand(String s) {
        if (s.indexOf('%') < 0) {
            return new Expansion(s, List.of());
        }
        StringBuilder sb = new StringBuilder();
        List<String> unresolved = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                unresolved.add("%");
                sb.append('%');
                continue;
            }
            char k = s.charAt(++i);
            Optional<String> v = value(k);
            if (v.isPresent()) {
                sb.append(v.get());
            } else {
                unresolved.add("%" + k);
                sb.append('%').append(k);
            }
        }
        return new Expansion(sb.toString(), unresolved);
    }

    /** What {@code %c} stands for, when it does not depend on the host. */
    public Optional<String> value(char c) {
        switch (c) {
            case '%': return Optional.of("%");
            case 't': return Optional.of("/run");
            case 'S': return Optional.of("/var/lib");
            case 'C': return Optional.of("/var/cache");
            case 'L': return Optional.of("/var/log");
            case 'E': return Optional.of("/etc");
            case 'T': return Optional.of("/tmp");
            case 'V': return Optional.of("/var/tmp");
            case 'u': case 'g': return Optional.of("root");
            case 'U': case 'G': return Optional.of("0");
            case 'h': return Optional.of("/root");
            case 's': return Optional.of("/bin/sh");
            case 'y': return fragmentPath;
            case 'Y': return fragmentPath.map(p -> p.substring(0, Math.max(1, p.lastIndexOf('/'))));
            default:
                break;
        }
        if (unitName.isEmpty()) {
            return Optional.empty();
        }
        String n = unitName;
        int dot = n.lastIndexOf('.');
        String noSuffix = dot > 0 ? n.substring(0, dot) : n;
        int at = noSuffix.indexOf('@');
        String prefix = at >= 0 ? noSuffix.substring(0, at) : noSuffix;
        String instance = at >= 0 ? noSuffix.substring(at + 1) : "";
        switch (c) {
            case 'n': return Optional.of(n);
            case 'N': return Optional.of(noSuffix);
            case 'p': return Optional.of(prefix);
            case 'P': return Optional.of(unescape(prefix));
            case 'i': return Optional.of(instance);
            case 'I': return Optional.of(unescape(instance));
            case 'j': return Optional.of(prefix.substring(prefix.lastIndexOf('-') + 1));
            case 'J': return Optional.of(unescape(prefix.substring(prefix.lastIndexOf('-') + 1)));
            case 'f': return Optional.of(pathUnescape(at >= 0 ? instance : prefix));
            case 'd': return Optional.of("/run/credentials/" + n);
            default: return Optional.empty();
        }
    }

    /** unit_name_unescape: {@code \xNN} is a char, everything else stays. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x'
                    && Character.digit(s.charAt(i + 2), 16) >= 0 && Character.digit(s.charAt(i + 3), 16) >= 0) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** unit_name_path_unescape: {@code -} is {@code /}, a leading {@code /} is added. */
    static String pathUnescape(String s) {
        if (s.equals("-")) {
            return "/";
        }
        return "/" + unescape(s.replace('-', '/'));
    }
}
