package dev.criconf.io.yaml;

import dev.criconf.io.EditException;
import dev.criconf.io.yaml.internal.ScalarResolver;
import dev.criconf.io.yaml.internal.ScalarWriter;
import dev.criconf.io.yaml.internal.TextLines;
import dev.criconf.io.yaml.internal.ValueDecoder;
import dev.criconf.io.yaml.internal.ValueDiff;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Edits a stream by splicing its text. Each edit also builds the node tree it intends (the old
 * tree with the one change) and, after parsing the spliced text again, checks that every document
 * decodes, under both schemas, exactly as that intended tree does.
 */
final class StreamEditor {

    private final YamlStream stream;
    private final String text;
    private final String eol;

    StreamEditor(YamlStream stream) {
        this.stream = stream;
        this.text = stream.text();
        this.eol = stream.source().dominantLineEnding();
    }

    // ---------------------------------------------------------------- the four edits

    YamlStream setScalar(int document, YamlPath path, YamlValue value) {
        String what = "set " + path + " in document " + document;
        if (!value.isScalar()) {
            throw new EditException(what + ": setScalar takes a null, boolean, number or string, not a collection");
        }
        YamlDocument d = document(document, what);
        List<YamlNode> chain = chain(d, path, what);
        YamlNode target = chain.get(chain.size() - 1);
        if (!(target instanceof YamlScalar s)) {
            throw new EditException(what + ": the node there is " + kind(target) + ", not a scalar");
        }
        guardAnchors(d, chain, target, what);
        if (ScalarResolver.resolve(YamlSchema.YAML_1_1_KUBELET, s.value(), s.style(), s.tag()).equals(value)
                && ScalarResolver.resolve(YamlSchema.YAML_1_2_CORE, s.value(), s.style(), s.tag()).equals(value)) {
            return stream;
        }
        boolean inFlow = inFlow(chain);
        ScalarWriter.Written w = writeForReplace(s, value, inFlow, chain);
        int start = s.origin().offset();
        int end = s.origin().endOffset();
        String insert = w.text();
        if (start == end && start > 0 && " \t\r\n".indexOf(text.charAt(start - 1)) < 0) {
            insert = " " + insert;
        }
        if (w.style() == ScalarStyle.LITERAL && end >= text.length() && !insert.startsWith("|-")) {
            insert = insert + eol;
        }
        YamlScalar intended = new YamlScalar(w.value(), w.style(), s.tag(), s.anchor(), s.origin(), s.nodeOrigin());
        YamlNode root = rebuild(chain, path, old -> Optional.of(intended));
        return verify(d, root, splice(start, end, insert), what);
    }

