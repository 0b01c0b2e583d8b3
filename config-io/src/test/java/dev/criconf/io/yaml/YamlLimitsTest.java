package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class YamlLimitsTest {

    private static Problem only(YamlStream s, Problem.Kind kind) {
        assertEquals(1, s.problems().size(), () -> s.problems().toString());
        Problem p = s.problems().get(0);
        assertEquals(kind, p.kind(), p::toString);
        return p;
    }

    @Test
    void deepFlowNestingIsALocatedLimitNotAStackOverflow() {
        for (int n : new int[] {5_000, 100_000}) {
            YamlStream s = YamlStream.parse("deep.yaml", "[".repeat(n), ParseLimits.DEFAULTS);
            Problem p = only(s, Problem.Kind.LIMIT_EXCEEDED);
            assertEquals("deep.yaml:1:257", p.origin().toString());
            assertTrue(p.message().contains("256"), p.message());
            assertEquals("[".repeat(n), s.text());
        }
    }

    @Test
    void deepBlockNestingIsALimitToo() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            b.append(" ".repeat(i)).append("k:\n");
        }
        b.append(" ".repeat(300)).append("v\n");
        Problem p = only(YamlStream.parse("deep.yaml", b.toString()), Problem.Kind.LIMIT_EXCEEDED);
        assertEquals(257, p.origin().line());
    }

    @Test
    void aLargeDepthLimitStillNeverOverflowsTheStack() throws InterruptedException {
        // A small thread stack: whatever the limits, nothing here may recurse per nesting level.
        String text = "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                YamlStream s = YamlStream.parse("deep.yaml", text, ParseLimits.DEFAULTS.withMaxDepth(1_000_000));
                result.set(s);
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        assertTrue(result.get() instanceof YamlStream, () -> "got " + result.get());
        YamlStream s = (YamlStream) result.get();
        for (Problem p : s.problems()) {
            assertEquals(Problem.Kind.LIMIT_EXCEEDED, p.kind(), p::toString);
        }
        assertEquals(text, s.text());
    }

    @Test
    void aliasCountLimit() {
        StringBuilder b = new StringBuilder("a: &a x\nl:\n");
        for (int i = 0; i < 11; i++) {
            b.append("- *a\n");
        }
        Problem p = only(YamlStream.parse("a.yaml", b.toString(), ParseLimits.DEFAULTS.withMaxAliases(10)),
                Problem.Kind.LIMIT_EXCEEDED);
        assertEquals("a.yaml:13:3", p.origin().toString());
        assertTrue(YamlStream.parse("a.yaml", b.toString(), ParseLimits.DEFAULTS.withMaxAliases(11)).problems().isEmpty());
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            b.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                b.append(i == 0 ? "" : ",").append('*').append(p);
            }
            b.append("]\n");
        }
        YamlStream s = YamlStream.parse("lol.yaml", b.toString());
        Problem p = only(s, Problem.Kind.LIMIT_EXCEEDED);
        assertTrue(p.message().startsWith("document contains excessive aliasing"), p.message());
        assertEquals(YamlValue.NULL, s.document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET));
        assertTrue(s.hasSyntaxErrors());
    }

    @Test
    void moderateAliasUseIsFine() {
        YamlStream s = YamlStream.parse("ok.yaml", "base: &b {a: 1, b: 2}\nx: *b\ny: *b\n");
        assertTrue(s.problems().isEmpty());
        YamlValue.MappingValue m = s.document(0).orElseThrow().value(YamlSchema.YAML_1_2_CORE).asMapping();
        assertEquals(m.get("base"), m.get("y"));
    }

    @Test
    void fileSizeLimit() {
        byte[] bytes = "- 1\n".repeat(30).getBytes(StandardCharsets.UTF_8);
        YamlStream s = YamlStream.parse("big.yaml", bytes, ParseLimits.DEFAULTS.withMaxFileBytes(100));
        Problem p = only(s, Problem.Kind.LIMIT_EXCEEDED);
        assertEquals("big.yaml:1:1", p.origin().toString());
        assertTrue(s.documents().isEmpty());
        assertArrayEquals(bytes, s.toBytes());
        assertFalse(YamlStream.parse("big.yaml", bytes, ParseLimits.DEFAULTS.withMaxFileBytes(120)).hasErrors());
    }

    @Test
    void parserErrorsBecomeLocatedSyntaxProblems() {
        Problem p = only(YamlStream.parse("e.yaml", "a: 1\nb: [1, 2\n"), Problem.Kind.SYNTAX);
        assertEquals(3, p.origin().line());
        assertTrue(p.message().contains("while parsing a flow"), p.message());
        Problem tab = only(YamlStream.parse("e.yaml", "a:\n\tb: 1\n"), Problem.Kind.SYNTAX);
        assertEquals(2, tab.origin().line());
        Problem version = only(YamlStream.parse("e.yaml", "%YAML 2.0\n---\na: 1\n"), Problem.Kind.SYNTAX);
        assertEquals(1, version.origin().line());
        Problem unknown = only(YamlStream.parse("e.yaml", "a: *nope\n"), Problem.Kind.SYNTAX);
        assertEquals("e.yaml:1:4", unknown.origin().toString());
        Problem self = only(YamlStream.parse("e.yaml", "a: &s [1, *s]\n"), Problem.Kind.SYNTAX);
        assertTrue(self.message().contains("contains it"), self.message());
        Problem merge = only(YamlStream.parse("e.yaml", "a:\n  <<: 5\n"), Problem.Kind.SYNTAX);
        assertTrue(merge.message().contains("merge"), merge.message());
    }

    @Test
    void invalidUtf8IsAProblemNotAnException() {
        byte[] bytes = {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        YamlStream s = YamlStream.parse("u.yaml", bytes, ParseLimits.DEFAULTS);
        assertTrue(s.hasSyntaxErrors());
        assertEquals("u.yaml:1:4", s.problems().get(0).origin().toString());
    }

    @Test
    void layoutChecksCatchWhatTheParserLetsThrough() {
        Problem comment = only(YamlStream.parse("c.yaml", "key: \"value\"# comment\n"), Problem.Kind.SYNTAX);
        assertEquals("c.yaml:1:13", comment.origin().toString());
        Problem indent = only(YamlStream.parse("c.yaml", "quoted: \"a\nb\"\n"), Problem.Kind.SYNTAX);
        assertEquals("c.yaml:2:1", indent.origin().toString());
        assertTrue(YamlStream.parse("c.yaml", "quoted: \"a\n b\"\nflow: [a,\n  b]\n").problems().isEmpty());
    }
}
