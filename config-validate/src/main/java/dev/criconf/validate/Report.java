package dev.criconf.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of validating one node: what was read, what was found, and which rules looked.
 * Immutable; renderers take one report or a fleet of them.
 *
 * @param root     the node root as the user named it, or empty for loose files
 * @param files    the files read, relative to the root, with {@code /} separators
 * @param findings the findings, in {@link Finding#ORDER} (the constructor sorts them)
 * @param rules    descriptors of the rules that ran, ordered by id (SARIF's rule table)
 * @param secrets  values renderers must redact, filled in by the loaders that read credentials
 */
public record Report(
        String root, List<String> files, List<Finding> findings, List<RuleDescriptor> rules, Secrets secrets) {

    /** Checks the components and copies collections; see the class description. */
    public Report {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(secrets, "secrets");
        files = List.copyOf(files);
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(Finding.ORDER);
        findings = List.copyOf(sorted);
        rules = byId(rules);
    }

    // The validator hands over its rules already in id order, one descriptor each: then the list is
    // what the map below would give, and one pass over it says so.
    private static List<RuleDescriptor> byId(List<RuleDescriptor> rules) {
        boolean ascending = true;
        for (int i = 1; i < rules.size() && ascending; i++) {
            ascending = rules.get(i - 1).id().compareTo(rules.get(i).id()) < 0;
        }
        if (ascending) {
            return List.copyOf(rules);
        }
        Map<String, RuleDescriptor> byId = new TreeMap<>();
        for (RuleDescriptor d : rules) {
            RuleDescriptor previous = byId.putIfAbsent(d.id(), d);
            if (previous != null && !previous.equals(d)) {
                throw new IllegalArgumentException("two different descriptors for rule " + d.id());
            }
        }
        return List.copyOf(byId.values());
    }

    /** A copy whose renderers also redact {@code more}. */
    public Report withSecrets(Secrets more) {
        return new Report(root, files, findings, rules, secrets.union(more));
    }

    /** Counts per severity. */
    public Summary summary() {
        return Summary.of(findings);
    }

    /** The most severe finding's severity, or empty when there are no findings. */
    public Optional<Severity> highestSeverity() {
        Severity highest = null;
        for (Finding f : findings) {
            if (highest == null || f.severity().compareTo(highest) > 0) {
                highest = f.severity();
            }
        }
        return Optional.ofNullable(highest);
    }

    /** The descriptor of a rule that ran. */
    public Optional<RuleDescriptor> rule(String id) {
        for (RuleDescriptor d : rules) {
            if (d.id().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The CLI's exit status for this report: 1 when a finding is at or above {@code failOn}, else 0. */
    public int exitCode(FailOn failOn) {
        return failOn.exitCode(List.of(this));
    }

    /** The CLI's exit status for a fleet: 1 when any report has a finding at or above {@code failOn}, else 0. */
    public static int exitCode(Collection<Report> reports, FailOn failOn) {
        return failOn.exitCode(reports);
    }
}
