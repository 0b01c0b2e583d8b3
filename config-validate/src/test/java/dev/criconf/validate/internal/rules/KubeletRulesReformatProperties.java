package dev.criconf.validate.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Reformatting a node's kubelet files (comments, blank lines, key and line order, indentation,
 * flow or block maps, the quoting of values whose meaning does not depend on it) does not change
 * what the kubelet, kubeadm and any-file rules report: the same findings, at the same words of the
 * files. Nodes are generated as kubelet configuration and environment files with a mix of good and
 * bad settings, written twice to a temporary node root and loaded with config-io's
 * {@link NodeLoader}.
 */
class KubeletRulesReformatProperties {

    /** How a value may be written. */
    enum Quoting {
        /** A string whose meaning is the same plain, single- or double-quoted. */
        FREE,
        /** Must stay plain: its plainness is its meaning ({@code no}, {@code 0755}, {@code 110}). */
        PLAIN,
        /** A string that must stay quoted ({@code "false"}, {@code ""}); either quote character. */
        QUOTED
    }

    record Scalar(String text, Quoting quoting) {
    }

    /** A top-level config entry: a scalar or a map of scalars. */
    record Entry(String key, Scalar scalar, Map<String, Scalar> map) {
    }

    record Spec(String version, List<Entry> config, List<String> kubeadmArgs, List<String> extraArgs) {
    }

    /** How one rendering looks. */
    record Style(long seed, boolean comments, boolean blankLines, int indent, boolean flowMaps, boolean shuffle,
            int envQuote) {
    }

    private static final List<String> VERSIONS = List.of("1.24.17", "1.29.4", "1.32.9", "1.35.0");

    @Provide
    Arbitrary<Spec> nodes() {
        Arbitrary<List<Entry>> config = Arbitraries.subsetOf(configPool()).map(s -> {
            List<Entry> l = new ArrayList<>(s);
            l.sort(Comparator.comparing(Entry::key));
            return dedupe(l);
        });
        Arbitrary<List<String>> kubeadm = Arbitraries.subsetOf(flagPool()).map(s -> s.stream().sorted().toList());
        Arbitrary<List<String>> extra = Arbitraries.subsetOf(flagPool()).map(s -> s.stream().sorted().toList());
        return Combinators.combine(Arbitraries.of(VERSIONS), config, kubeadm, extra).as(Spec::new);
    }

