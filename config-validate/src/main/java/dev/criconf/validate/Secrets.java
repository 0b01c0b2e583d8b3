package dev.criconf.validate;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Values that must never reach output: registry credentials (containerd
 * {@code registry.configs.*.auth} {@code username}/{@code password}/{@code auth}/{@code identitytoken},
 * Docker {@code auths}), filled in by the loaders that read them. Renderers redact every
 * occurrence through a {@link Redactor}. {@link #toString()} never shows the values.
 *
 * @param values the secret strings; empty strings are dropped
 */
public record Secrets(Set<String> values) {

    private static final Secrets NONE = new Secrets(Set.of());

    /** Checks the components and copies collections; see the class description. */
    public Secrets {
        TreeSet<String> copy = new TreeSet<>();
        for (String v : values) {
            if (!v.isEmpty()) {
                copy.add(v);
            }
        }
        values = Collections.unmodifiableSet(copy);
    }

    /** No secrets. */
    public static Secrets none() {
        return NONE;
    }

    /** These secrets. */
    public static Secrets of(String... values) {
        return new Secrets(Set.of(values));
    }

    /** These secrets. */
    public static Secrets of(Collection<String> values) {
        return new Secrets(new TreeSet<>(values));
    }

    /** These secrets and {@code other}'s. */
    public Secrets union(Secrets other) {
        if (other.values.isEmpty()) {
            return this;
        }
        TreeSet<String> all = new TreeSet<>(values);
        all.addAll(other.values);
        return new Secrets(all);
    }

    /** Whether there is nothing to redact. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Says how many secrets there are, never what they are. */
    @Override
    public String toString() {
        return "Secrets[" + values.size() + " redacted]";
    }
}