    YamlStream addKey(int document, YamlPath mappingPath, String key, YamlValue value) {
        String what = "add key `" + key + "` to " + mappingPath + " in document " + document;
        YamlDocument d = document(document, what);
        List<YamlNode> chain = chain(d, mappingPath, what);
        YamlNode target = chain.get(chain.size() - 1);
        guardAnchors(d, chain, null, what);
        Layout layout = layout(d);
        if (target instanceof YamlMapping m) {
            boolean inFlow = m.flow() || inFlow(chain);
            ScalarWriter.Written k = ScalarWriter.scalar(YamlValue.of(key), inFlow);
            YamlValue keyValue = YamlValue.of(key);
            for (YamlMapping.Entry e : m.entries()) {
                if (e.key() instanceof YamlScalar ks && (ks.value().equals(key)
                        || ScalarResolver.resolve(YamlSchema.YAML_1_1_KUBELET, ks.value(), ks.style(), ks.tag()).equals(keyValue))) {
                    Origin o = ks.origin();
                    throw new EditException(what + ": the key exists at " + o.line() + ":" + o.column());
                }
            }
            String insert;
            int at;
            if (m.flow()) {
                int close = closingBracket(m, '}', what);
                if (m.entries().isEmpty()) {
                    at = close;
                    insert = k.text() + ": " + flow(value);
                } else {
                    at = end(m.entries().get(m.entries().size() - 1).value());
                    insert = ", " + k.text() + ": " + flow(value);
                }
            } else {
                int indent = TextLines.indentColumn(text, m.entries().get(0).key().nodeOrigin().offset());
                at = TextLines.lineEnd(text, end(m.entries().get(m.entries().size() - 1).value()));
                insert = eol + TextLines.spaces(indent) + k.text() + ":" + blockValue(value, indent, layout);
            }
            YamlScalar keyNode = synthetic(k);
            YamlNode valueNode = synthetic(value, inFlow);
            List<YamlMapping.Entry> entries = new ArrayList<>(m.entries());
            entries.add(new YamlMapping.Entry(keyNode, valueNode));
            YamlMapping intended = new YamlMapping(entries, m.flow(), m.tag(), m.anchor(), m.origin(), m.nodeOrigin());
            return verify(d, rebuild(chain, mappingPath, old -> Optional.of(intended)), splice(at, at, insert), what);
        }
        int keyIndent = emptyValueOfBlockMapping(chain, target, what, "a mapping");
        int indent = keyIndent + layout.step;
        ScalarWriter.Written k = ScalarWriter.scalar(YamlValue.of(key), false);
        int at = TextLines.lineEnd(text, target.origin().offset());
        String insert = eol + TextLines.spaces(indent) + k.text() + ":" + blockValue(value, indent, layout);
        YamlMapping intended = new YamlMapping(List.of(new YamlMapping.Entry(synthetic(k), synthetic(value, false))),
                false, Optional.empty(), Optional.empty(), target.origin(), target.nodeOrigin());
        return verify(d, rebuild(chain, mappingPath, old -> Optional.of(intended)), splice(at, at, insert), what);
    }

    YamlStream addItem(int document, YamlPath sequencePath, YamlValue value) {
        String what = "add an item to " + sequencePath + " in document " + document;
        YamlDocument d = document(document, what);
        List<YamlNode> chain = chain(d, sequencePath, what);
        YamlNode target = chain.get(chain.size() - 1);
        guardAnchors(d, chain, null, what);
        Layout layout = layout(d);
        if (target instanceof YamlSequence q) {
            boolean inFlow = q.flow() || inFlow(chain);
            String insert;
            int at;
            if (q.flow()) {
                int close = closingBracket(q, ']', what);
                if (q.items().isEmpty()) {
                    at = close;
                    insert = flow(value);
                } else {
                    at = end(q.items().get(q.items().size() - 1));
                    insert = ", " + flow(value);
                }
            } else {
                int dash = TextLines.indentColumn(text, q.origin().offset());
                at = TextLines.lineEnd(text, end(q.items().get(q.items().size() - 1)));
                insert = eol + TextLines.spaces(dash) + "-" + itemValue(value, dash, layout);
            }
            List<YamlNode> items = new ArrayList<>(q.items());
            items.add(synthetic(value, inFlow));
            YamlSequence intended = new YamlSequence(items, q.flow(), q.tag(), q.anchor(), q.origin(), q.nodeOrigin());
            return verify(d, rebuild(chain, sequencePath, old -> Optional.of(intended)), splice(at, at, insert), what);
        }
        int keyIndent = emptyValueOfBlockMapping(chain, target, what, "a sequence");
        int dash = layout.indentlessSequences ? keyIndent : keyIndent + layout.step;
        int at = TextLines.lineEnd(text, target.origin().offset());
        String insert = eol + TextLines.spaces(dash) + "-" + itemValue(value, dash, layout);
        YamlSequence intended = new YamlSequence(List.of(synthetic(value, false)), false, Optional.empty(),
                Optional.empty(), target.origin(), target.nodeOrigin());
        return verify(d, rebuild(chain, sequencePath, old -> Optional.of(intended)), splice(at, at, insert), what);
    }

