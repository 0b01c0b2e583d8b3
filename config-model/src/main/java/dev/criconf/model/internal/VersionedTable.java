package dev.criconf.model.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Values that change at given releases: each row starts at a release (inclusive) and lasts until the
 * next row starts (the last one has no end); a row may also end explicitly. Rows are added in
 * ascending order. Lookups treat a release line without a patch number
 * ({@code 1.6}) as its latest patch, the release people run today.
 *
 * @param <V> the value type
 */
public final class VersionedTable<V> {

    /** One row. */
    public record Row<V>(int[] from, int[] until, V value, String label) {}

    private final List<Row<V>> rows = new ArrayList<>();

    /** Adds a row starting at {@code major.minor.patch}; {@code label} is how messages name the range. */
    public VersionedTable<V> from(int major, int minor, int patch, V value, String label) {
        rows.add(new Row<>(new int[] {major, minor, patch}, null, value, label));
        return this;
    }

    /** Adds a row for exactly one release line {@code major.minor}. */
    public VersionedTable<V> line(int major, int minor, V value) {
        rows.add(new Row<>(new int[] {major, minor, 0}, new int[] {major, minor + 1, 0}, value, major + "." + minor));
        return this;
    }

    /** The row that applies to the release, if any. */
    public Optional<Row<V>> lookup(int major, int minor, OptionalInt patch) {
        int[] v = {major, minor, patch.orElse(Integer.MAX_VALUE)};
        for (int i = 0; i < rows.size(); i++) {
            Row<V> r = rows.get(i);
            int[] until = r.until() != null ? r.until() : i + 1 < rows.size() ? rows.get(i + 1).from() : null;
            if (compare(v, r.from()) >= 0 && (until == null || compare(v, until) < 0)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** All rows in the order added. */
    public List<Row<V>> rows() {
        return List.copyOf(rows);
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
