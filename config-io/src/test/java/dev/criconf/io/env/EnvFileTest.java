package dev.criconf.io.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.args.Argument;
import dev.criconf.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvFileTest {

    private static String value(String text) {
        EnvFile f = EnvFile.parse("t.env", text);
        assertEquals(1, f.assignments().size(), () -> "assignments of " + text + ": " + f.assignments());
        return f.assignments().get(0).value();
    }

    @Test
    void kubeadmFlagsFileIsOneDoubleQuotedValue() {
        EnvFile f = EnvFile.parse("var/lib/kubelet/kubeadm-flags.env",
                "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///run/containerd/containerd.sock --node-ip=10.0.0.2\"\n");
        assertTrue(f.problems().isEmpty());
        EnvAssignment a = f.get("KUBELET_KUBEADM_ARGS").orElseThrow();
        assertEquals(EnvAssignment.Quoting.DOUBLE, a.quoting());
        assertEquals("--container-runtime-endpoint=unix:///run/containerd/containerd.sock --node-ip=10.0.0.2", a.value());
        assertEquals("var/lib/kubelet/kubeadm-flags.env:1:1", a.nameOrigin().toString());
        assertEquals("var/lib/kubelet/kubeadm-flags.env:1:22", a.valueOrigin().toString());
        List<Argument> words = a.words();
        assertEquals(List.of("--container-runtime-endpoint=unix:///run/containerd/containerd.sock", "--node-ip=10.0.0.2"),
                words.stream().map(Argument::text).toList());
        assertEquals(23, words.get(0).origin().column());
        assertEquals(91, words.get(1).origin().column());
        assertEquals(18, words.get(1).origin().length());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // quotes are special only where a value (part) starts
        "A=--node-labels=\"a=b, c=d\"      | --node-labels=\"a=b, c=d\"",
        "A=\"--node-labels=a=b, c=d\"      | --node-labels=a=b, c=d",
        "A='x y'                           | x y",
        "A=\"x\" y                         | xy",
        "A= \"x\"                          | x",
        "A=\"x\"'y'                        | xy",
        // backslashes
        "A=a\\ b                           | a b",
        "A=a\\\\b                          | a\\b",
        "A=\"a\\\"b\\\\c\\$d\\`e\"         | a\"b\\c$d`e",
        "A=\"a\\nb\"                       | a\\nb",
        "A='a\\nb'                         | a\\nb",
        // trailing blanks of unquoted values go, quoted and escaped ones stay
        "`A=b  `                           | b",
        "`A=\"b  \"`                       | `b  `",
        "`A=b\\ `                          | `b `",
        "`A=b c `                          | b c",
        // comments only at the start of a line
        "A=b # no comment                  | b # no comment",
        "A=b;c                             | b;c",
        "A=                                | ``",
        "` A = b`                          | b",
    })
    void valuesAreReadAsSystemdReadsThem(String line, String expected) {
        assertEquals(expected, value(line + "\n"));
    }

    @Test
    void continuationLines() {
        assertEquals("bc", value("A=b\\\nc\n"));
        assertEquals("b c", value("A=\"b \\\nc\"\n"));
        assertEquals("b\\\nc", value("A='b\\\nc'\n"));
        // a CR is a line end too: backslash-CR-LF drops the CR and the LF ends the value
        assertEquals(Map.of("A", "b", "c", "d"), EnvFile.parse("t", "A=b\\\r\nc=d\n").variables());
    }

    @Test
    void commentsAndBlankLines() {
        EnvFile f = EnvFile.parse("t", "# comment\n\n  ; another\n\tA=1\n#B=2\nC=3 # tail\n");
        assertEquals(Map.of("A", "1", "C", "3 # tail"), f.variables());
        assertTrue(f.problems().isEmpty());
        // a comment's trailing backslash does not continue it (systemd >= 254)
        assertEquals(Map.of("A", "1"), EnvFile.parse("t", "# x \\\nA=1\n").variables());
    }

    @Test
    void exportIsNotSpecial() {
        EnvFile f = EnvFile.parse("t", "export KUBELET_EXTRA_ARGS=--v=2\n");
        EnvAssignment a = f.assignments().get(0);
        assertEquals("export KUBELET_EXTRA_ARGS", a.name());
        assertFalse(a.validName());
        assertTrue(f.variables().isEmpty());
        Problem p = f.problems().get(0);
        assertEquals("t:1:1", p.origin().toString());
        assertTrue(p.message().contains("not a valid variable name"), p.message());
    }

    @Test
    void lineWithoutEqualsIsReported() {
        EnvFile f = EnvFile.parse("t", "A=1\nKUBELET_EXTRA_ARGS\nB=2");
        assertEquals(Map.of("A", "1", "B", "2"), f.variables());
        assertEquals(1, f.problems().size());
        assertEquals("t:2:1", f.problems().get(0).origin().toString());
    }

    @Test
    void unterminatedQuoteTakesTheRestOfTheFile() {
        EnvFile f = EnvFile.parse("t", "A=\"x\nB=2\n");
        assertEquals("x\nB=2\n", f.get("A").orElseThrow().value());
        assertEquals(1, f.problems().size());
        assertEquals("t:1:3", f.problems().get(0).origin().toString());
    }

    @Test
    void repeatedNamesKeepTheLastValueAtTheFirstPosition() {
        EnvFile f = EnvFile.parse("t", "A=1\nB=2\nA=3\n");
        assertEquals(List.of("A", "B"), List.copyOf(f.variables().keySet()));
        assertEquals("3", f.variables().get("A"));
        assertEquals(2, f.get("A").orElseThrow().index());
    }

    @Test
    void crlfAndNoFinalNewline() {
        EnvFile f = EnvFile.parse("t", "A=1\r\nB=\"2\"\r\nC=3");
        assertEquals(Map.of("A", "1", "B", "2", "C", "3"), f.variables());
        assertEquals("t:3:3", f.get("C").orElseThrow().valueOrigin().toString());
    }

    @Test
    void byteOrderMarkSpoilsTheFirstName() {
        EnvFile f = EnvFile.parse("t", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A', '=', '1', '\n'});
        assertTrue(f.variables().isEmpty());
        assertTrue(f.problems().get(0).message().contains("byte order mark"));
        assertEquals("\uFEFFA=1\n", f.text());
    }

    @Test
    void nulEndsTheFile() {
        EnvFile f = EnvFile.parse("t", "A=1\nB=2\0C=3\n");
        assertEquals(Map.of("A", "1", "B", "2"), f.variables());
        assertEquals(1, f.problems().size());
    }

    @Test
    void invalidUtf8AndSizeLimitAreLocatedProblems() {
        EnvFile bad = EnvFile.parse("t", new byte[] {'A', '=', (byte) 0xff, '\n'});
        assertEquals("t:1:3", bad.problems().get(0).origin().toString());
        EnvFile big = EnvFile.parse("t", "A=123456789\n".getBytes(StandardCharsets.UTF_8),
                ParseLimits.DEFAULTS.withMaxFileBytes(4));
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, big.problems().get(0).kind());
    }

    @Test
    void originsOfValuePartsSkipEscapesAndQuotes() {
        EnvFile f = EnvFile.parse("t", "A=\"x\\\"y\" z\n");
        EnvAssignment a = f.assignments().get(0);
        assertEquals("x\"yz", a.value());
        // value chars 1..3 are \"y: columns 5..7
        assertEquals("t:1:5", a.originOf(1, 3).toString());
        assertEquals(3, a.originOf(1, 3).length());
    }

    @Test
    void splittingAValueHonoursQuotesInsideIt() {
        // single quotes inside the double-quoted value (a kind-generated kubeadm-flags.env) group and vanish
        EnvFile f = EnvFile.parse("t", "K=\"--a='/etc/x y' --b=\"\n");
        assertEquals(List.of("--a=/etc/x y", "--b="), f.get("K").orElseThrow().words().stream().map(Argument::text).toList());
    }
}
