package dev.criconf.io.yaml.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An insertion-ordered map that nobody can change once {@link Builder#build()} made it: the
 * builder gives up its map and refuses further puts. {@code YamlValue.MappingValue} keeps such a
 * map as it is instead of copying it, which the parser would otherwise pay for every mapping.
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {

    private final Map<K, V> map;
    /** Made on first use: most maps are only read by key. */
    private Map<K, V> view;

    private FrozenMap(Map<K, V> map) {
        this.map = map;
    }

    private Map<K, V> view() {
        Map<K, V> v = view;
        if (v == null) {
            v = Collections.unmodifiableMap(map);
            view = v;
        }
        return v;
    }

    /** Collects entries, then freezes them. */
    public static final class Builder<K, V> {

        private LinkedHashMap<K, V> map;

        /** For about {@code expected} entries. */
        public Builder(int expected) {
            map = new LinkedHashMap<>(Math.max(2, expected + expected / 3 + 1));
        }

        /** For any number of entries. */
        public Builder() {
            map = new LinkedHashMap<>();
        }

        /** As {@link Map#put}: the previous value, or null. */
        public V put(K key, V value) {
            return map.put(key, value);
        }

        /** As {@link Map#putAll}. */
        public void putAll(Map<? extends K, ? extends V> entries) {
            map.putAll(entries);
        }

        /** The frozen map; the builder cannot be used afterwards. */
        public FrozenMap<K, V> build() {
            FrozenMap<K, V> frozen = new FrozenMap<>(map);
            map = null;
            return frozen;
        }
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return view().entrySet();
    }

    @Override
    public Set<K> keySet() {
        return view().keySet();
    }

    @Override
    public int size() {
        return map.size();
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || map.equals(o);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }
}