    YamlStream remove(int document, YamlPath path) {
        String what = "remove " + path + " from document " + document;
        YamlDocument d = document(document, what);
        if (path.isRoot()) {
            throw new EditException(what + ": the root of a document cannot be removed");
        }
        List<YamlNode> chain = chain(d, path, what);
        YamlNode target = chain.get(chain.size() - 1);
        YamlNode parent = chain.get(chain.size() - 2);
        int idx = parent instanceof YamlMapping m ? indexOfValue(m, target)
                : ((YamlPath.Index) path.last().orElseThrow()).index();
        return removeAt(d, chain.subList(0, chain.size() - 1), path.parent(), idx, what);
    }

    YamlStream removeEntry(int document, YamlPath mappingPath, int entryIndex) {
        String what = "remove entry " + entryIndex + " of " + mappingPath + " from document " + document;
        YamlDocument d = document(document, what);
        List<YamlNode> chain = chain(d, mappingPath, what);
        if (!(chain.get(chain.size() - 1) instanceof YamlMapping m)) {
            throw new EditException(what + ": the node there is " + kind(chain.get(chain.size() - 1)) + ", not a mapping");
        }
        if (entryIndex < 0 || entryIndex >= m.entries().size()) {
            throw new EditException(what + ": the mapping has " + m.entries().size() + " entries");
        }
        return removeAt(d, chain, mappingPath, entryIndex, what);
    }

    /** Removes entry or item {@code idx} of the collection that ends {@code chain}. */
    private YamlStream removeAt(YamlDocument d, List<YamlNode> chain, YamlPath parentPath, int idx, String what) {
        YamlNode parent = chain.get(chain.size() - 1);
        YamlNode target = parent instanceof YamlMapping m ? m.entries().get(idx).value()
                : ((YamlSequence) parent).items().get(idx);
        guardAnchors(d, chain, target, what);
        if (parent instanceof YamlMapping m) {
            guardAnchors(d, List.of(), m.entries().get(idx).key(), what);
        }
        int from;
        int to;
        String insert = "";
        if (parent instanceof YamlMapping m) {
            YamlMapping.Entry e = m.entries().get(idx);
            int n = m.entries().size();
            if (n == 1) {
                if (m.flow()) {
                    from = e.key().nodeOrigin().offset();
                    to = closingBracket(m, '}', what);
                } else {
                    from = m.origin().offset();
                    to = m.origin().endOffset();
                    insert = "{}";
                }
            } else if (m.flow()) {
                if (idx < n - 1) {
                    from = e.key().nodeOrigin().offset();
                    to = m.entries().get(idx + 1).key().nodeOrigin().offset();
                } else {
                    from = end(m.entries().get(idx - 1).value());
                    to = end(e.value());
                }
            } else {
                int ks = e.key().nodeOrigin().offset();
                int[] lines = wholeLines(ks, end(e.value()));
                if (lines != null) {
                    from = lines[0];
                    to = lines[1];
                } else if (idx < n - 1) {
                    from = ks;
                    to = m.entries().get(idx + 1).key().nodeOrigin().offset();
                } else {
                    throw new EditException(what + ": the entry does not start its own line");
                }
            }
        } else {
            YamlSequence q = (YamlSequence) parent;
            YamlNode item = q.items().get(idx);
            int n = q.items().size();
            if (n == 1) {
                if (q.flow()) {
                    from = item.nodeOrigin().offset();
                    to = closingBracket(q, ']', what);
                } else {
                    from = q.origin().offset();
                    to = q.origin().endOffset();
                    insert = "[]";
                    YamlNode grand = chain.size() >= 2 ? chain.get(chain.size() - 2) : null;
                    if (grand instanceof YamlMapping gm && !gm.flow() && TextLines.onlyIndentBefore(text, from)) {
                        int keyCol = TextLines.indentColumn(text, gm.entries().get(indexOfValue(gm, q)).key().nodeOrigin().offset());
                        if (TextLines.indentColumn(text, from) <= keyCol) {
                            // "[]" at the key's column would not be the key's value: indent it.
                            from = TextLines.lineStart(text, from);
                            insert = TextLines.spaces(keyCol + layout(d).step) + "[]";
                        }
                    }
                }
            } else if (q.flow()) {
                if (idx < n - 1) {
                    from = item.nodeOrigin().offset();
                    to = q.items().get(idx + 1).nodeOrigin().offset();
                } else {
                    from = end(q.items().get(idx - 1));
                    to = end(item);
                }
            } else {
                int dash = dash(q, idx, what);
                int[] lines = wholeLines(dash, end(item));
                if (lines != null) {
                    from = lines[0];
                    to = lines[1];
                } else if (idx < n - 1) {
                    from = dash;
                    to = dash(q, idx + 1, what);
                } else {
                    throw new EditException(what + ": the item does not start its own line");
                }
            }
        }
        YamlNode intended;
        if (parent instanceof YamlMapping m) {
            List<YamlMapping.Entry> entries = new ArrayList<>(m.entries());
            entries.remove(idx);
            intended = new YamlMapping(entries, m.flow(), m.tag(), m.anchor(), m.origin(), m.nodeOrigin());
        } else {
            YamlSequence q = (YamlSequence) parent;
            List<YamlNode> items = new ArrayList<>(q.items());
            items.remove(idx);
            intended = new YamlSequence(items, q.flow(), q.tag(), q.anchor(), q.origin(), q.nodeOrigin());
        }
        YamlNode root = rebuild(chain, parentPath, old -> Optional.of(intended));
        return verify(d, root, splice(from, to, insert), what);
    }

