package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.KeyPath;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code crio-dropin-not-toml}: a file in CRI-O's drop-in directory that is not TOML, or whose name
 * says it is not meant as configuration (a backup, an editor's swap file, a README), which CRI-O reads
 * anyway.
 *
 * <p>CRI-O's {@code UpdateFromPath} walks {@code crio.conf.d} with {@code filepath.Walk}: recursively,
 * in lexical order per directory, and every non-directory file is decoded as TOML whatever its name;
 * a file that does not decode stops CRI-O ({@code unable to decode configuration <path>: toml: ...})
 * (research sheet {@code crio-dockerd.md} §4.1, trap 3; reproduced with CRI-O 1.26.4, where
 * {@code 10.conf.bak} was applied and a plain-text {@code README} aborted start-up). A backup that does
 * parse silently overrides the files before it: the message names the values that are in effect
 * because of it. When later files override all of them, the finding is lowered to a warning: the node
 * works today, but the next edit of the backup or a rename changes it.
 */
public final class CrioDropinNotTomlRule implements Rule {

    /** Name endings of files that are not meant to be read as configuration. */
    static final List<String> NOT_CONFIG_SUFFIXES = List.of(".bak", ".backup", ".old", ".orig", ".save", ".swp", ".swo",
            ".tmp", ".rpmsave", ".rpmnew", ".rpmorig", ".dpkg-old", ".dpkg-new", ".dpkg-dist", ".dpkg-bak", ".ucf-old",
            ".ucf-dist", ".disabled", ".example", ".sample", ".md", ".txt", "~");

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("crio-dropin-not-toml", Severity.ERROR)
            .title("CRI-O reads a file in crio.conf.d that is not configuration")
            .rationale("CRI-O reads every file under /etc/crio/crio.conf.d, recursively and in lexical order, "
                    + "whatever its name: there is no .conf filter. A README or any other file that is not TOML "
                    + "makes CRI-O refuse to start ('unable to decode configuration ...'). A backup such as "
                    + "20-kubernetes.conf.bak is read right after 20-kubernetes.conf, so its old values silently win "
                    + "over the file that was edited. Move such files out of the directory.")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.conf.d.5.md")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.8.md")
            .example("etc/crio/crio.conf.d/",
                    "10-crio.conf\n20-kubernetes.conf\n20-kubernetes.conf.bak\n",
                    "10-crio.conf\n20-kubernetes.conf\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<CrioConfig> crio = node.crio();
        Set<String> dropIns = new LinkedHashSet<>();
        for (String f : node.files()) {
            if (isDropIn(f)) {
                dropIns.add(f);
            }
        }
        crio.ifPresent(c -> c.dropIns().forEach(f -> dropIns.add(f.path())));
        for (String path : dropIns) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            boolean notConfig = looksLikeNotConfig(name);
            Optional<Problem> syntax = firstSyntaxProblem(node, path);
            Origin at = Origin.ofFile(path);
            if (syntax.isPresent()) {
                ctx.finding(at, name + " in crio.conf.d is not valid TOML, and CRI-O reads every file in that directory "
                        + "whatever its name, so CRI-O refuses to start (unable to decode configuration " + path + "). "
                        + (notConfig ? "Its name says it is not configuration: move it out of crio.conf.d"
                                : "Fix the file (see the syntax-error finding) or move it out of crio.conf.d"))
                        .related(syntax.get().origin(), syntax.get().message())
                        .report();
            } else if (notConfig) {
                reportNotConfig(ctx, crio, dropIns, path, name, at);
            }
        }
    }

    private static void reportNotConfig(RuleContext ctx, Optional<CrioConfig> crio, Set<String> dropIns, String path,
            String name, Origin at) {
        List<Effective> effective = crio.map(c -> effectiveFrom(c, path)).orElse(List.of());
        StringBuilder msg = new StringBuilder(name).append(" looks like ").append(kind(name))
                .append(", but CRI-O reads every file in crio.conf.d whatever its name, in lexical order");
        Optional<String> original = originalOf(path, dropIns);
        original.ifPresent(o -> msg.append(": it is read right after ").append(o.substring(o.lastIndexOf('/') + 1))
                .append(" and its values win"));
        List<String> values = new ArrayList<>();
        for (Effective e : effective) {
            values.add(e.text());
        }
        if (!values.isEmpty()) {
            msg.append(". Changed because of it: ").append(RuntimeRuleSupport.list(values));
        } else if (crio.isPresent()) {
            msg.append(". None of its values changes the configuration today (earlier files set the same values or later "
                    + "files override them), but CRI-O still parses it");
        }
        msg.append(". Move it out of /etc/crio/crio.conf.d");
        Finding.Builder finding = ctx.finding(at, msg.toString());
        for (Effective e : effective.subList(0, Math.min(effective.size(), RuntimeRuleSupport.LIST_LIMIT))) {
            finding.related(e.origin(), "changed: " + e.text());
        }
        if (effective.isEmpty() && crio.isPresent()) {
            finding.lowerTo(Severity.WARNING);
        }
        finding.report();
    }

    private record Effective(Origin origin, String text) {
    }

    /**
     * Settings of the merged configuration whose value comes from the file and differs from what the
     * files read before it set (a backup that repeats a value changes nothing).
     */
    private static List<Effective> effectiveFrom(CrioConfig crio, String path) {
        List<Effective> out = new ArrayList<>();
        for (ConfigValues.Node n : ConfigValues.walk(crio.merged())) {
            ConfigValue v = n.value();
            if (n.entry().isEmpty() || v instanceof ConfigTable || !v.origin().file().equals(path)
                    || n.path().keys().isEmpty()) {
                continue;
            }
            List<String> keys = n.path().keys().get();
            Optional<ConfigValue> before = valueBefore(crio, path, keys);
            if (before.isPresent() && ConfigValues.sameContent(before.get(), v)) {
                continue;
            }
            // below [crio.<table>] the table is obvious from the key; keep handler names
            String key = KeyPath.of(keys.size() > 2 ? keys.subList(2, keys.size()) : keys).toString();
            out.add(new Effective(v.origin(), key + " = " + RuntimeRuleSupport.written(v)));
        }
        return out;
    }

    /** The value the last file read before {@code path} gives a key, if any. */
    private static Optional<ConfigValue> valueBefore(CrioConfig crio, String path, List<String> keys) {
        Optional<ConfigValue> found = Optional.empty();
        for (CrioFile f : crio.files()) {
            if (f.path().equals(path)) {
                return found;
            }
            Optional<ConfigValue> v = f.tree().find(keys);
            if (v.isPresent()) {
                found = v;
            }
        }
        return found;
    }

    /** The drop-in a backup was made from: the same name without the backup suffix, in the same directory. */
    private static Optional<String> originalOf(String path, Set<String> dropIns) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String s : NOT_CONFIG_SUFFIXES) {
            if (lower.endsWith(s) && path.length() > s.length()) {
                String base = path.substring(0, path.length() - s.length());
                if (dropIns.contains(base)) {
                    return Optional.of(base);
                }
            }
        }
        return Optional.empty();
    }

    private static String kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("readme") || lower.endsWith(".md") || lower.endsWith(".txt")) {
            return "documentation";
        }
        if (lower.endsWith(".example") || lower.endsWith(".sample")) {
            return "an example file";
        }
        if (lower.endsWith(".disabled")) {
            return "a disabled file";
        }
        if (lower.endsWith(".swp") || lower.endsWith(".swo") || lower.endsWith(".tmp")) {
            return "an editor's temporary file";
        }
        if (lower.startsWith(".")) {
            return "a hidden file";
        }
        return "a backup";
    }

    static boolean looksLikeNotConfig(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith(".") || lower.startsWith("readme")) {
            return true;
        }
        for (String s : NOT_CONFIG_SUFFIXES) {
            if (lower.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** A file below a {@code crio.conf.d} directory (CRI-O walks it recursively). */
    static boolean isDropIn(String path) {
        return path.startsWith("crio.conf.d/") || path.contains("/crio.conf.d/");
    }

    private static Optional<Problem> firstSyntaxProblem(NodeConfig node, String path) {
        for (Problem p : node.problems()) {
            if (p.kind() == Problem.Kind.SYNTAX && p.origin().file().equals(path)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
