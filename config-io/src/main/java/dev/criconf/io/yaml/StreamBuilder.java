package dev.criconf.io.yaml;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.yaml.internal.CodePointOffsets;
import dev.criconf.io.yaml.internal.ScalarResolver;
import dev.criconf.io.yaml.internal.TextLines;
import dev.criconf.io.yaml.internal.ValueDecoder;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds a {@link YamlStream} from snakeyaml-engine's parse events: a span tree over the kept
 * text. Nesting depth and alias count are checked on the events, before anything walks the tree,
 * and the tree is built without recursion.
 */
final class StreamBuilder {

    private final SourceText src;
    private final String text;
    private final CodePointOffsets cps;
    private final ParseLimits limits;
    private final List<Problem> problems = new ArrayList<>();
    private final List<YamlDocument> documents = new ArrayList<>();
    /** Text that belongs to tokens other than indicators and comments: [start, end) pairs. */
    private final List<int[]> covered = new ArrayList<>();
    /** Multi-line flow content inside block collections: {start, end, threshold, isCollection}. */
    private final List<int[]> indentChecks = new ArrayList<>();

    // state of the document being read
    private int docStart;
    private boolean docExplicit;
    private Optional<String> docVersion = Optional.empty();
    private YamlNode docRoot;
    private Map<String, Object> anchors = new HashMap<>();
    private Map<Integer, YamlNode> aliasTargets = new HashMap<>();
    private final Deque<Open> stack = new ArrayDeque<>();
    private int aliasCount;
    private int lastOffset;

    /** A collection whose end event has not come yet. */
    private static final class Open {
        final boolean mapping;
        final boolean flow;
        final Optional<String> anchor;
        final Optional<String> tag;
        final int nodeStart;
        final int contentStart;
        /** Lines of flow content nested here must be indented more than this column. */
        final int threshold;
        final List<YamlNode> children = new ArrayList<>();

        Open(boolean mapping, boolean flow, Optional<String> anchor, Optional<String> tag, int nodeStart,
                int contentStart, int threshold) {
            this.mapping = mapping;
            this.flow = flow;
            this.anchor = anchor;
            this.tag = tag;
            this.nodeStart = nodeStart;
            this.contentStart = contentStart;
            this.threshold = threshold;
        }
    }

    private StreamBuilder(SourceText src, ParseLimits limits) {
        this.src = src;
        this.text = src.text();
        this.cps = CodePointOffsets.of(text);
        this.limits = limits;
    }