    // ---------------------------------------------------------------- addressing

    private YamlDocument document(int index, String what) {
        if (stream.hasSyntaxErrors()) {
            Problem p = stream.problems().stream().filter(x -> x.kind() != Problem.Kind.DUPLICATE_KEY).findFirst().orElseThrow();
            throw new EditException(what + ": " + stream.sourceName() + " has errors; fix them first (" + p + ")");
        }
        return stream.document(index).orElseThrow(() -> new EditException(
                what + ": " + stream.sourceName() + " has " + stream.documents().size() + " documents"));
    }

    /** The nodes from the root to the path's target; aliases are not followed (the edit would land elsewhere). */
    private static List<YamlNode> chain(YamlDocument d, YamlPath path, String what) {
        List<YamlNode> chain = new ArrayList<>(path.size() + 1);
        YamlNode node = d.root();
        chain.add(node);
        YamlPath walked = YamlPath.root();
        for (YamlPath.Segment s : path.segments()) {
            if (node instanceof YamlAlias a) {
                throw new EditException(what + ": " + walked + " is the alias *" + a.name()
                        + "; edit the anchored node instead");
            }
            Optional<YamlNode> next = Optional.empty();
            if (s instanceof YamlPath.Key k) {
                if (!(node instanceof YamlMapping m)) {
                    throw new EditException(what + ": " + walked + " is " + kind(node) + ", not a mapping");
                }
                next = m.get(k.name());
                walked = walked.key(k.name());
            } else {
                int i = ((YamlPath.Index) s).index();
                if (!(node instanceof YamlSequence q)) {
                    throw new EditException(what + ": " + walked + " is " + kind(node) + ", not a sequence");
                }
                next = q.get(i);
                walked = walked.index(i);
            }
            if (next.isEmpty()) {
                throw new EditException(what + ": there is nothing at " + walked);
            }
            node = next.get();
            chain.add(node);
        }
        return chain;
    }

    private static String kind(YamlNode n) {
        if (n instanceof YamlMapping) {
            return "a mapping";
        }
        if (n instanceof YamlSequence) {
            return "a sequence";
        }
        if (n instanceof YamlAlias a) {
            return "the alias *" + a.name();
        }
        return "a scalar";
    }

