package dev.criconf.model.internal;

import dev.criconf.model.value.KeyPath;
import java.util.List;

/**
 * A path while a tree is checked: every value visited gets one, few are reported, so the
 * {@link KeyPath} (a copy of all its segments) is only made for those. {@code null} is the root.
 *
 * @param parent the enclosing step, {@code null} below the root
 * @param key    the table key, or {@code null} for an array element
 * @param index  the array index when {@code key} is {@code null}
 */
record PathStep(PathStep parent, String key, int index) {

    /** The path from the root to {@code step}. */
    static KeyPath toPath(PathStep step) {
        int depth = 0;
        for (PathStep s = step; s != null; s = s.parent) {
            depth++;
        }
        KeyPath.Segment[] segments = new KeyPath.Segment[depth];
        for (PathStep s = step; s != null; s = s.parent) {
            segments[--depth] = s.key != null ? new KeyPath.Key(s.key) : new KeyPath.Index(s.index);
        }
        return new KeyPath(List.of(segments));
    }
}
