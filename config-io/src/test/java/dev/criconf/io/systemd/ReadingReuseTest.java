package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.io.args.Argument;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An {@code Exec*=} or {@code Environment=} value is read once with the file's specifiers (for its
 * problems) and again with the unit's; the first reading is reused only when specifiers cannot
 * matter. Whatever specifiers come first, each reading must be what a fresh file read with those
 * specifiers alone gives: values with {@code %}, or with an escape that decodes to {@code %}, are
 * read again.
 */
class ReadingReuseTest {

    static Stream<String> units() {
        return Stream.of(
                "[Service]\nEnvironment=\"A=--x=1 --y\" B=2\nExecStart=/usr/bin/p $A --n=%n\n",
                "[Service]\nEnvironment=A=%n B=\"%y\"\nExecStart=/usr/bin/p %N\n",
                "[Service]\nEnvironment=A=\\x25n \"B=\\045p\"\nExecStart=/usr/bin/p \\x25n \"\\045N\" \\u0025y\n",
                "[Service]\nEnvironment=A=plain\nExecStart=-/usr/bin/p --a \"b c\" ; /bin/q 'd'\n",
                "[Service]\nEnvironment=1BAD=x\nExecStart=/usr/bin/p\\x25n/\n",
                "[Service]\nExecStart=\"/usr/bin/p\n");
    }

    /**
     * Each file is first read by its own parse with the specifiers its name gives; the reused file
     * ({@code x.service}) is then read with other specifiers and must agree with a file whose first
     * reading used those.
     */
    @ParameterizedTest
    @MethodSource("units")
    void readingsAgreeWithFreshReadings(String text) {
        UnitFile reused = UnitFile.parse("/etc/systemd/system/x.service", text);
        Map<String, Specifiers> byName = new LinkedHashMap<>();
        byName.put("unit.conf", Specifiers.unknownUnit());
        byName.put("/etc/systemd/system/kubelet.service", Specifiers.systemUnit("kubelet.service"));
        byName.put("/etc/systemd/system/x.service", Specifiers.systemUnit("x.service"));
        byName.forEach((name, sp) -> {
            UnitFile fresh = UnitFile.parse(name, text);
            for (int i = 0; i < reused.assignments().size(); i++) {
                UnitAssignment r = reused.assignments().get(i);
                UnitAssignment f = fresh.assignments().get(i);
                if (r.key().equals("Environment")) {
                    assertEquals(describe(EnvironmentEntry.parse(f, sp)), describe(EnvironmentEntry.parse(r, sp)), name);
                } else {
                    assertEquals(describe(ExecCommand.parse(f, sp)), describe(ExecCommand.parse(r, sp)), name);
                }
            }
        });
    }

    /** An origin without the file name (the files differ in name only). */
    private static String at(Origin o) {
        return o.line() + ":" + o.column() + "+" + o.length();
    }

    private static String describe(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            sb.append(p.kind()).append(' ').append(at(p.origin())).append(' ').append(p.message()).append('\n');
        }
        return sb.toString();
    }

    private static String describe(EnvironmentEntry.Parsed p) {
        StringBuilder sb = new StringBuilder();
        for (EnvironmentEntry e : p.entries()) {
            sb.append(e.name()).append('=').append(e.value()).append(' ').append(at(e.origin())).append(' ')
                    .append(e.wordIndex());
            for (Argument a : e.words()) {
                sb.append(' ').append(a.text()).append('@').append(at(a.origin()));
            }
            sb.append('\n');
        }
        return sb.append(describe(p.problems())).toString();
    }

    private static String describe(ExecCommand.Parsed p) {
        StringBuilder sb = new StringBuilder();
        for (ExecCommand c : p.commands()) {
            sb.append(c.prefixes()).append(' ').append(c.path()).append(' ').append(word(c.program()));
            for (ExecWord w : c.argv()) {
                sb.append(' ').append(word(w));
            }
            sb.append('\n');
        }
        return sb.append(describe(p.problems())).toString();
    }

    private static String word(ExecWord w) {
        return w.written() + "|" + w.value() + "|" + w.unresolved() + "@" + at(w.origin());
    }
}