    @Provide
    Arbitrary<Style> styles() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(2, 4), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 2)).as(Style::new);
    }

    private static List<Entry> configPool() {
        Scalar endpoint = new Scalar("unix:///run/containerd/containerd.sock", Quoting.FREE);
        return List.of(
                new Entry("cgroupDriver", new Scalar("systemd", Quoting.FREE), null),
                new Entry("cgroupDriver", new Scalar("Systemd", Quoting.FREE), null),
                new Entry("CgroupDriver", new Scalar("cgroupfs", Quoting.FREE), null),
                new Entry("failSwapOn", new Scalar("no", Quoting.PLAIN), null),
                new Entry("failSwapOn", new Scalar("false", Quoting.QUOTED), null),
                new Entry("failSwapOn", new Scalar("false", Quoting.PLAIN), null),
                new Entry("imageGCHighThresholdPercent", new Scalar("80", Quoting.PLAIN), null),
                new Entry("imageGCLowThresholdPercent", new Scalar("85", Quoting.PLAIN), null),
                new Entry("maxPods", new Scalar("0755", Quoting.PLAIN), null),
                new Entry("containerRuntimeEndpoint", endpoint, null),
                new Entry("containerRuntimeEndpoint", new Scalar("", Quoting.QUOTED), null),
                new Entry("mergeDefaultEvictionSettings", new Scalar("true", Quoting.PLAIN), null),
                new Entry("systemCgroups", new Scalar("/system.slice", Quoting.FREE), null),
                new Entry("evictionHard", null, Map.of("memory.available", new Scalar("500Mi", Quoting.FREE))),
                new Entry("evictionHard", null, Map.of("memory.available", new Scalar("100Mi", Quoting.FREE),
                        "nodefs.available", new Scalar("10%", Quoting.FREE), "nodefs.inodesFree", new Scalar("5%", Quoting.FREE),
                        "imagefs.available", new Scalar("15%", Quoting.FREE))));
    }

    private static List<Entry> dedupe(List<Entry> sorted) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : sorted) {
            if (out.stream().noneMatch(x -> x.key().equals(e.key()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> flagPool() {
        return List.of("--node-ip=10.0.0.5", "--network-plugin=cni", "--pod-infra-container-image=registry.k8s.io/pause:3.10",
                "--container-runtime-endpoint=unix:///run/containerd/containerd.sock", "--node-labels=a=b, c=d",
                "--kube-reserved=cpu=1,memory=1Gi", "--fail-swap-on false", "--node-lables=x=y", "--max-pods=200");
    }

    // each try writes and loads two node roots, so fewer tries than the pure properties
    @Property(tries = 80)
    void findingsDoNotDependOnTheLayout(@ForAll("nodes") Spec spec, @ForAll("styles") Style a, @ForAll("styles") Style b)
            throws IOException {
        List<String> first = findings(spec, a);
        Statistics.label("rules reporting").collect(first.stream().map(f -> f.substring(0, f.indexOf(' '))).distinct().count());
        assertEquals(first, findings(spec, b));
    }

    /** The findings as comparable text: rule, severity, message, fixes, and the word of the file they point at. */
    private static List<String> findings(Spec spec, Style style) throws IOException {
        Path root = Files.createTempDirectory("criconf-reformat");
        try {
            write(root, spec, style);
            List<String> out = new ArrayList<>();
            for (Finding f : KubeletRuleFixturesTest.VALIDATOR.validate(NodeLoader.create().load(root)).findings()) {
                StringBuilder sb = new StringBuilder(f.ruleId()).append(' ').append(f.severity()).append(' ')
                        .append(anchor(root, f.location())).append(' ').append(f.message()).append(' ').append(f.fixes());
                f.related().forEach(r -> sb.append(" / ").append(anchor(root, r.location())).append(' ').append(r.message()));
                out.add(sb.toString());
            }
            Collections.sort(out);
            return out;
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The file and the word a location points at (quotes and a key's colon dropped); the file alone for whole-file locations. */
    private static String anchor(Path root, Origin o) {
        if (o.line() == 1 && o.column() == 1 && o.length() == 0) {
            return o.file();
        }
        try {
            String text = Files.readString(root.resolve(o.file()), StandardCharsets.UTF_8);
            int i = o.offset();
            while (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
                i++;
            }
            int end = i;
            while (end < text.length() && " \t\r\n\"',".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String word = text.substring(i, end);
            return o.file() + "@" + (word.endsWith(":") ? word.substring(0, word.length() - 1) : word);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path root, Spec spec, Style style) throws IOException {
        Random random = new Random(style.seed());
        put(root, "criconf.yaml", "kubernetesVersion: \"" + spec.version() + "\"\ncgroupVersion: 2\n");
        put(root, "usr/lib/systemd/system/kubelet.service", "[Service]\nExecStart=/usr/bin/kubelet\n");
        put(root, "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", "[Service]\n"
                + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n"
                + "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\n"
                + "EnvironmentFile=-/etc/default/kubelet\n"
                + "ExecStart=\n"
                + "ExecStart=/usr/bin/kubelet $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS\n");
        put(root, "var/lib/kubelet/config.yaml", yaml(spec, style, random));
        put(root, "var/lib/kubelet/kubeadm-flags.env", env("KUBELET_KUBEADM_ARGS", spec.kubeadmArgs(), style, random));
        put(root, "etc/default/kubelet", env("KUBELET_EXTRA_ARGS", spec.extraArgs(), style, random));
    }

    private static void put(Path root, String name, String text) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static String yaml(Spec spec, Style style, Random random) {
        List<String> blocks = new ArrayList<>();
        blocks.add("apiVersion: " + scalar(new Scalar("kubelet.config.k8s.io/v1beta1", Quoting.FREE), random));
        blocks.add("kind: " + scalar(new Scalar("KubeletConfiguration", Quoting.FREE), random));
        String pad = " ".repeat(style.indent());
        for (Entry e : spec.config()) {
            if (e.scalar() != null) {
                blocks.add(e.key() + ": " + scalar(e.scalar(), random));
                continue;
            }
            List<String> keys = new ArrayList<>(e.map().keySet());
            keys.sort(null);
            if (style.shuffle()) {
                Collections.shuffle(keys, random);
            }
            StringBuilder sb = new StringBuilder(e.key()).append(':');
            if (style.flowMaps()) {
                sb.append(" {");
                for (int i = 0; i < keys.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(keys.get(i)).append(": ").append(scalar(e.map().get(keys.get(i)), random));
                }
                sb.append('}');
            } else {
                for (String k : keys) {
                    sb.append('\n').append(pad).append(k).append(": ").append(scalar(e.map().get(k), random));
                }
            }
            blocks.add(sb.toString());
        }
        if (style.shuffle()) {
            Collections.shuffle(blocks, random);
        }
        StringBuilder out = new StringBuilder();
        if (style.comments()) {
            out.append("# generated for a reformatting property\n");
        }
        for (String block : blocks) {
            if (style.blankLines() && random.nextBoolean()) {
                out.append('\n');
            }
            if (style.comments() && random.nextBoolean()) {
                out.append("# about the next key\n");
            }
            out.append(block).append('\n');
        }
        return out.toString();
    }

    private static String scalar(Scalar s, Random random) {
        int q = switch (s.quoting()) {
            case PLAIN -> 0;
            case QUOTED -> 1 + random.nextInt(2);
            case FREE -> random.nextInt(3);
        };
        return q == 0 ? s.text() : q == 1 ? "'" + s.text() + "'" : "\"" + s.text() + "\"";
    }

    static String env(String variable, List<String> flags, Style style, Random random) {
        String value = String.join(" ", flags);
        String quoted = switch (style.envQuote()) {
            case 0 -> value.isEmpty() ? "\"\"" : value;
            case 1 -> "'" + value + "'";
            default -> "\"" + value + "\"";
        };
        List<String> lines = new ArrayList<>();
        lines.add(variable + "=" + quoted);
        lines.add("UNRELATED_SETTING=1");
        if (style.shuffle()) {
            Collections.shuffle(lines, random);
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (style.comments()) {
                out.append("# a comment line\n");
            }
            if (style.blankLines()) {
                out.append('\n');
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
