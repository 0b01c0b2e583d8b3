package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Origin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Structural invariants every parsed stream's span tree must satisfy. */
final class SpanChecks {

    private SpanChecks() {}

    static void check(YamlStream s) {
        String text = s.text();
        int previousDocEnd = 0;
        for (YamlDocument d : s.documents()) {
            Origin doc = d.origin();
            assertTrue(doc.offset() >= previousDocEnd, () -> "documents overlap at " + doc);
            assertTrue(doc.endOffset() <= text.length());
            previousDocEnd = doc.endOffset();
            Deque<YamlNode> work = new ArrayDeque<>();
            work.push(d.root());
            within(doc, d.root().nodeOrigin(), "root");
            while (!work.isEmpty()) {
                YamlNode n = work.pop();
                Origin node = n.nodeOrigin();
                within(node, n.origin(), "content of " + n.getClass().getSimpleName());
                lineColumn(s, node);
                lineColumn(s, n.origin());
                List<YamlNode> children = new ArrayList<>();
                if (n instanceof YamlMapping m) {
                    for (YamlMapping.Entry e : m.entries()) {
                        children.add(e.key());
                        children.add(e.value());
                    }
                } else if (n instanceof YamlSequence q) {
                    children.addAll(q.items());
                } else if (n instanceof YamlScalar sc && sc.style() == ScalarStyle.PLAIN && sc.anchor().isEmpty()
                        && sc.tag().isEmpty()) {
                    String slice = text.substring(sc.origin().offset(), sc.origin().endOffset());
                    // snakeyaml-engine also folds at NEL, LS and PS (as YAML 1.1 does)
                    if (slice.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)) {
                        assertEquals(sc.value(), slice, () -> "plain scalar text at " + sc.origin());
                    }
                } else if (n instanceof YamlScalar sc && sc.origin().length() > 0) {
                    char first = text.charAt(sc.origin().offset());
                    char expected = switch (sc.style()) {
                        case SINGLE_QUOTED -> '\'';
                        case DOUBLE_QUOTED -> '"';
                        case LITERAL -> '|';
                        case FOLDED -> '>';
                        default -> first;
                    };
                    assertEquals(expected, first, () -> "scalar start at " + sc.origin());
                }
                int last = node.offset();
                for (YamlNode c : children) {
                    within(node, c.nodeOrigin(), "child");
                    assertTrue(c.nodeOrigin().offset() >= last, () -> "children out of order at " + c.nodeOrigin());
                    last = c.nodeOrigin().endOffset();
                    work.push(c);
                }
            }
        }
    }

    private static void within(Origin outer, Origin inner, String what) {
        assertTrue(inner.offset() >= outer.offset() && inner.endOffset() <= outer.endOffset(),
                () -> what + " " + inner + "+" + inner.length() + " outside " + outer + "+" + outer.length());
    }

    private static void lineColumn(YamlStream s, Origin o) {
        String text = s.text();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < o.offset(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        assertEquals(line, o.line(), () -> "line of " + o);
        assertEquals(o.offset() - lineStart + 1, o.column(), () -> "column of " + o);
    }
}
