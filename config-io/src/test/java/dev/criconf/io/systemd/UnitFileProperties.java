package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.args.internal.SystemdWords;
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
import net.jqwik.api.constraints.Chars;

class UnitFileProperties {

    /** A generated unit file and the (section, key, value) triples it must read as. */
    record Generated(String text, List<String> sections, List<String[]> expected) {
        @Override
        public String toString() {
            return text.replace("\r", "\\r").replace("\n", "\\n\n");
        }
    }

    /** Noise between lines: blank lines and comments with whatever text, continuation-looking ones included. */
    static String noise(Random r, String eol) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append(eol);
                case 1 -> sb.append("# comment \\").append(eol);
                case 2 -> sb.append("  ; x=y [a]").append(eol);
                default -> sb.append(" \t").append(eol);
            }
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<Generated> units() {
        Arbitrary<String> token = Arbitraries.strings().withChars("abc=-/:$%\"'#;[]").ofMinLength(1).ofMaxLength(6)
                .filter(t -> !t.startsWith("#") && !t.startsWith(";"));
        Arbitrary<List<String>> value = token.list().ofMaxSize(4);
        Arbitrary<String> key = Arbitraries.strings().withCharRange('A', 'Z').withChars('x', '-').ofMinLength(1).ofMaxLength(6);
        Arbitrary<Object[]> assignment = Combinators.combine(key, value).as((k, v) -> new Object[] {k, v});
        Arbitrary<Object[]> section = Combinators.combine(Arbitraries.of("Unit", "Service", "Install", "X-Extra"),
                assignment.list().ofMaxSize(5)).as((n, as) -> new Object[] {n, as});
        return Combinators.combine(section.list().ofMaxSize(4), Arbitraries.of("\n", "\r\n"), Arbitraries.of(true, false),
                Arbitraries.longs()).as((sections, eol, finalEol, seed) -> {
                    Random r = new Random(seed);
                    StringBuilder sb = new StringBuilder(noise(r, eol));
                    List<String> names = new ArrayList<>();
                    List<String[]> expected = new ArrayList<>();
                    for (Object[] s : sections) {
                        String name = (String) s[0];
                        names.add(name);
                        sb.append(r.nextBoolean() ? "" : " ").append('[').append(name).append(']').append(eol).append(noise(r, eol));
                        @SuppressWarnings("unchecked")
                        List<Object[]> as = (List<Object[]>) s[1];
                        for (Object[] a : as) {
                            String k = (String) a[0];
                            @SuppressWarnings("unchecked")
                            List<String> tokens = (List<String>) a[1];
                            StringBuilder logical = new StringBuilder();
                            sb.append(k).append(r.nextBoolean() ? "=" : " = ");
                            for (int i = 0; i < tokens.size(); i++) {
                                if (i > 0) {
                                    if (r.nextInt(3) == 0) {
                                        // continuation: the backslash becomes a blank, the next line follows as written
                                        String indent = r.nextBoolean() ? "  " : "\t";
                                        // only comment lines may come between continuation lines: a blank
                                        // line would end the value
                                        sb.append(" \\").append(eol);
                                        for (int c = r.nextInt(3); c > 0; c--) {
                                            sb.append(r.nextBoolean() ? "# comment \\" : "\t; x=y").append(eol);
                                        }
                                        sb.append(indent);
                                        logical.append("  ").append(indent);
                                    } else {
                                        sb.append(' ');
                                        logical.append(' ');
                                    }
                                }
                                sb.append(tokens.get(i));
                                logical.append(tokens.get(i));
                            }
                            sb.append(eol).append(noise(r, eol));
                            expected.add(new String[] {name, k, logical.toString()});
                        }
                    }
                    String text = sb.toString();
                    if (!finalEol && text.endsWith(eol) && !text.endsWith("\\" + eol)) {
                        text = text.substring(0, text.length() - eol.length());
                    }
                    return new Generated(text, names, expected);
                });
    }

    @Property(tries = 1000)
    void generatedUnitsRoundTripAndReadAsWritten(@ForAll("units") Generated g) {
        UnitFile u = UnitFile.parse("g.service", g.text().getBytes(StandardCharsets.UTF_8));
        assertEquals(g.text(), u.text());
        assertEquals(g.sections(), u.sections().stream().map(UnitSection::name).toList());
        List<String[]> got = u.assignments().stream().map(a -> new String[] {a.section(), a.key(), a.value()}).toList();
        assertEquals(g.expected().size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(List.of(g.expected().get(i)), List.of(got.get(i)));
        }
    }

    @Property(tries = 1000)
    void anyTextParsesWithoutExceptionsAndPrintsBack(@Chars({'[', ']', '=', '"', '\'', '\\', '#', ';', ' ', '\n', '\r', 'a', '$',
            '%'}) @ForAll String body) {
        String text = "[Service]\nExecStart=" + body + "\nEnvironment=" + body;
        UnitFile u = UnitFile.parse("x.service", text);
        assertEquals(text, u.text());
        for (UnitAssignment a : u.assignments()) {
            a.valueOrigin();
            if (a.key().equals("ExecStart")) {
                ExecCommand.parse(a, Specifiers.systemUnit("x.service"));
            } else if (a.key().equals("Environment")) {
                EnvironmentEntry.parse(a, Specifiers.systemUnit("x.service")).entries().forEach(EnvironmentEntry::words);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> flags() {
        Arbitrary<String> name = Arbitraries.of("a", "b", "node-labels", "v", "fail-swap-on");
        Arbitrary<String> value = Arbitraries.strings().withChars("xy=,/:. \"'\\$%").ofMaxLength(8);
        return Combinators.combine(name, value, Arbitraries.of(true, false)).as((n, v, sep) -> {
            if (n.equals("fail-swap-on")) {
                return List.of("--" + n);
            }
            return sep && !v.isEmpty() ? List.of("--" + n, v) : List.of("--" + n + "=" + v);
        }).list().ofMaxSize(5).map(l -> l.stream().flatMap(List::stream).toList());
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

    /** An ExecStart= line whose words are the flags, some on continuation lines (with a comment between). */
    static String execStart(List<String> words, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("ExecStart=/usr/bin/kubelet");
        for (String w : words) {
            String escaped = w.replace("%", "%%").replace("$", "$$");
            sb.append(r.nextInt(3) == 0 ? " \\\n" + (r.nextBoolean() ? "# note\n" : "") + "    " : " ");
            sb.append(SystemdWords.quoteWord(escaped, true).orElseThrow());
        }
        return sb.append('\n').toString();
    }

    @Property(tries = 1000)
    void execFlagEditsKeepUntouchedBytes(@ForAll("flags") List<String> words, @ForAll("units") Generated others,
            @ForAll("edits") FlagEdit edit, @ForAll long seed) {
        String before = others.text() + "\n";
        String after = "Restart=always\n# tail\n";
        String text = before + "[Service]\nExecStart=\n" + execStart(words, seed) + after;
        UnitFile u = UnitFile.parse("k.service", text);
        assertTrue(u.problems().isEmpty(), u.problems()::toString);
        CommandLine cl = CommandLine.expand(ExecCommand.parse(u.assignments("Service", "ExecStart")
                .get(u.assignments("Service", "ExecStart").size() - 1), Specifiers.systemUnit("k.service")).commands().get(0),
                UnitEnvironment.empty());
        assertEquals(words, cl.strings().subList(1, cl.strings().size()));
        UnitFile v = u.editExecFlags("Service", "ExecStart", edit, FlagSpec.kubelet());
        assertTrue(v.text().startsWith(before + "[Service]\nExecStart=\nExecStart=/usr/bin/kubelet"));
        assertTrue(v.text().endsWith(after));
        List<UnitAssignment> execs = v.assignments("Service", "ExecStart");
        CommandLine edited = CommandLine.expand(ExecCommand.parse(execs.get(execs.size() - 1), Specifiers.systemUnit("k.service"))
                .commands().get(0), UnitEnvironment.empty());
        ParsedArgs args = edited.flags(FlagSpec.kubelet());
        if (edit instanceof FlagEdit.RemoveFlag) {
            assertFalse(args.effective(edit.name()).isPresent());
        } else if (edit instanceof FlagEdit.SetFlag s) {
            assertEquals(s.value(), args.effective(s.name()).orElseThrow().value());
        } else if (edit instanceof FlagEdit.AddFlag s) {
            assertEquals(s.value(), args.effective(s.name()).orElseThrow().value());
        }
    }

    @Property(tries = 1000)
    void environmentFlagEditsKeepUntouchedBytes(@ForAll("flags") List<String> words, @ForAll("edits") FlagEdit edit,
            @ForAll boolean quoted) {
        StringBuilder value = new StringBuilder();
        for (String w : words) {
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(SystemdWords.quoteWord(w, false).orElseThrow());
        }
        String word = "KUBELET_EXTRA_ARGS=" + value.toString().replace("%", "%%");
        String written = quoted ? "\"" + SystemdWords.escapeIn(word, '"', true).orElseThrow() + "\""
                : SystemdWords.quoteWord(word, true).orElseThrow();
        String before = "[Service]\nEnvironment=A=1 ";
        String after = " \"B=x y\"\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS\n";
        UnitFile u = UnitFile.parse("k.service", before + written + after);
        assertTrue(u.problems().isEmpty(), u.problems()::toString);
        UnitFile v = u.editEnvironmentFlags("Service", "KUBELET_EXTRA_ARGS", edit, FlagSpec.kubelet());
        assertTrue(v.text().startsWith(before));
        assertTrue(v.text().endsWith(after));
        List<EnvironmentEntry> es = EnvironmentEntry.parse(v.assignments().get(0), Specifiers.systemUnit("k.service")).entries();
        assertEquals(List.of("A", "KUBELET_EXTRA_ARGS", "B"), es.stream().map(EnvironmentEntry::name).toList());
        ParsedArgs args = ParsedArgs.parse(es.get(1).words(), FlagSpec.kubelet());
        if (edit instanceof FlagEdit.RemoveFlag) {
            assertFalse(args.effective(edit.name()).isPresent());
        } else if (edit instanceof FlagEdit.SetFlag s) {
            assertEquals(s.value(), args.effective(s.name()).orElseThrow().value());
        } else if (edit instanceof FlagEdit.AddFlag s) {
            assertEquals(s.value(), args.effective(s.name()).orElseThrow().value());
        }
    }
}
