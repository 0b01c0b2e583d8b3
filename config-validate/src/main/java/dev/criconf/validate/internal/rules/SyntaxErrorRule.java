package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code syntax-error}: a file that does not parse, cannot be read, exceeds a limit, or points
 * outside the node root. One finding per file, at its first problem; the others are counted in
 * the message and listed (up to {@value #MAX_RELATED}) as related locations.
 */
public final class SyntaxErrorRule implements Rule {

    /** How many further problems of a file are listed as related locations. */
    static final int MAX_RELATED = 10;

    static final Set<Problem.Kind> KINDS = EnumSet.of(
            Problem.Kind.SYNTAX, Problem.Kind.UNREADABLE, Problem.Kind.LIMIT_EXCEEDED, Problem.Kind.OUTSIDE_ROOT);

    // first by position; Problem lists from one parser are already in order, this makes it certain
    private static final Comparator<Problem> POSITION = Comparator
            .comparingInt((Problem p) -> p.origin().line())
            .thenComparingInt(p -> p.origin().column())
            .thenComparingInt(p -> p.origin().offset());

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("syntax-error", Severity.ERROR)
            .title("A configuration file does not parse")
            .rationale("containerd, CRI-O, the kubelet and kubeadm refuse to start when one of their "
                    + "configuration files does not parse: containerd and CRI-O exit with a TOML decode "
                    + "error, and the kubelet crash-loops with 'failed to load kubelet config file'. Nothing "
                    + "else in such a file can be checked either. Files criconf could not read, files beyond "
                    + "its size or nesting limits, and paths that lead outside the node root are reported "
                    + "here too. Each file gets one finding at its first error: later errors are counted and "
                    + "listed, but they are often consequences of the first, so fix that one and lint again.")
            .reference("https://toml.io/en/v1.0.0")
            .reference("https://yaml.org/spec/1.2.2/")
            .reference("https://github.com/containerd/containerd/blob/main/docs/man/containerd-config.toml.5.md")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/")
            .example("etc/containerd/config.toml",
                    "version = 2\n"
                            + "[plugins.\"io.containerd.grpc.v1.cri\"\n"
                            + "  sandbox_image = \"registry.k8s.io/pause:3.10\"\n",
                    "version = 2\n"
                            + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
                            + "  sandbox_image = \"registry.k8s.io/pause:3.10\"\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Map<String, List<Problem>> byFile = new LinkedHashMap<>();
        for (Problem p : node.problems()) {
            if (KINDS.contains(p.kind())) {
                byFile.computeIfAbsent(p.origin().file(), f -> new ArrayList<>()).add(p);
            }
        }
        for (List<Problem> problems : byFile.values()) {
            problems.sort(POSITION);
            Problem first = problems.get(0);
            int more = problems.size() - 1;
            Finding.Builder finding = ctx.finding(first.origin(), first.message() + moreNote(more));
            for (Problem p : problems.subList(1, Math.min(problems.size(), MAX_RELATED + 1))) {
                finding.related(p.origin(), p.message());
            }
            finding.report();
        }
    }

    static String moreNote(int more) {
        if (more == 0) {
            return "";
        }
        if (more == 1) {
            return " (1 more error in this file)";
        }
        if (more <= MAX_RELATED) {
            return " (" + more + " more errors in this file)";
        }
        return " (" + more + " more errors in this file; the first " + MAX_RELATED + " are listed)";
    }
}
