package dev.criconf.validate.internal;

import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.KeyPath;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every scalar of a tree in the order of {@link ConfigValues#walk} (pre-order, document order,
 * duplicates included), with its path made only when asked for. Checks that look at every scalar
 * of a file and report few of them would otherwise pay for a {@link KeyPath} (a copy of all its
 * segments) per value. Iterative, so a deep tree cannot overflow the stack.
 */
public final class ScalarWalk {

    private ScalarWalk() {
    }

    /** One scalar and the way to its path. */
    public interface Visitor {
        /**
         * Called for each scalar in order.
         *
         * @param scalar the scalar
         * @param at     its place in the tree; {@link Step#path()} makes the {@link KeyPath}
         */
        void visit(ConfigScalar scalar, Step at);
    }

    /**
     * A place in a tree: a key or index below its parent step; {@code null} stands for the root.
     *
     * @param parent the enclosing step, {@code null} directly below the root
     * @param key    the table key, or {@code null} for an array element
     * @param index  the array index when {@code key} is {@code null}
     */
    public record Step(Step parent, String key, int index) {

        /** The path from the root to {@code step} ({@link KeyPath#ROOT} for {@code null}). */
        public static KeyPath path(Step step) {
            int depth = 0;
            for (Step s = step; s != null; s = s.parent) {
                depth++;
            }
            if (depth == 0) {
                return KeyPath.ROOT;
            }
            KeyPath.Segment[] segments = new KeyPath.Segment[depth];
            for (Step s = step; s != null; s = s.parent) {
                segments[--depth] = s.key != null ? new KeyPath.Key(s.key) : new KeyPath.Index(s.index);
            }
            return new KeyPath(List.of(segments));
        }

        /** Whether this step or one above it is the table key {@code name}. */
        public static boolean below(Step step, String name) {
            for (Step s = step; s != null; s = s.parent) {
                if (name.equals(s.key)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Visits every scalar of {@code root}, the root itself when it is one. */
    public static void scalars(ConfigValue root, Visitor visitor) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, null});
        while (!stack.isEmpty()) {
            Object[] item = stack.pop();
            ConfigValue v = (ConfigValue) item[0];
            Step step = (Step) item[1];
            if (v instanceof ConfigTable t) {
                List<ConfigEntry> es = t.entries();
                for (int i = es.size() - 1; i >= 0; i--) {
                    ConfigEntry e = es.get(i);
                    stack.push(new Object[] {e.value(), new Step(step, e.key(), 0)});
                }
            } else if (v instanceof ConfigArray a) {
                for (int i = a.size() - 1; i >= 0; i--) {
                    stack.push(new Object[] {a.items().get(i), new Step(step, null, i)});
                }
            } else {
                visitor.visit((ConfigScalar) v, step);
            }
        }
    }
}
