package dev.criconf.io.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.args.Argument;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;

class EnvFileProperties {

    /** A generated file and the assignments it must read as. */
    record Generated(String text, List<String[]> expected) {
        @Override
        public String toString() {
            return text.replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    private static final String VALUE_CHARS = "ab -=,/:\"'\\$`#;\t";

    /** Writes a value in a style, with continuations where the style allows them. */
    static String write(String value, int style, Random r, boolean continuations) {
        StringBuilder sb = new StringBuilder();
        switch (style) {
            case 0: // unquoted: a backslash escapes anything; blanks at the ends and a leading quote need one
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    boolean edge = (i == 0 && (c == ' ' || c == '\t' || c == '"' || c == '\''))
                            || (i == value.length() - 1 && (c == ' ' || c == '\t'));
                    if (c == '\\' || edge || r.nextInt(8) == 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                    if (continuations && r.nextInt(10) == 0) {
                        sb.append("\\\n");
                    }
                }
                return sb.toString();
            case 1: // double quotes: only " \ ` $ are escaped; backslash-newline is removed
                sb.append('"');
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ("\"\\`$".indexOf(c) >= 0) {
                        sb.append('\\');
                    }
                    sb.append(c);
                    if (continuations && r.nextInt(10) == 0) {
                        sb.append("\\\n");
                    }
                }
                return sb.append('"').toString();
            default: // single quotes: literal
                return "'" + value + "'";
        }
    }

