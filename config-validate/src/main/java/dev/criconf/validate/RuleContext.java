package dev.criconf.validate;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule gets besides the node: the target versions, its effective severity, and the way to
 * report findings. One context serves one rule on one node; it is not thread-safe and must not be
 * kept after {@link Rule#check} returns.
 *
 * <pre>{@code
 * ctx.finding(kubelet.cgroupDriverOrigin(), "kubelet uses cgroupfs but containerd uses systemd")
 *    .related(runc.systemdCgroupOrigin(), "SystemdCgroup = true")
 *    .fix(Fix.of(new NodeEdit.SetCgroupDriver(Side.KUBELET, CgroupDriver.SYSTEMD)))
 *    .report();
 * }</pre>
 */
public final class RuleContext {

    private final String ruleId;
    private final Severity severity;
    private final TargetVersions versions;
    private final List<Finding> findings = new ArrayList<>();
    private boolean closed;

    RuleContext(String ruleId, Severity severity, TargetVersions versions) {
        this.ruleId = Objects.requireNonNull(ruleId);
        this.severity = Objects.requireNonNull(severity);
        this.versions = Objects.requireNonNull(versions);
    }

    /** The id of the rule being run. */
    public String ruleId() {
        return ruleId;
    }

    /** The severity the rule's findings get: the user's override, else the rule's default. */
    public Severity severity() {
        return severity;
    }

    /** The versions to check against; see {@link TargetVersions#orAssume} for rules that must assume one. */
    public TargetVersions versions() {
        return versions;
    }

    /**
     * Starts a finding of this rule at its effective severity. Add related locations and fixes,
     * then call {@link Finding.Builder#report()}.
     *
     * @param location where to change something
     * @param message  one line, without the location
     */
    public Finding.Builder finding(Origin location, String message) {
        return new Finding.Builder(ruleId, severity, location, message, this::accept);
    }

    /** Reports a finding with no related locations and no fix. */
    public void report(Origin location, String message) {
        finding(location, message).report();
    }

    private void accept(Finding finding) {
        if (closed) {
            throw new IllegalStateException("rule " + ruleId + " reported a finding after its check returned");
        }
        findings.add(finding);
    }

    /** Ends the rule's run and hands over what it reported. */
    List<Finding> close() {
        closed = true;
        return List.copyOf(findings);
    }
}
