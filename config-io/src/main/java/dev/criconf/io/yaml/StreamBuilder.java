package dev.criconf.io.yaml;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.SourceText;
import dev.criconf.io.yaml.internal.CodePointOffsets;
import dev.criconf.io.yaml.internal.FrozenMap;
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
import java.util.IdentityHashMap;
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
    /** Lines and columns for the offsets the events give, which mostly grow. */
    private final SourceText.LineCursor lines;
    private final String text;
    private final CodePointOffsets cps;
    private final ParseLimits limits;
    /**
     * Values are decoded on first use ({@link YamlDocument#value}), not during the parse; only
     * mapping keys are resolved here, for the duplicate check. See {@link #canDeferValues}.
     */
    private final boolean deferValues;
    private final List<Problem> problems = new ArrayList<>();
    private final List<YamlDocument> documents = new ArrayList<>();
    /** Text that belongs to tokens other than indicators and comments: [start, end) pairs, flat. */
    private int[] covered;
    private int coveredSize;
    /** Multi-line flow content inside block collections: {start, end, threshold, isCollection}. */
    private final List<int[]> indentChecks = new ArrayList<>();

    // state of the document being read
    private int docStart;
    private boolean docExplicit;
    private Optional<String> docVersion = Optional.empty();
    private YamlNode docRoot;
    private Map<String, Object> anchors = new HashMap<>();
    private Map<Integer, YamlNode> aliasTargets = new HashMap<>();
    /** YAML 1.1 values of the anchored nodes of the document, for the aliases that follow. */
    private Map<YamlNode, YamlValue> anchoredValues;
    /** Problems of the document's YAML 1.1 decode, reported once it is complete. */
    private List<Problem> docIssues = new ArrayList<>();
    private YamlValue docValue;
    private final Deque<Open> stack = new ArrayDeque<>();
    /**
     * Child lists of finished collections, emptied, for the next ones to fill: the nodes and
     * values copy what they keep, so a parse needs only as many lists as it nests deep.
     */
    private final Deque<List<YamlNode>> freeChildren = new ArrayDeque<>();
    private final Deque<List<YamlValue>> freeValues = new ArrayDeque<>();
    private int aliasCount;
    /** The last event read that has an end mark: its end is where an error without a mark is reported. */
    private Event lastMarked;
    /** Problems of the YAML 1.1 decode of complete documents: reported after the syntax checks, as before. */
    private final List<Problem> decodeProblems = new ArrayList<>();

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
        /** 1-based line and column of contentStart and nodeStart, read while the cursor passed them. */
        final int contentLine;
        final int contentColumn;
        final int nodeLine;
        final int nodeColumn;
        final List<YamlNode> children;
        /** The YAML 1.1 value of each child, in step with children. */
        final List<YamlValue> values;

        Open(boolean mapping, boolean flow, Optional<String> anchor, Optional<String> tag, int nodeStart,
                int contentStart, int threshold, int nodeLine, int nodeColumn, int contentLine, int contentColumn,
                List<YamlNode> children, List<YamlValue> values) {
            this.children = children;
            this.values = values;
            this.mapping = mapping;
            this.flow = flow;
            this.anchor = anchor;
            this.tag = tag;
            this.nodeStart = nodeStart;
            this.contentStart = contentStart;
            this.threshold = threshold;
            this.nodeLine = nodeLine;
            this.nodeColumn = nodeColumn;
            this.contentLine = contentLine;
            this.contentColumn = contentColumn;
        }
    }

    private StreamBuilder(SourceText src, ParseLimits limits, boolean deferValues) {
        this.deferValues = deferValues;
        this.src = src;
        this.lines = src.cursor();
        this.text = src.text();
        this.cps = CodePointOffsets.of(text);
        this.limits = limits;
        // about one pair per 8 chars in configuration files; it grows when a file has more
        this.covered = new int[Math.max(16, Math.min(256, text.length() / 4))];
    }

    static YamlStream build(SourceText src, ParseLimits limits, List<Problem> earlier) {
        return build(src, limits, earlier, canDeferValues(src.text()));
    }

    /**
     * Whether the YAML 1.1 values of a text's documents can be left to {@link ValueDecoder} on first
     * use: only when nothing in the decode can yield a problem or need a value during the parse, that
     * is without aliases (which need a '*'), merge keys (a "<<", tagged or plain, so a '!' or a "<<")
     * and tags. Node files are read for their trees, not their values, so most parses skip the
     * decode; duplicate keys are still found during the parse, from the keys' values alone.
     */
    static boolean canDeferValues(String text) {
        return text.indexOf('*') < 0 && text.indexOf('!') < 0 && text.indexOf("<<") < 0;
    }

    /** {@code deferValues} may only be true when {@link #canDeferValues} is; tests compare both ways. */
    static YamlStream build(SourceText src, ParseLimits limits, List<Problem> earlier, boolean deferValues) {
        StreamBuilder b = new StreamBuilder(src, limits, deferValues);
        b.problems.addAll(earlier);
        boolean clean = b.readEvents();
        if (clean && b.problems.isEmpty()) {
            b.checkComments();
            b.checkIndentation();
        }
        b.problems.addAll(b.decodeProblems);
        List<Problem> sorted = new ArrayList<>(b.problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.origin().offset()));
        return new YamlStream(src, limits, sorted, b.documents);
    }

    /**
     * The parser's settings, made once: building them builds a schema and its resolvers, a fixed
     * cost that weighed on every small file. They are never changed after build. The label only
     * names marks inside snakeyaml-engine's own exception texts, which are not used here (problems
     * are built from the problem, context and mark index), so the file name need not be in it.
     * Buffer sizes are powers of two up to the engine's default of 1024 chars: a file that fits in
     * one is read into one char buffer of about its own size instead of always 1024.
     */
    private static final LoadSettings[] SETTINGS = new LoadSettings[4];
    private static final int SMALLEST_BUFFER = 128;

    static {
        for (int i = 0; i < SETTINGS.length; i++) {
            SETTINGS[i] = LoadSettings.builder()
                    .setLabel("criconf")
                    .setParseComments(false)
                    .setUseMarks(true)
                    .setAllowDuplicateKeys(true)
                    .setCodePointLimit(Integer.MAX_VALUE)
                    .setBufferSize(SMALLEST_BUFFER << i)
                    .build();
        }
    }

    /** Settings whose buffer holds {@code chars} at once when it is no more than 1024. */
    static LoadSettings settings(int chars) {
        for (int i = 0; i < SETTINGS.length - 1; i++) {
            if (chars <= SMALLEST_BUFFER << i) {
                return SETTINGS[i];
            }
        }
        return SETTINGS[SETTINGS.length - 1];
    }

    private int off(Optional<Mark> mark) {
        return mark.isPresent() ? cps.charOffset(mark.get().getIndex()) : lastOffset();
    }

    /** The end of the last event read (computed when needed rather than for every event). */
    private int lastOffset() {
        return lastMarked == null ? 0 : cps.charOffset(lastMarked.getEndMark().get().getIndex());
    }

    private Origin span(int start, int end) {
        return lines.span(start, Math.max(start, end));
    }

    private void cover(int start, int end) {
        if (coveredSize + 2 > covered.length) {
            covered = java.util.Arrays.copyOf(covered, covered.length * 2);
        }
        covered[coveredSize++] = start;
        covered[coveredSize++] = end;
    }

    /** An origin from a line and column read earlier, clamped as {@link SourceText#originAt}. */
    private Origin origin(int line, int column, int start, int end) {
        if (start > text.length()) {
            return span(start, end);
        }
        return new Origin(src.name(), line, column, start, Math.max(0, Math.min(end - start, text.length() - start)));
    }

    /** Reads every event; false when the parser or a limit stopped it. */
    private boolean readEvents() {
        try {
            // what snakeyaml-engine's lowlevel.Parse#parseString does; that package is not exported
            // by the engine's module-info, so on the module path only the parser itself is reachable
            LoadSettings settings = settings(text.length());
            Iterator<Event> it = new ParserImpl(settings, new StreamReader(settings, new StringReader(text)));
            while (it.hasNext()) {
                Event e = it.next();
                if (!onEvent(e)) {
                    return false;
                }
                if (e.getEndMark().isPresent()) {
                    lastMarked = e;
                }
            }
            return true;
        } catch (MarkedYamlEngineException ex) {
            problems.add(Problem.syntax(markOrigin(ex), describe(ex)));
        } catch (YamlEngineException ex) {
            problems.add(Problem.syntax(src.originAt(lastOffset(), 0), "invalid YAML: " + firstLine(ex.getMessage())));
        } catch (StackOverflowError ex) {
            problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, src.originAt(lastOffset(), 0),
                    "the YAML parser ran out of stack; the document nests too deeply"));
        } catch (RuntimeException ex) {
            problems.add(Problem.syntax(src.originAt(lastOffset(), 0),
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
                cover(docStart, off(e.getEndMark()));
                docRoot = null;
                docValue = null;
                anchors = new HashMap<>();
                aliasTargets = new HashMap<>();
                // made at the document's first anchor: most documents have none
                anchoredValues = null;
                docIssues = new ArrayList<>();
                return true;
            }
            case DocumentEnd: {
                DocumentEndEvent d = (DocumentEndEvent) e;
                if (docRoot == null) {
                    return true;
                }
                int end = d.isExplicit() ? off(e.getEndMark()) : docRoot.nodeOrigin().endOffset();
                if (d.isExplicit()) {
                    cover(off(e.getStartMark()), end);
                }
                int start = Math.min(docStart, docRoot.nodeOrigin().offset());
                // src, not the cursor: going back to the document start would make it walk the document again
                documents.add(completeDocument(new YamlDocument(documents.size(), docRoot, src.span(start, Math.max(start, end)), docExplicit,
                        d.isExplicit(), docVersion, aliasTargets)));
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
            cover(start, content);
        }
        int nodeLine = lines.lineOf(start);
        int nodeColumn = start - src.lineStart(nodeLine) + 1;
        int contentLine = content == start ? nodeLine : lines.lineOf(content);
        int contentColumn = content - src.lineStart(contentLine) + 1;
        boolean mapping = e.getEventId() == Event.ID.MappingStart;
        boolean flow = e.isFlow();
        Open parent = stack.peek();
        int threshold;
        if (flow) {
            threshold = parent == null ? -1 : parent.threshold;
        } else {
            // TextLines.indentColumn, with the line start the cursor already knows
            int ls = src.lineStart(contentLine);
            threshold = content - ls;
            if (threshold > 0 && text.charAt(ls) == '\uFEFF') {
                threshold--;
            }
            // A sequence written at its key's column (indentless) is one level in, not zero.
            if (!mapping && parent != null && parent.mapping && !parent.flow && threshold == parent.threshold) {
                threshold--;
            }
        }
        Open open = new Open(mapping, flow, anchor, tag, start, content, threshold, nodeLine, nodeColumn,
                contentLine, contentColumn, freeChildren.isEmpty() ? new ArrayList<>(8) : freeChildren.pop(),
                freeValues.isEmpty() ? new ArrayList<>(8) : freeValues.pop());
        if (anchor.isPresent()) {
            anchors.put(anchor.get(), open);
        }
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
        YamlValue value;
        Origin origin = origin(o.contentLine, o.contentColumn, o.contentStart, end);
        Origin nodeOrigin = o.nodeStart == o.contentStart ? origin : origin(o.nodeLine, o.nodeColumn, o.nodeStart, end);
        if (o.mapping) {
            YamlMapping.Entry[] pairs = new YamlMapping.Entry[o.children.size() / 2];
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = new YamlMapping.Entry(o.children.get(2 * i), o.children.get(2 * i + 1));
            }
            // an immutable list, which the record's List.copyOf keeps as it is
            List<YamlMapping.Entry> entries = List.of(pairs);
            YamlMapping m = new YamlMapping(entries, o.flow, o.tag, o.anchor, origin, nodeOrigin);
            if (deferValues) {
                duplicateKeys(m, o.values);
                value = null;
            } else {
                value = mappingValue(m, o.values);
            }
            node = m;
        } else {
            node = new YamlSequence(o.children, o.flow, o.tag, o.anchor, origin, nodeOrigin);
            value = deferValues ? null : new YamlValue.SequenceValue(o.values);
        }
        // a flow collection on one line has no continuation line to check
        if (o.flow && (stack.isEmpty() || !stack.peek().flow) && o.threshold >= 0
                && lines.lineOf(Math.max(o.nodeStart, end - 1)) != o.nodeLine) {
            indentChecks.add(new int[] {o.nodeStart, end, o.threshold, 1});
        }
        if (o.anchor.isPresent()) {
            anchors.put(o.anchor.get(), node);
            if (!deferValues) {
                anchoredValues().put(node, value);
            }
        }
        o.children.clear();
        o.values.clear();
        freeChildren.push(o.children);
        freeValues.push(o.values);
        add(node, value);
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
        cover(start, end);
        Origin nodeOrigin = content == start ? null : span(start, end);
        Origin origin = span(content, end);
        String value = e.getValue();
        YamlScalar s = new YamlScalar(value, style, tag, anchor, origin, nodeOrigin == null ? origin : nodeOrigin);
        Open parent = stack.peek();
        // The cursor stands on the scalar's first line: it spans more when that line's break is inside it.
        if (parent != null && !parent.flow && parent.threshold >= 0 && style != ScalarStyle.LITERAL
                && style != ScalarStyle.FOLDED && lines.firstBreakAtOrAfter(content) < end) {
            indentChecks.add(new int[] {content, end, parent.threshold, 0});
        }
        // deferred: only a mapping key's value is needed now (the duplicate check)
        YamlValue v = deferValues && (parent == null || !parent.mapping || parent.children.size() % 2 != 0) ? null
                : ScalarResolver.resolve(YamlSchema.YAML_1_1_KUBELET, value, style, tag);
        if (anchor.isPresent()) {
            anchors.put(anchor.get(), s);
            if (!deferValues) {
                anchoredValues().put(s, v);
            }
        }
        add(s, v);
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
        cover(start, end);
        Object target = anchors.get(name);
        YamlValue value = YamlValue.NULL;
        if (target == null) {
            problems.add(Problem.syntax(a.origin(), "unknown anchor &" + name + " referenced by *" + name));
        } else if (target instanceof Open) {
            problems.add(Problem.syntax(a.origin(), "alias *" + name + " refers to the node that contains it"));
        } else {
            aliasTargets.put(start, (YamlNode) target);
            // the target is complete (an open one is the error above), so its value is known
            value = anchoredValues().getOrDefault(target, YamlValue.NULL);
        }
        add(a, value);
        return true;
    }

    private Map<YamlNode, YamlValue> anchoredValues() {
        if (anchoredValues == null) {
            anchoredValues = new IdentityHashMap<>();
        }
        return anchoredValues;
    }

    private void add(YamlNode node, YamlValue value) {
        Open parent = stack.peek();
        if (parent == null) {
            docRoot = node;
            docValue = value;
        } else {
            parent.children.add(node);
            parent.values.add(value);
        }
    }

    /**
     * Gives a complete document its YAML 1.1 value, decoded on the way as
     * {@link ValueDecoder#decode} would (that decoder stays the reference: edits and the lazy YAML
     * 1.2 value use it), unless its aliases expand excessively.
     */
    private YamlDocument completeDocument(YamlDocument d) {
        if (deferValues) {
            // no aliases to expand, no merge keys or tags that could give a problem: nothing to report
            d.deferKubeletValue();
            return d;
        }
        // without aliases nothing expands: skip the walk that counts the expansion
        ValueDecoder.Expansion x = d.aliasTargets().isEmpty() ? null : ValueDecoder.expansion(d.root(), d::resolve);
        if (x != null && ValueDecoder.excessiveAliasing(x)) {
            Origin at = d.aliasTargets().keySet().stream().min(Integer::compare)
                    .map(o -> src.originAt(o, 1)).orElse(d.origin());
            decodeProblems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, at,
                    "document contains excessive aliasing: " + x.total() + " nodes once aliases are expanded, "
                            + x.fromAliases() + " of them from aliases"));
            return d;
        }
        decodeProblems.addAll(docIssues);
        d.setKubeletValue(docValue);
        return d;
    }

    /**
     * The YAML 1.1 value of a mapping from its children's values ({@link ValueDecoder}'s mapping
     * and merge rules), checking duplicate keys on the way.
     */
    private YamlValue mappingValue(YamlMapping map, List<YamlValue> done) {
        List<YamlMapping.Entry> entries = map.entries();
        FrozenMap.Builder<YamlValue, YamlValue> out = new FrozenMap.Builder<>(entries.size());
        boolean merges = false;
        for (int i = 0; i < entries.size() && !merges; i++) {
            merges = ValueDecoder.isMergeKey(entries.get(i).key());
        }
        for (int i = 0; i < entries.size(); i++) {
            YamlValue key = done.get(2 * i);
            YamlValue value = done.get(2 * i + 1);
            if (merges && ValueDecoder.isMergeKey(entries.get(i).key())) {
                merge(out, value, entries.get(i).value());
            } else if (out.put(key, value) != null && !merges) {
                // Without merges only written keys are in the map: an earlier one has this value.
                duplicateOf(map, done, i);
            }
        }
        if (merges) {
            checkDuplicates(map);
        }
        return new YamlValue.MappingValue(out.build());
    }

    private void merge(FrozenMap.Builder<YamlValue, YamlValue> out, YamlValue value, YamlNode at) {
        if (!ValueDecoder.mergeInto(out, value)) {
            docIssues.add(Problem.syntax(at.origin(), ValueDecoder.MERGE_NEEDS_MAPPINGS));
        }
    }

    /**
     * The duplicate check of {@link #mappingValue} for a mapping without merge keys or aliases, from
     * the values of its scalar keys ({@code keys} at even positions; null for a collection key, which
     * the check ignores): an entry is reported when an earlier scalar key has the same value, naming
     * the first of them.
     */
    private void duplicateKeys(YamlMapping map, List<YamlValue> keys) {
        List<YamlMapping.Entry> entries = map.entries();
        int n = entries.size();
        if (n < 2) {
            return;
        }
        // small mappings, the usual case, are compared pairwise; larger ones through a map of first keys
        Map<YamlValue, Integer> first = n > 8 ? new HashMap<>(n * 2) : null;
        for (int i = 0; i < n; i++) {
            YamlValue k = keys.get(2 * i);
            if (k == null) {
                continue;
            }
            int j;
            if (first != null) {
                Integer earlier = first.putIfAbsent(k, i);
                j = earlier == null ? -1 : earlier;
            } else {
                j = -1;
                for (int e = 0; e < i && j < 0; e++) {
                    if (k.equals(keys.get(2 * e))) {
                        j = e;
                    }
                }
            }
            if (j >= 0) {
                YamlScalar s = (YamlScalar) entries.get(i).key();
                Origin f = entries.get(j).key().origin();
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, s.origin(),
                        "duplicate key `" + s.value() + "`, first defined at " + f.line() + ":" + f.column()));
            }
        }
    }

    /** The scalar a key stands for in the duplicate check, or null for a key it ignores. */
    private YamlScalar scalarKey(YamlNode key) {
        if (key instanceof YamlAlias a) {
            key = aliasTargets.get(a.origin().offset());
        }
        return key instanceof YamlScalar s && !ValueDecoder.isMergeKey(s) ? s : null;
    }

    /**
     * Reports entry {@code i} when an earlier entry has a key of the same YAML 1.1 value, as
     * {@link #checkDuplicates} does for a mapping without merge keys.
     */
    private void duplicateOf(YamlMapping map, List<YamlValue> keys, int i) {
        YamlMapping.Entry entry = map.entries().get(i);
        YamlScalar s = scalarKey(entry.key());
        if (s == null) {
            return;
        }
        YamlValue k = keys.get(2 * i);
        for (int j = 0; j < i; j++) {
            YamlNode first = map.entries().get(j).key();
            if (scalarKey(first) != null && keys.get(2 * j).equals(k)) {
                Origin f = first.origin();
                problems.add(new Problem(Problem.Kind.DUPLICATE_KEY, entry.key().origin(),
                        "duplicate key `" + s.value() + "`, first defined at " + f.line() + ":" + f.column()));
                return;
            }
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
        int n = coveredSize / 2;
        boolean sorted = true;
        for (int k = 1; k < n && sorted; k++) {
            sorted = covered[2 * k - 2] <= covered[2 * k];
        }
        if (!sorted) {
            // the events come in text order, so this hardly happens
            long[] pairs = new long[n];
            for (int k = 0; k < n; k++) {
                pairs[k] = ((long) covered[2 * k] << 32) | (covered[2 * k + 1] & 0xffffffffL);
            }
            java.util.Arrays.sort(pairs);
            for (int k = 0; k < n; k++) {
                covered[2 * k] = (int) (pairs[k] >>> 32);
                covered[2 * k + 1] = (int) pairs[k];
            }
        }
        int pos = 0;
        // the next '#' at or after the scan position, found by indexOf and only ever moved forward
        int hash = text.indexOf('#');
        for (int k = 0; k <= n && hash >= 0; k++) {
            int gapEnd = k < n ? covered[2 * k] : text.length();
            int i = pos;
            while (true) {
                if (hash < i) {
                    hash = text.indexOf('#', i);
                }
                if (hash < 0 || hash >= gapEnd) {
                    break;
                }
                if (hash > 0 && " \t\r\n\uFEFF".indexOf(text.charAt(hash - 1)) < 0) {
                    problems.add(Problem.syntax(src.originAt(hash, 1),
                            "a comment must be separated from what precedes it by whitespace"));
                    return;
                }
                i = TextLines.lineEnd(text, hash);
            }
            if (k < n) {
                pos = Math.max(pos, covered[2 * k + 1]);
            }
        }
    }

    /**
     * Lines that continue a flow collection or a quoted or plain scalar inside a block collection
     * must be indented more than that collection (YAML 1.2 §7, §8); snakeyaml-engine does not
     * check this for quoted scalars and flow collections.
     */
    private void checkIndentation() {
        SourceText.LineCursor cursor = src.cursor();
        for (int[] c : indentChecks) {
            int start = c[0];
            int end = c[1];
            int threshold = c[2];
            boolean collection = c[3] == 1;
            int line = cursor.lineOf(start) + 1;
            int last = cursor.lineOf(Math.max(start, end - 1));
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

    /** Every plain untagged scalar the two schemas read differently, in source order. */
    static List<AmbiguousScalar> ambiguities(List<YamlDocument> documents, String text) {
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