    @Provide
    Arbitrary<Generated> files() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> values = Arbitraries.strings().withChars(VALUE_CHARS).ofMaxLength(16);
        Arbitrary<Object[]> assignment = Combinators.combine(names, values, Arbitraries.integers().between(0, 2),
                Arbitraries.of("", " ", "\t")).as((n, v, s, ws) -> new Object[] {n, v, s, ws});
        Arbitrary<String> comment = Combinators.combine(Arbitraries.of("#", ";", "  #", "\t;"),
                Arbitraries.strings().withChars("ab =\"'\\#").ofMaxLength(10)).as((a, b) -> a + b.replace("\\", ""));
        Arbitrary<Object> line = Arbitraries.oneOf(assignment.map(x -> (Object) x), comment.map(x -> (Object) x),
                Arbitraries.of("", " ", "\t").map(x -> (Object) new StringBuilder(x)));
        return Combinators.combine(line.list().ofMaxSize(10), Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false),
                Arbitraries.longs()).as((lines, eol, finalEol, seed) -> {
                    Random r = new Random(seed);
                    StringBuilder sb = new StringBuilder();
                    List<String[]> expected = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        Object l = lines.get(i);
                        if (l instanceof Object[] a) {
                            String name = (String) a[0];
                            String value = (String) a[1];
                            int style = (int) a[2];
                            if (style == 2) {
                                value = value.replace("'", "");
                            }
                            if (style == 0) {
                                value = value.replace("\t", "");
                            }
                            String ws = (String) a[3];
                            sb.append(ws).append(name).append(ws).append('=').append(ws)
                                    .append(write(value, style, r, eol.equals("\n")));
                            expected.add(new String[] {name, value});
                        } else {
                            sb.append(l);
                        }
                        if (i < lines.size() - 1 || finalEol) {
                            sb.append(eol);
                        }
                    }
                    return new Generated(sb.toString(), expected);
                });
    }

    @Property(tries = 1000)
    void generatedFilesRoundTripAndReadAsWritten(@ForAll("files") Generated g) {
        EnvFile f = EnvFile.parse("g.env", g.text().getBytes(StandardCharsets.UTF_8));
        assertEquals(g.text(), f.text());
        assertTrue(f.problems().isEmpty(), () -> f.problems().toString());
        assertEquals(g.expected().size(), f.assignments().size());
        for (int i = 0; i < g.expected().size(); i++) {
            assertEquals(g.expected().get(i)[0], f.assignments().get(i).name());
            assertEquals(g.expected().get(i)[1], f.assignments().get(i).value());
        }
    }

    @Property(tries = 1000)
    void anyTextParsesWithoutExceptionsAndPrintsBack(@ForAll @Chars({'a', '=', '"', '\'', '\\', '#', ';', ' ', '\n', '\r', '\t', '$'})
            @CharRange(from = 'A', to = 'C') String text) {
        EnvFile f = EnvFile.parse("x", text);
        assertEquals(text, f.text());
        for (EnvAssignment a : f.assignments()) {
            for (int i = 0; i < a.value().length(); i++) {
                assertTrue(a.originOf(i, i + 1).endOffset() <= text.length());
            }
            a.words();
        }
    }

    @Provide
    Arbitrary<List<String>> flags() {
        Arbitrary<String> name = Arbitraries.of("a", "b", "node-labels", "v", "fail-swap-on");
        Arbitrary<String> value = Arbitraries.strings().withChars("xy=,/:. \"'\\$").ofMaxLength(8);
        return Combinators.combine(name, value, Arbitraries.of(true, false)).as((n, v, sep) -> {
            if (n.equals("fail-swap-on")) {
                return List.of("--" + n);
            }
            return sep && !v.isEmpty() ? List.of("--" + n, v) : List.of("--" + n + "=" + v);
        }).list().ofMaxSize(5).map(l -> l.stream().flatMap(List::stream).toList());
    }

    @Property(tries = 1000)
    void flagEditsKeepUntouchedBytes(@ForAll("flags") List<String> words, @ForAll("files") Generated others,
            @ForAll("edits") FlagEdit edit, @ForAll boolean quoted) {
        StringBuilder value = new StringBuilder();
        for (String w : words) {
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(dev.criconf.io.args.internal.SystemdWords.quoteWord(w, false).orElseThrow());
        }
        String target = "KUBELET_KUBEADM_ARGS=" + write(value.toString(), quoted ? 1 : 0, new Random(words.size()), false);
        // the line break ends whatever the generated part ends with (a value, a comment, a continuation)
        String text = others.text() + "\n" + target + "\n# tail\n";
        EnvFile f = EnvFile.parse("t", text);
        EnvAssignment a = f.get("KUBELET_KUBEADM_ARGS").orElseThrow();
        assertEquals(words, a.words().stream().map(Argument::text).toList());
        EnvFile g = f.editFlags("KUBELET_KUBEADM_ARGS", edit, FlagSpec.kubelet());
        int start = a.valueOrigin().offset();
        int end = a.valueOrigin().endOffset();
        assertTrue(g.text().startsWith(text.substring(0, start)));
        assertTrue(g.text().endsWith(text.substring(end)));
        assertEquals(f.assignments().size(), g.assignments().size());
        ParsedArgs args = g.flags("KUBELET_KUBEADM_ARGS", FlagSpec.kubelet());
        String name = edit.name();
        if (edit instanceof FlagEdit.RemoveFlag) {
            assertFalse(args.effective(name).isPresent());
        } else if (edit instanceof FlagEdit.SetFlag s) {
            assertEquals(s.value(), args.effective(name).orElseThrow().value());
        } else if (edit instanceof FlagEdit.AddFlag s) {
            assertEquals(s.value(), args.effective(name).orElseThrow().value());
        }
    }

    @Provide
    Arbitrary<FlagEdit> edits() {
        Arbitrary<String> name = Arbitraries.of("a", "b", "node-labels", "v", "c");
        Arbitrary<String> value = Arbitraries.strings().withChars("xy=,/:. \"'\\$%").ofMaxLength(8);
        return Combinators.combine(Arbitraries.integers().between(0, 2), name, value).as((k, n, v) -> switch (k) {
            case 0 -> FlagEdit.set(n, v);
            case 1 -> FlagEdit.add(n, v);
            default -> FlagEdit.remove(n);
        });
    }
}
