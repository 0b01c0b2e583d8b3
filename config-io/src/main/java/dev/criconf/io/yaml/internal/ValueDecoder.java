package dev.criconf.io.yaml.internal;

import dev.criconf.io.yaml.ScalarStyle;
import dev.criconf.io.yaml.YamlAlias;
import dev.criconf.io.yaml.YamlMapping;
import dev.criconf.io.yaml.YamlNode;
import dev.criconf.io.yaml.YamlScalar;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlSequence;
import dev.criconf.io.yaml.YamlValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a node tree into its {@link YamlValue} under a schema. Iterative, so deep documents cannot
 * overflow the stack; an alias shares the value of its anchor instead of copying it, so decoding
 * takes time proportional to the written document however much the aliases expand.
 */
public final class ValueDecoder {

    /** A problem found while decoding, at a node. */
    public record Issue(YamlNode at, String message) {}

    /** The decoded value and the issues met on the way. */
    public record Result(YamlValue value, List<Issue> issues) {}

    private final Function<YamlAlias, Optional<YamlNode>> aliases;
    private final YamlSchema schema;
    private final Map<YamlNode, YamlValue> anchored = new IdentityHashMap<>();
    private final Map<YamlNode, Boolean> inProgress = new IdentityHashMap<>();
    private final List<Issue> issues = new ArrayList<>();

    private ValueDecoder(Function<YamlAlias, Optional<YamlNode>> aliases, YamlSchema schema) {
        this.aliases = aliases;
        this.schema = schema;
    }

    public static Result decode(YamlNode root, Function<YamlAlias, Optional<YamlNode>> aliases, YamlSchema schema) {
        ValueDecoder d = new ValueDecoder(aliases, schema);
        YamlValue v = d.run(root);
        return new Result(v, List.copyOf(d.issues));
    }

    private static final class Frame {
        final YamlNode node;
        int next;
        /** The values of the children decoded so far; null for a node without children. */
        final List<YamlValue> done;

        Frame(YamlNode node) {
            this.node = node;
            this.done = node instanceof YamlMapping m ? new ArrayList<>(m.entries().size() * 2)
                    : node instanceof YamlSequence q ? new ArrayList<>(q.items().size()) : null;
        }
    }