    static YamlStream build(SourceText src, ParseLimits limits, List<Problem> earlier) {
        StreamBuilder b = new StreamBuilder(src, limits);
        b.problems.addAll(earlier);
        boolean clean = b.readEvents();
        if (clean && b.problems.isEmpty()) {
            b.checkComments();
            b.checkIndentation();
        }
        b.decodeValues();
        List<Problem> sorted = new ArrayList<>(b.problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.origin().offset()));
        return new YamlStream(src, limits, sorted, b.documents, b.ambiguities());
    }

    private static LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setParseComments(false)
                .setUseMarks(true)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .build();
    }

    private int off(Optional<Mark> mark) {
        return mark.map(m -> cps.charOffset(m.getIndex())).orElse(lastOffset);
    }

    private Origin span(int start, int end) {
        return src.span(start, Math.max(start, end));
    }

    /** Reads every event; false when the parser or a limit stopped it. */
    private boolean readEvents() {
        try {
            // what snakeyaml-engine's lowlevel.Parse#parseString does; that package is not exported
            // by the engine's module-info, so on the module path only the parser itself is reachable
            LoadSettings settings = settings(src.name());
            Iterator<Event> it = new ParserImpl(settings, new StreamReader(settings, new StringReader(text)));
            while (it.hasNext()) {
                Event e = it.next();
                if (!onEvent(e)) {
                    return false;
                }
                lastOffset = off(e.getEndMark());
            }
            return true;
        } catch (MarkedYamlEngineException ex) {
            problems.add(Problem.syntax(markOrigin(ex), describe(ex)));
        } catch (YamlEngineException ex) {
            problems.add(Problem.syntax(src.originAt(lastOffset, 0), "invalid YAML: " + firstLine(ex.getMessage())));
        } catch (StackOverflowError ex) {
            problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, src.originAt(lastOffset, 0),
                    "the YAML parser ran out of stack; the document nests too deeply"));
        } catch (RuntimeException ex) {
            problems.add(Problem.syntax(src.originAt(lastOffset, 0),
                    "the YAML parser failed: " + ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage())));
        }
        return false;
    }

    private Origin markOrigin(MarkedYamlEngineException ex) {
        Optional<Mark> m = ex.getProblemMark().isPresent() ? ex.getProblemMark() : ex.getContextMark();
        return src.originAt(off(m), 0);
    }

    private String describe(MarkedYamlEngineException ex) {
        String problem = ex.getProblem() == null || ex.getProblem().isBlank() ? "invalid YAML" : ex.getProblem();
        StringBuilder b = new StringBuilder(firstLine(problem));
        if (ex.getContext() != null && !ex.getContext().isBlank()) {
            b.append(" (").append(firstLine(ex.getContext()));
            ex.getContextMark().ifPresent(m -> {
                Origin o = src.originAt(off(Optional.of(m)), 0);
                b.append(" at ").append(o.line()).append(':').append(o.column());
            });
            b.append(')');
        }
        return b.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private boolean onEvent(Event e) {
        switch (e.getEventId()) {
            case DocumentStart: {
                DocumentStartEvent d = (DocumentStartEvent) e;
                docStart = off(e.getStartMark());
                docExplicit = d.isExplicit();
                docVersion = d.getSpecVersion().map(v -> v.getMajor() + "." + v.getMinor());
                covered.add(new int[] {docStart, off(e.getEndMark())});
                docRoot = null;
                anchors = new HashMap<>();
                aliasTargets = new HashMap<>();
                return true;
            }
            case DocumentEnd: {
                DocumentEndEvent d = (DocumentEndEvent) e;
                if (docRoot == null) {
                    return true;
                }
                int end = d.isExplicit() ? off(e.getEndMark()) : docRoot.nodeOrigin().endOffset();
                if (d.isExplicit()) {
                    covered.add(new int[] {off(e.getStartMark()), end});
                }
                int start = Math.min(docStart, docRoot.nodeOrigin().offset());
                documents.add(new YamlDocument(documents.size(), docRoot, span(start, end), docExplicit,
                        d.isExplicit(), docVersion, aliasTargets));
                return true;
            }
            case MappingStart:
            case SequenceStart:
                return onCollectionStart((CollectionStartEvent) e);
            case MappingEnd:
            case SequenceEnd:
                onCollectionEnd(e);
                return true;
            case Scalar:
                onScalar((ScalarEvent) e);
                return true;
            case Alias:
                return onAlias((AliasEvent) e);
            default:
                return true;
        }
    }

    private boolean onCollectionStart(CollectionStartEvent e) {
        int start = off(e.getStartMark());
        if (stack.size() + 1 > limits.maxDepth()) {
            problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, src.originAt(start, 1),
                    "collections nest deeper than the limit of " + limits.maxDepth() + " levels"));
            return false;
        }
        Optional<String> anchor = e.getAnchor().map(Anchor::getValue);
        Optional<String> tag = e.getTag();
        int props = (anchor.isPresent() ? 1 : 0) + (tag.isPresent() ? 1 : 0);
        int content = props == 0 ? start : TextLines.skipProperties(text, start, props, text.length());
        if (props > 0) {
            covered.add(new int[] {start, content});
        }
        boolean mapping = e.getEventId() == Event.ID.MappingStart;
        boolean flow = e.isFlow();
        Open parent = stack.peek();
        int threshold;
        if (flow) {
            threshold = parent == null ? -1 : parent.threshold;
        } else {
            threshold = TextLines.indentColumn(text, content);
            // A sequence written at its key's column (indentless) is one level in, not zero.
            if (!mapping && parent != null && parent.mapping && !parent.flow && threshold == parent.threshold) {
                threshold--;
            }
        }
        Open open = new Open(mapping, flow, anchor, tag, start, content, threshold);
        anchor.ifPresent(a -> anchors.put(a, open));
        stack.push(open);
        return true;
    }

    private void onCollectionEnd(Event e) {
        Open o = stack.pop();
        int end;
        if (o.flow || o.children.isEmpty()) {
            end = off(e.getEndMark());
        } else {
            end = o.children.get(o.children.size() - 1).nodeOrigin().endOffset();
        }
        end = Math.max(end, o.contentStart);
        YamlNode node;
        Origin origin = span(o.contentStart, end);
        Origin nodeOrigin = o.nodeStart == o.contentStart ? origin : span(o.nodeStart, end);
        if (o.mapping) {
            List<YamlMapping.Entry> entries = new ArrayList<>(o.children.size() / 2);
            for (int i = 0; i + 1 < o.children.size(); i += 2) {
                entries.add(new YamlMapping.Entry(o.children.get(i), o.children.get(i + 1)));
            }
            YamlMapping m = new YamlMapping(entries, o.flow, o.tag, o.anchor, origin, nodeOrigin);
            checkDuplicates(m);
            node = m;
        } else {
            node = new YamlSequence(o.children, o.flow, o.tag, o.anchor, origin, nodeOrigin);
        }
        if (o.flow && (stack.isEmpty() || !stack.peek().flow) && o.threshold >= 0) {
            indentChecks.add(new int[] {o.nodeStart, end, o.threshold, 1});
        }
        o.anchor.ifPresent(a -> anchors.put(a, node));
        add(node);
    }

    private void onScalar(ScalarEvent e) {
        int start = off(e.getStartMark());
        int end = Math.max(start, off(e.getEndMark()));
        ScalarStyle style = switch (e.getScalarStyle()) {
            case SINGLE_QUOTED -> ScalarStyle.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> ScalarStyle.DOUBLE_QUOTED;
            case LITERAL -> ScalarStyle.LITERAL;
            case FOLDED -> ScalarStyle.FOLDED;
            default -> ScalarStyle.PLAIN;
        };
        Optional<String> anchor = e.getAnchor().map(Anchor::getValue);
        Optional<String> tag = e.getTag();
        int props = (anchor.isPresent() ? 1 : 0) + (tag.isPresent() ? 1 : 0);
        int content = props == 0 ? start : TextLines.skipProperties(text, start, props, end);
        if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            end = TextLines.blockScalarEnd(text, content, end);
        }
        covered.add(new int[] {start, end});
        Origin origin = span(content, end);
        YamlScalar s = new YamlScalar(e.getValue(), style, tag, anchor, origin, content == start ? origin : span(start, end));
        Open parent = stack.peek();
        if (parent != null && !parent.flow && parent.threshold >= 0 && style != ScalarStyle.LITERAL
                && style != ScalarStyle.FOLDED && TextLines.hasLineBreak(text, content, end)) {
            indentChecks.add(new int[] {content, end, parent.threshold, 0});
        }
        anchor.ifPresent(a -> anchors.put(a, s));
        add(s);
    }

    private boolean onAlias(AliasEvent e) {
        int start = off(e.getStartMark());
        int end = off(e.getEndMark());
        if (++aliasCount > limits.maxAliases()) {
            problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, span(start, end),
                    "more aliases than the limit of " + limits.maxAliases()));
            return false;
        }
        String name = e.getAlias().getValue();
        YamlAlias a = new YamlAlias(name, span(start, end));
        covered.add(new int[] {start, end});
        Object target = anchors.get(name);
        if (target == null) {
            problems.add(Problem.syntax(a.origin(), "unknown anchor &" + name + " referenced by *" + name));
        } else if (target instanceof Open) {
            problems.add(Problem.syntax(a.origin(), "alias *" + name + " refers to the node that contains it"));
        } else {
            aliasTargets.put(start, (YamlNode) target);
        }
        add(a);
        return true;
    }

    private void add(YamlNode node) {
        Open parent = stack.peek();
        if (parent == null) {
            docRoot = node;
        } else {
            parent.children.add(node);
        }
    }

    /**
     * Duplicate keys as the kubelet sees them: scalar keys compared by their YAML 1.1 value, so
     * {@code on} and {@code true} collide as they do in go-yaml v2.
     */
    private void checkDuplicates(YamlMapping m) {
        if (m.entries().size() < 2) {
            return;
        }
        Map<YamlValue, YamlNode> seen = new HashMap<>();
        for (YamlMapping.Entry entry : m.entries()) {
            YamlNode key = entry.key();
            if (key instanceof YamlAlias a) {
                Optional<YamlNode> t = Optional.ofNullable(aliasTargets.get(a.origin().offset()));
                if (t.isEmpty() || !(t.get() instanceof YamlScalar)) {
                    continue;
                }
                key = t.get();
            }
            if (!(key instanceof YamlScalar s) || ValueDecoder.isMergeKey(s)) {
                continue;
            }
            YamlValue k = ScalarResolver.resolve(YamlSchema.YAML_1_1_KUBELET, s.value(), s.style(), s.tag());
            YamlNode first = seen.putIfAbsent(k, entry.key());
            if (first != null) {
                Origin f = first.origin();
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, entry.key().origin(),
                        "duplicate key `" + s.value() + "`, first defined at " + f.line() + ":" + f.column()));
            }
        }
    }

    /** A {@code #} starts a comment only after whitespace; snakeyaml-engine lets some through. */
    private void checkComments() {
        covered.sort(Comparator.comparingInt((int[] a) -> a[0]));
        int pos = 0;
        for (int k = 0; k <= covered.size(); k++) {
            int gapEnd = k < covered.size() ? covered.get(k)[0] : text.length();
            for (int i = pos; i < gapEnd; i++) {
                if (text.charAt(i) != '#') {
                    continue;
                }
                if (i > 0 && " \t\r\n\uFEFF".indexOf(text.charAt(i - 1)) < 0) {
                    problems.add(Problem.syntax(src.originAt(i, 1),
                            "a comment must be separated from what precedes it by whitespace"));
                    return;
                }
                i = TextLines.lineEnd(text, i) - 1;
            }
            if (k < covered.size()) {
                pos = Math.max(pos, covered.get(k)[1]);
            }
        }
    }

    /**
     * Lines that continue a flow collection or a quoted or plain scalar inside a block collection
     * must be indented more than that collection (YAML 1.2 §7, §8); snakeyaml-engine does not
     * check this for quoted scalars and flow collections.
     */
    private void checkIndentation() {
        for (int[] c : indentChecks) {
            int start = c[0];
            int end = c[1];
            int threshold = c[2];
            boolean collection = c[3] == 1;
            int line = src.lineOf(start) + 1;
            int last = src.lineOf(Math.max(start, end - 1));
            for (; line <= last; line++) {
                int ls = src.lineStart(line);
                int p = ls;
                while (p < text.length() && text.charAt(p) == ' ') {
                    p++;
                }
                int q = p;
                while (q < text.length() && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
                    q++;
                }
                if (q >= text.length() || text.charAt(q) == '\n' || text.charAt(q) == '\r') {
                    continue;
                }
                if (collection && text.charAt(q) == '#') {
                    continue;
                }
                if (p - ls <= threshold) {
                    problems.add(Problem.syntax(src.originAt(q, 1), "this line continues "
                            + (collection ? "a flow collection" : "a multi-line scalar")
                            + " and must be indented more than " + threshold + " spaces"));
                    return;
                }
            }
        }
    }

    private void decodeValues() {
        for (YamlDocument d : documents) {
            // without aliases nothing expands: skip the walk that counts the expansion
            ValueDecoder.Expansion x = d.aliasTargets().isEmpty() ? null : ValueDecoder.expansion(d.root(), d::resolve);
            if (x != null && ValueDecoder.excessiveAliasing(x)) {
                Origin at = d.aliasTargets().keySet().stream().min(Integer::compare)
                        .map(o -> src.originAt(o, 1)).orElse(d.origin());
                problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, at,
                        "document contains excessive aliasing: " + x.total() + " nodes once aliases are expanded, "
                                + x.fromAliases() + " of them from aliases"));
                continue;
            }
            for (YamlSchema schema : YamlSchema.values()) {
                ValueDecoder.Result r = ValueDecoder.decode(d.root(), d::resolve, schema);
                d.setValue(schema, r.value());
                if (schema == YamlSchema.YAML_1_1_KUBELET) {
                    for (ValueDecoder.Issue i : r.issues()) {
                        problems.add(Problem.syntax(i.at().origin(), i.message()));
                    }
                }
            }
        }
    }

    private List<AmbiguousScalar> ambiguities() {
        List<AmbiguousScalar> out = new ArrayList<>();
        Deque<Step> work = new ArrayDeque<>(64);
        for (YamlDocument d : documents) {
            work.push(new Step(d.root(), null, null, -1, false));
            while (!work.isEmpty()) {
                Step it = work.pop();
                if (it.node() instanceof YamlScalar s) {
                    if (s.isPlainUntagged() && ScalarResolver.ambiguous(s.value())) {
                        out.add(new AmbiguousScalar(d.index(), it.path(text), it.key(), s.value(), s.origin(),
                                ScalarResolver.resolvePlain(YamlSchema.YAML_1_1_KUBELET, s.value()),
                                ScalarResolver.resolvePlain(YamlSchema.YAML_1_2_CORE, s.value())));
                    }
                } else if (it.node() instanceof YamlSequence q) {
                    for (int i = q.items().size() - 1; i >= 0; i--) {
                        work.push(new Step(q.items().get(i), it, null, i, false));
                    }
                } else if (it.node() instanceof YamlMapping m) {
                    for (int i = m.entries().size() - 1; i >= 0; i--) {
                        YamlMapping.Entry e = m.entries().get(i);
                        work.push(new Step(e.value(), it, m, i, false));
                        work.push(new Step(e.key(), it, m, i, true));
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt((AmbiguousScalar a) -> a.origin().offset()));
        return out;
    }

    /**
     * A node met while walking a document: the item {@code index} of its parent sequence, or the
     * key or value of entry {@code index} of {@code mapping}. Path segments are made only for the
     * few nodes that need one.
     */
    private record Step(YamlNode node, Step parent, YamlMapping mapping, int index, boolean key) {

        YamlPath.Segment segment(String text) {
            if (mapping == null) {
                return new YamlPath.Index(index);
            }
            YamlMapping.Entry e = mapping.entries().get(index);
            return new YamlPath.Key(e.keyText().orElseGet(
                    () -> text.substring(e.key().origin().offset(), e.key().origin().endOffset())));
        }

        YamlPath path(String text) {
            List<YamlPath.Segment> segments = new ArrayList<>();
            for (Step s = this; s.parent() != null; s = s.parent()) {
                segments.add(s.segment(text));
            }
            java.util.Collections.reverse(segments);
            return YamlPath.of(segments);
        }
    }
}