    /**
     * Refuses edits inside a node that aliases refer to: the change would show up at every alias
     * as well, which is more than the one value the caller asked to change.
     */
    private static void guardAnchors(YamlDocument d, List<YamlNode> chain, YamlNode subtree, String what) {
        if (d.aliasTargets().isEmpty()) {
            return;
        }
        Set<YamlNode> referenced = Collections.newSetFromMap(new IdentityHashMap<>());
        referenced.addAll(d.aliasTargets().values());
        List<YamlNode> check = new ArrayList<>(chain);
        if (subtree != null) {
            Deque<YamlNode> work = new ArrayDeque<>();
            work.push(subtree);
            while (!work.isEmpty()) {
                YamlNode n = work.pop();
                check.add(n);
                if (n instanceof YamlSequence q) {
                    q.items().forEach(work::push);
                } else if (n instanceof YamlMapping m) {
                    for (YamlMapping.Entry e : m.entries()) {
                        work.push(e.key());
                        work.push(e.value());
                    }
                }
            }
        }
        for (YamlNode n : check) {
            if (referenced.contains(n)) {
                throw new EditException(what + ": it would change the node anchored &" + n.anchor().orElse("?")
                        + " at " + n.nodeOrigin() + ", which aliases refer to");
            }
        }
    }

    private static boolean inFlow(List<YamlNode> chain) {
        for (YamlNode n : chain) {
            if ((n instanceof YamlMapping m && m.flow()) || (n instanceof YamlSequence q && q.flow())) {
                return true;
            }
        }
        return false;
    }

    /** For an empty {@code key:} value in a block mapping: the key's column. */
    private int emptyValueOfBlockMapping(List<YamlNode> chain, YamlNode target, String what, String wanted) {
        if (target instanceof YamlScalar s && s.isPlainUntagged() && s.value().isEmpty() && s.origin().length() == 0
                && s.anchor().isEmpty() && chain.size() >= 2 && chain.get(chain.size() - 2) instanceof YamlMapping m
                && !m.flow()) {
            YamlMapping.Entry e = m.entries().get(indexOfValue(m, target));
            return TextLines.indentColumn(text, e.key().nodeOrigin().offset());
        }
        throw new EditException(what + ": the node there is " + kind(target) + ", not " + wanted);
    }

    private static int indexOfValue(YamlMapping m, YamlNode value) {
        for (int i = m.entries().size() - 1; i >= 0; i--) {
            if (m.entries().get(i).value() == value) {
                return i;
            }
        }
        throw new IllegalStateException("value not in its mapping");
    }

    private static int end(YamlNode n) {
        return n.nodeOrigin().endOffset();
    }

    private int closingBracket(YamlNode collection, char bracket, String what) {
        int close = collection.origin().endOffset() - 1;
        if (close < 0 || text.charAt(close) != bracket) {
            throw new EditException(what + ": cannot find the closing " + bracket);
        }
        return close;
    }

    /** Offset of the dash that introduces item {@code idx} of a block sequence. */
    private int dash(YamlSequence q, int idx, String what) {
        int p = idx == 0 ? q.origin().offset() : end(q.items().get(idx - 1));
        while (p < text.length()) {
            char c = text.charAt(p);
            if (c == '-') {
                return p;
            }
            if (c == '#') {
                p = TextLines.lineEnd(text, p);
            } else if (c == ' ' || c == '\t' || TextLines.isBreak(c)) {
                p++;
            } else {
                break;
            }
        }
        throw new EditException(what + ": cannot find the dash of item " + idx);
    }

    /**
     * The whole lines from the one holding {@code start} to the one holding {@code end}, with the
     * final line break; null when something other than indentation precedes {@code start}. At the
     * end of a file without a final line break, the line break before is taken instead, so the
     * file still ends without one.
     */
    private int[] wholeLines(int start, int end) {
        if (!TextLines.onlyIndentBefore(text, start)) {
            return null;
        }
        int from = TextLines.lineStart(text, start);
        if (from < text.length() && text.charAt(from) == '\uFEFF') {
            from++;
        }
        int lineEnd = TextLines.lineEnd(text, end);
        int to = TextLines.afterBreak(text, lineEnd);
        if (to == lineEnd && from > 0) {
            from -= TextLines.breakBefore(text, from);
        }
        return new int[] {from, to};
    }

    // ---------------------------------------------------------------- writing values

