package dev.criconf.io.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModulesPropertiesTest {

    /** A generated file and the module names it lists. */
    record Generated(String text, List<String> modules) {}

    private static final String[] ENDINGS = {"\n", "\n", "\r\n", "\r"};
    private static final String[] NAMES = {"overlay", "br_netfilter", "br-netfilter", "ip_vs", "ip_vs_rr", "ip_vs_wrr",
        "ip_vs_sh", "nf_conntrack", "loop", "vxlan", "xt_set", "iscsi_tcp", "dm-thin-pool", "fs-overlay"};

    static Generated generate(Random r) {
        StringBuilder sb = new StringBuilder();
        List<String> modules = new ArrayList<>();
        String ending = ENDINGS[r.nextInt(ENDINGS.length)];
        int lines = r.nextInt(10);
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                sb.append(ending);
            }
            sb.append(blanks(r));
            switch (r.nextInt(4)) {
                case 0 -> { }
                case 1 -> sb.append(r.nextBoolean() ? "#" : ";").append(r.nextBoolean() ? " " + NAMES[r.nextInt(NAMES.length)] : " comment");
                default -> {
                    String m = NAMES[r.nextInt(NAMES.length)];
                    sb.append(m);
                    modules.add(m);
                }
            }
            sb.append(blanks(r));
        }
        if (lines > 0 && r.nextBoolean()) {
            sb.append(ending);
        }
        return new Generated(sb.toString(), modules);
    }

    private static String blanks(Random r) {
        return r.nextInt(3) == 0 ? List.of(" ", "\t", "  ", " \t").get(r.nextInt(4)) : "";
    }

    @Provide
    Arbitrary<Generated> files() {
        return Arbitraries.randomValue(ModulesPropertiesTest::generate);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    private static List<String> names(ModulesLoadFile f) {
        return f.modules().stream().map(ModuleEntry::name).toList();
    }

    @Property(tries = 1000)
    void printsBackByteForByteAndListsWhatWasWritten(@ForAll("files") Generated g) {
        ModulesLoadFile f = ModulesLoadFile.parse("gen.conf", g.text());
        assertEquals(List.of(), f.problems());
        assertEquals(g.text(), f.text());
        assertEquals(g.modules(), names(f));
    }

    @Property(tries = 1000)
    void addOnlyAppends(@ForAll("files") Generated g, @ForAll("names") String module) {
        ModulesLoadFile f = ModulesLoadFile.parse("gen.conf", g.text());
        ModulesLoadFile edited = f.add(module);
        if (f.contains(module)) {
            assertSame(f, edited);
            return;
        }
        assertTrue(edited.text().startsWith(g.text()));
        List<String> expected = new ArrayList<>(g.modules());
        expected.add(module);
        assertEquals(expected, names(edited));
    }

    @Property(tries = 1000)
    void removeKeepsEveryOtherLine(@ForAll("files") Generated g, @ForAll("names") String module) {
        ModulesLoadFile f = ModulesLoadFile.parse("gen.conf", g.text());
        ModulesLoadFile edited = f.remove(module);
        String n = ModuleNames.normalize(module);
        assertEquals(g.modules().stream().filter(m -> !ModuleNames.normalize(m).equals(n)).toList(), names(edited));
        // every line that does not name the module is still there, in order, byte for byte
        String rest = edited.text();
        for (String line : g.text().split("\r\n|\r|\n", -1)) {
            if (!ModuleNames.normalize(line).equals(n) && !line.isEmpty()) {
                int at = rest.indexOf(line);
                assertTrue(at >= 0, () -> "line lost: " + line);
                rest = rest.substring(at + line.length());
            }
        }
    }
}