    private YamlValue run(YamlNode root) {
        Deque<Frame> stack = new ArrayDeque<>();
        enter(stack, root);
        YamlValue result = YamlValue.NULL;
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            YamlValue produced = null;
            if (f.node instanceof YamlScalar s) {
                produced = ScalarResolver.resolve(schema, s.value(), s.style(), s.tag());
            } else if (f.node instanceof YamlAlias a) {
                produced = aliasValue(a);
            } else if (f.node instanceof YamlSequence seq) {
                if (f.next < seq.items().size()) {
                    enter(stack, seq.items().get(f.next++));
                    continue;
                }
                produced = new YamlValue.SequenceValue(f.done);
            } else {
                YamlMapping map = (YamlMapping) f.node;
                int children = map.entries().size() * 2;
                if (f.next < children) {
                    YamlMapping.Entry e = map.entries().get(f.next / 2);
                    enter(stack, f.next % 2 == 0 ? e.key() : e.value());
                    f.next++;
                    continue;
                }
                produced = mapping(map, f.done);
            }
            stack.pop();
            if (f.node.anchor().isPresent()) {
                anchored.put(f.node, produced);
                inProgress.remove(f.node);
            }
            if (stack.isEmpty()) {
                result = produced;
            } else {
                stack.peek().done.add(produced);
            }
        }
        return result;
    }

    private void enter(Deque<Frame> stack, YamlNode node) {
        if (node.anchor().isPresent()) {
            inProgress.put(node, Boolean.TRUE);
        }
        stack.push(new Frame(node));
    }

    private YamlValue aliasValue(YamlAlias a) {
        Optional<YamlNode> target = aliases.apply(a);
        if (target.isEmpty()) {
            return YamlValue.NULL;
        }
        YamlValue v = anchored.get(target.get());
        if (v != null) {
            return v;
        }
        if (inProgress.containsKey(target.get())) {
            issues.add(new Issue(a, "alias *" + a.name() + " refers to the node that contains it"));
            return YamlValue.NULL;
        }
        // The anchored node is not part of the tree being decoded (an edited copy): decode it alone.
        Result r = decode(target.get(), aliases, schema);
        issues.addAll(r.issues());
        anchored.put(target.get(), r.value());
        return r.value();
    }

    private YamlValue mapping(YamlMapping map, List<YamlValue> done) {
        FrozenMap.Builder<YamlValue, YamlValue> out = new FrozenMap.Builder<>();
        for (int i = 0; i < map.entries().size(); i++) {
            YamlValue key = done.get(2 * i);
            YamlValue value = done.get(2 * i + 1);
            if (schema == YamlSchema.YAML_1_1_KUBELET && isMergeKey(map.entries().get(i).key())) {
                merge(out, value, map.entries().get(i).value());
            } else {
                out.put(key, value);
            }
        }
        return new YamlValue.MappingValue(out.build());
    }

    /** go-yaml v2 {@code isMerge}: a plain {@code <<} or one tagged {@code !!merge}. */
    public static boolean isMergeKey(YamlNode key) {
        return key instanceof YamlScalar s && s.value().equals("<<")
                && ((s.style() == ScalarStyle.PLAIN && s.tag().isEmpty())
                        || s.tag().equals(Optional.of(ScalarResolver.TAG_PREFIX + "merge")));
    }

    private void merge(FrozenMap.Builder<YamlValue, YamlValue> out, YamlValue value, YamlNode at) {
        if (!mergeInto(out, value)) {
            issues.add(new Issue(at, MERGE_NEEDS_MAPPINGS));
        }
    }

    /** Why a {@code <<} value cannot be merged. */
    public static final String MERGE_NEEDS_MAPPINGS = "map merge requires a mapping or a sequence of mappings as the value of <<";

    /**
     * Merges a {@code <<} value into {@code out} as go-yaml v2 does; false (and nothing merged) when
     * the value is neither a mapping nor a sequence of mappings.
     */
    public static boolean mergeInto(FrozenMap.Builder<YamlValue, YamlValue> out, YamlValue value) {
        if (value instanceof YamlValue.MappingValue m) {
            out.putAll(m.entries());
            return true;
        }
        if (value instanceof YamlValue.SequenceValue s && s.items().stream().allMatch(x -> x instanceof YamlValue.MappingValue)) {
            // Earlier mappings take precedence: apply them last, as go-yaml v2 does.
            for (int i = s.items().size() - 1; i >= 0; i--) {
                out.putAll(((YamlValue.MappingValue) s.items().get(i)).entries());
            }
            return true;
        }
        return false;
    }

    /**
     * The number of nodes the document has once every alias is expanded, and how many of them come
     * from aliases; computed from the written nodes without expanding anything. Saturates at
     * {@link Long#MAX_VALUE} / 4.
     */
    public record Expansion(long total, long fromAliases) {}

    public static Expansion expansion(YamlNode root, Function<YamlAlias, Optional<YamlNode>> aliases) {
        final long cap = Long.MAX_VALUE / 4;
        Map<YamlNode, Long> sizes = new IdentityHashMap<>();
        long[] fromAliases = {0};
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(root));
        long[] sum = new long[1];
        Deque<long[]> sums = new ArrayDeque<>();
        sums.push(new long[] {0});
        long total = 0;
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            int children = f.node instanceof YamlSequence s ? s.items().size()
                    : f.node instanceof YamlMapping m ? m.entries().size() * 2 : 0;
            if (f.next < children) {
                YamlNode child = f.node instanceof YamlSequence s ? s.items().get(f.next)
                        : ((YamlMapping) f.node).entries().get(f.next / 2).key();
                if (f.node instanceof YamlMapping m && f.next % 2 == 1) {
                    child = m.entries().get(f.next / 2).value();
                }
                f.next++;
                stack.push(new Frame(child));
                sums.push(new long[] {0});
                continue;
            }
            stack.pop();
            long size;
            long childSum = sums.pop()[0];
            if (f.node instanceof YamlAlias a) {
                Long target = aliases.apply(a).map(sizes::get).orElse(0L);
                size = 1 + target;
                fromAliases[0] = Math.min(cap, fromAliases[0] + target);
            } else {
                size = Math.min(cap, 1 + childSum);
            }
            if (f.node.anchor().isPresent()) {
                sizes.put(f.node, size);
            }
            if (sums.isEmpty()) {
                total = size;
            } else {
                long[] parent = sums.peek();
                parent[0] = Math.min(cap, parent[0] + size);
            }
        }
        sum[0] = total;
        return new Expansion(sum[0], fromAliases[0]);
    }

    /**
     * go-yaml v2's "document contains excessive aliasing" rule: more than 100 alias-driven node
     * decodes out of more than 1,000, at a ratio above 99% for up to 400,000 decodes, falling to 10%
     * at 4,000,000.
     */
    public static boolean excessiveAliasing(Expansion e) {
        if (e.fromAliases() <= 100 || e.total() <= 1000) {
            return false;
        }
        double allowed;
        if (e.total() <= 400_000) {
            allowed = 0.99;
        } else if (e.total() >= 4_000_000) {
            allowed = 0.10;
        } else {
            allowed = 0.99 - 0.89 * ((double) (e.total() - 400_000) / 3_600_000);
        }
        return (double) e.fromAliases() / (double) e.total() > allowed;
    }
}