    /** How the document lays out nested block collections. */
    private record Layout(int step, boolean indentlessSequences) {}

    private Layout layout(YamlDocument d) {
        int step = 0;
        int indentless = 0;
        int indented = 0;
        Deque<YamlNode> work = new ArrayDeque<>();
        work.push(d.root());
        while (!work.isEmpty()) {
            YamlNode n = work.pop();
            if (n instanceof YamlSequence q) {
                q.items().forEach(work::push);
            } else if (n instanceof YamlMapping m) {
                for (YamlMapping.Entry e : m.entries()) {
                    work.push(e.value());
                    if (m.flow() || m.entries().isEmpty()) {
                        continue;
                    }
                    int keyCol = TextLines.indentColumn(text, m.entries().get(0).key().nodeOrigin().offset());
                    if (e.value() instanceof YamlMapping c && !c.flow() && !c.entries().isEmpty()
                            && TextLines.onlyIndentBefore(text, c.origin().offset())) {
                        int childCol = TextLines.indentColumn(text, c.origin().offset());
                        if (step == 0 && childCol > keyCol) {
                            step = childCol - keyCol;
                        }
                    } else if (e.value() instanceof YamlSequence c && !c.flow() && !c.items().isEmpty()
                            && TextLines.onlyIndentBefore(text, c.origin().offset())) {
                        if (TextLines.indentColumn(text, c.origin().offset()) == keyCol) {
                            indentless++;
                        } else {
                            indented++;
                        }
                    }
                }
            }
        }
        return new Layout(step == 0 ? 2 : step, indentless > indented);
    }

    /** The text after {@code key:} for a value in a block mapping whose keys are at {@code indent}. */
    private String blockValue(YamlValue v, int indent, Layout layout) {
        if (v.isScalar()) {
            return " " + ScalarWriter.scalar(v, false).text();
        }
        if (v instanceof YamlValue.MappingValue m) {
            if (m.entries().isEmpty()) {
                return " {}";
            }
            StringBuilder b = new StringBuilder();
            int child = indent + layout.step;
            m.entries().forEach((k, x) -> b.append(eol).append(TextLines.spaces(child)).append(keyText(k))
                    .append(':').append(blockValue(x, child, layout)));
            return b.toString();
        }
        YamlValue.SequenceValue q = (YamlValue.SequenceValue) v;
        if (q.items().isEmpty()) {
            return " []";
        }
        StringBuilder b = new StringBuilder();
        int dash = layout.indentlessSequences ? indent : indent + layout.step;
        for (YamlValue item : q.items()) {
            b.append(eol).append(TextLines.spaces(dash)).append('-').append(itemValue(item, dash, layout));
        }
        return b.toString();
    }

    /** The text after {@code -} for an item of a block sequence whose dashes are at {@code dash}. */
    private String itemValue(YamlValue v, int dash, Layout layout) {
        if (v.isScalar()) {
            return " " + ScalarWriter.scalar(v, false).text();
        }
        int inner = dash + 2;
        if (v instanceof YamlValue.MappingValue m) {
            if (m.entries().isEmpty()) {
                return " {}";
            }
            StringBuilder b = new StringBuilder();
            boolean first = true;
            for (Map.Entry<YamlValue, YamlValue> e : m.entries().entrySet()) {
                b.append(first ? " " : eol + TextLines.spaces(inner)).append(keyText(e.getKey())).append(':')
                        .append(blockValue(e.getValue(), inner, layout));
                first = false;
            }
            return b.toString();
        }
        YamlValue.SequenceValue q = (YamlValue.SequenceValue) v;
        if (q.items().isEmpty()) {
            return " []";
        }
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (YamlValue item : q.items()) {
            b.append(first ? " " : eol + TextLines.spaces(inner)).append('-').append(itemValue(item, inner, layout));
            first = false;
        }
        return b.toString();
    }

