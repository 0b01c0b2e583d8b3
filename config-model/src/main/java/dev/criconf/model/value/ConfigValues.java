package dev.criconf.model.value;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Operations over whole trees. They iterate with an explicit stack, so a deep tree cannot
 * overflow the call stack.
 */
public final class ConfigValues {

    private ConfigValues() {}

    /**
     * One value reached by {@link #walk}: its path, the table entry that holds it (empty for the
     * root and for array elements), and the value.
     *
     * @param path  the path from the walk's root
     * @param entry the table entry holding the value, when the value is a table member
     * @param value the value
     */
    public record Node(KeyPath path, Optional<ConfigEntry> entry, ConfigValue value) {
        /** Rejects nulls. */
        public Node {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Every value in the tree, the root first, in document order (pre-order), duplicates included. */
    public static List<Node> walk(ConfigValue root) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(new Node(KeyPath.ROOT, Optional.empty(), root));
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            if (n.value() instanceof ConfigTable t) {
                List<ConfigEntry> es = t.entries();
                for (int i = es.size() - 1; i >= 0; i--) {
                    ConfigEntry e = es.get(i);
                    stack.push(new Node(n.path().child(e.key()), Optional.of(e), e.value()));
                }
            } else if (n.value() instanceof ConfigArray a) {
                for (int i = a.size() - 1; i >= 0; i--) {
                    stack.push(new Node(n.path().index(i), Optional.empty(), a.items().get(i)));
                }
            }
        }
        return out;
    }

    /**
     * Whether two trees say the same thing, ignoring origins and how scalars were written: same
     * types, same scalar values, same entries in the same order. Floats compare by bits, so
     * {@code nan} equals {@code nan}.
     */
    public static boolean sameContent(ConfigValue a, ConfigValue b) {
        Deque<ConfigValue[]> stack = new ArrayDeque<>();
        stack.push(new ConfigValue[] {a, b});
        while (!stack.isEmpty()) {
            ConfigValue[] pair = stack.pop();
            ConfigValue x = pair[0];
            ConfigValue y = pair[1];
            if (x.type() != y.type()) {
                return false;
            }
            if (x instanceof ConfigTable tx) {
                ConfigTable ty = (ConfigTable) y;
                if (tx.size() != ty.size()) {
                    return false;
                }
                for (int i = 0; i < tx.size(); i++) {
                    ConfigEntry ex = tx.entries().get(i);
                    ConfigEntry ey = ty.entries().get(i);
                    if (!ex.key().equals(ey.key())) {
                        return false;
                    }
                    stack.push(new ConfigValue[] {ex.value(), ey.value()});
                }
            } else if (x instanceof ConfigArray ax) {
                ConfigArray ay = (ConfigArray) y;
                if (ax.size() != ay.size()) {
                    return false;
                }
                for (int i = 0; i < ax.size(); i++) {
                    stack.push(new ConfigValue[] {ax.items().get(i), ay.items().get(i)});
                }
            } else if (!sameScalar(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameScalar(ConfigValue x, ConfigValue y) {
        if (x instanceof ConfigString s) {
            return s.value().equals(((ConfigString) y).value());
        }
        if (x instanceof ConfigInteger i) {
            return i.value().equals(((ConfigInteger) y).value());
        }
        if (x instanceof ConfigFloat f) {
            return Double.doubleToLongBits(f.value()) == Double.doubleToLongBits(((ConfigFloat) y).value());
        }
        if (x instanceof ConfigBoolean bo) {
            return bo.value() == ((ConfigBoolean) y).value();
        }
        if (x instanceof ConfigDateTime d) {
            ConfigDateTime e = (ConfigDateTime) y;
            return d.kind() == e.kind() && d.value().equals(e.value());
        }
        return true; // both null
    }

    /**
     * A compact one-line rendering for messages and the effective view: strings quoted JSON-style,
     * other scalars as their value, arrays as {@code [a, b]}, tables as {@code {k: v, ...}}.
     * Output longer than {@code maxLength} characters ends with {@code ...}.
     */
    public static String render(ConfigValue value, int maxLength) {
        StringBuilder sb = new StringBuilder();
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(value);
        while (!stack.isEmpty() && sb.length() <= maxLength) {
            Object o = stack.pop();
            if (o instanceof String literal) {
                sb.append(literal);
            } else if (o instanceof ConfigTable t) {
                stack.push("}");
                for (int i = t.size() - 1; i >= 0; i--) {
                    ConfigEntry e = t.entries().get(i);
                    stack.push(e.value());
                    stack.push((i > 0 ? ", " : "") + e.key() + ": ");
                }
                stack.push("{");
            } else if (o instanceof ConfigArray a) {
                stack.push("]");
                for (int i = a.size() - 1; i >= 0; i--) {
                    stack.push(a.items().get(i));
                    if (i > 0) {
                        stack.push(", ");
                    }
                }
                stack.push("[");
            } else if (o instanceof ConfigString s) {
                sb.append(quote(s.value()));
            } else if (o instanceof ConfigInteger i) {
                sb.append(i.value());
            } else if (o instanceof ConfigFloat f) {
                sb.append(f.value());
            } else if (o instanceof ConfigBoolean b) {
                sb.append(b.value());
            } else if (o instanceof ConfigDateTime d) {
                sb.append(d.value());
            } else {
                sb.append("null");
            }
        }
        if (sb.length() > maxLength) {
            return sb.substring(0, Math.max(0, maxLength - 3)) + "...";
        }
        return sb.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