    private String flow(YamlValue v) {
        if (v.isScalar()) {
            return ScalarWriter.scalar(v, true).text();
        }
        StringBuilder b = new StringBuilder();
        if (v instanceof YamlValue.MappingValue m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<YamlValue, YamlValue> e : m.entries().entrySet()) {
                b.append(first ? "" : ", ").append(flowKeyText(e.getKey())).append(": ").append(flow(e.getValue()));
                first = false;
            }
            return b.append('}').toString();
        }
        b.append('[');
        boolean first = true;
        for (YamlValue item : ((YamlValue.SequenceValue) v).items()) {
            b.append(first ? "" : ", ").append(flow(item));
            first = false;
        }
        return b.append(']').toString();
    }

    private static String keyText(YamlValue k) {
        if (!k.isScalar()) {
            throw new EditException("a mapping key must be a scalar, not " + k);
        }
        return ScalarWriter.scalar(k, false).text();
    }

    private static String flowKeyText(YamlValue k) {
        if (!k.isScalar()) {
            throw new EditException("a mapping key must be a scalar, not " + k);
        }
        return ScalarWriter.scalar(k, true).text();
    }

    /** How a scalar that replaces {@code old} is written: in the old style when it can hold the value. */
    private ScalarWriter.Written writeForReplace(YamlScalar old, YamlValue value, boolean inFlow, List<YamlNode> chain) {
        if (value instanceof YamlValue.StringValue sv) {
            String s = sv.value();
            switch (old.style()) {
                case PLAIN:
                    if (ScalarWriter.plainOk(s, inFlow)) {
                        return new ScalarWriter.Written(s, s, ScalarStyle.PLAIN);
                    }
                    break;
                case SINGLE_QUOTED:
                    if (ScalarWriter.singleOk(s)) {
                        return new ScalarWriter.Written(ScalarWriter.singleQuoted(s), s, ScalarStyle.SINGLE_QUOTED);
                    }
                    break;
                case LITERAL:
                case FOLDED:
                    if (!inFlow) {
                        Optional<String> lit = ScalarWriter.literal(s, blockIndent(old, chain), eol);
                        if (lit.isPresent()) {
                            return new ScalarWriter.Written(lit.get(), s, ScalarStyle.LITERAL);
                        }
                    }
                    break;
                default:
                    break;
            }
            return new ScalarWriter.Written(ScalarWriter.doubleQuoted(s), s, ScalarStyle.DOUBLE_QUOTED);
        }
        return ScalarWriter.scalar(value, inFlow);
    }

    /** Content indentation for a block scalar replacing {@code old}: its own, or its parent's plus two. */
    private int blockIndent(YamlScalar old, List<YamlNode> chain) {
        int start = old.origin().offset();
        int end = old.origin().endOffset();
        int p = TextLines.afterBreak(text, TextLines.lineEnd(text, start));
        while (p < end) {
            int le = TextLines.lineEnd(text, p);
            int sp = 0;
            while (p + sp < le && text.charAt(p + sp) == ' ') {
                sp++;
            }
            if (p + sp < le) {
                return sp;
            }
            p = TextLines.afterBreak(text, le);
            if (p == le) {
                break;
            }
        }
        if (chain.size() >= 2) {
            YamlNode parent = chain.get(chain.size() - 2);
            if (parent instanceof YamlMapping m) {
                return TextLines.indentColumn(text, m.entries().get(indexOfValue(m, old)).key().nodeOrigin().offset()) + 2;
            }
            return TextLines.indentColumn(text, parent.origin().offset()) + 2;
        }
        return 2;
    }

    // ---------------------------------------------------------------- intended trees

    private static YamlScalar synthetic(ScalarWriter.Written w) {
        Origin none = Origin.ofFile("");
        return new YamlScalar(w.value(), w.style(), Optional.empty(), Optional.empty(), none, none);
    }

    /** The nodes the writer produces for a value, for decoding the intended tree. */
    private static YamlNode synthetic(YamlValue v, boolean inFlow) {
        Origin none = Origin.ofFile("");
        if (v.isScalar()) {
            return synthetic(ScalarWriter.scalar(v, inFlow));
        }
        if (v instanceof YamlValue.MappingValue m) {
            List<YamlMapping.Entry> entries = new ArrayList<>();
            m.entries().forEach((k, x) -> entries.add(new YamlMapping.Entry(synthetic(k, inFlow), synthetic(x, inFlow))));
            return new YamlMapping(entries, inFlow, Optional.empty(), Optional.empty(), none, none);
        }
        List<YamlNode> items = new ArrayList<>();
        ((YamlValue.SequenceValue) v).items().forEach(x -> items.add(synthetic(x, inFlow)));
        return new YamlSequence(items, inFlow, Optional.empty(), Optional.empty(), none, none);
    }

    /**
     * The root of a copy of the tree where the path's target is replaced by {@code change} (or
     * removed from its parent when the change gives nothing).
     */
    private static YamlNode rebuild(List<YamlNode> chain, YamlPath path, Function<YamlNode, Optional<YamlNode>> change) {
        Optional<YamlNode> current = change.apply(chain.get(chain.size() - 1));
        for (int i = chain.size() - 2; i >= 0; i--) {
            YamlNode parent = chain.get(i);
            YamlNode child = chain.get(i + 1);
            if (parent instanceof YamlMapping m) {
                List<YamlMapping.Entry> entries = new ArrayList<>(m.entries());
                int idx = indexOfValue(m, child);
                if (current.isPresent()) {
                    entries.set(idx, new YamlMapping.Entry(entries.get(idx).key(), current.get()));
                } else {
                    entries.remove(idx);
                }
                current = Optional.of(new YamlMapping(entries, m.flow(), m.tag(), m.anchor(), m.origin(), m.nodeOrigin()));
            } else {
                YamlSequence q = (YamlSequence) parent;
                List<YamlNode> items = new ArrayList<>(q.items());
                int idx = ((YamlPath.Index) path.segments().get(i)).index();
                if (current.isPresent()) {
                    items.set(idx, current.get());
                } else {
                    items.remove(idx);
                }
                current = Optional.of(new YamlSequence(items, q.flow(), q.tag(), q.anchor(), q.origin(), q.nodeOrigin()));
            }
        }
        return current.orElseThrow();
    }

    // ---------------------------------------------------------------- splice and verify

    private String splice(int from, int to, String insert) {
        return text.substring(0, from) + insert + text.substring(to);
    }

    private YamlStream verify(YamlDocument edited, YamlNode intendedRoot, String newText, String what) {
        YamlStream result = YamlStream.parse(stream.sourceName(), newText, stream.limits());
        if (result.hasSyntaxErrors()) {
            Problem p = result.problems().stream().filter(x -> x.kind() != Problem.Kind.DUPLICATE_KEY).findFirst().orElseThrow();
            throw new EditException(what + ": the edited text would not parse (" + p + ")");
        }
        if (result.documents().size() != stream.documents().size()) {
            throw new EditException(what + ": the edited text would have " + result.documents().size()
                    + " documents instead of " + stream.documents().size());
        }
        long dupBefore = stream.problems().stream().filter(p -> p.kind() == Problem.Kind.DUPLICATE_KEY).count();
        long dupAfter = result.problems().stream().filter(p -> p.kind() == Problem.Kind.DUPLICATE_KEY).count();
        if (dupAfter > dupBefore) {
            throw new EditException(what + ": the edit would add a duplicate key");
        }
        for (YamlSchema schema : YamlSchema.values()) {
            for (YamlDocument d : stream.documents()) {
                YamlValue expected = d == edited
                        ? ValueDecoder.decode(intendedRoot, d::resolve, schema).value()
                        : d.value(schema);
                YamlValue actual = result.documents().get(d.index()).value(schema);
                Optional<String> diff = ValueDiff.firstDifference(expected, actual);
                if (diff.isPresent()) {
                    throw new EditException(what + ": the edited text would read differently than intended in document "
                            + d.index() + " (" + schema + ") at " + diff.get());
                }
            }
        }
        return result;
    }
}
