package dev.criconf.validate;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.validate.internal.ContainerdCredentials;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a {@link RuleSet} over nodes. Immutable and thread-safe: one validator may check many nodes
 * on many threads at once (rules are stateless; each run gets its own {@link RuleContext}).
 *
 * <pre>{@code
 * Validator v = Validator.builder()
 *         .targetVersions(TargetVersions.of(TargetVersion.option(TargetComponent.KUBERNETES, "1.31", "--kubernetes-version")))
 *         .override(RuleOverride.parse("deprecated-registry=off"))
 *         .build();
 * Report report = v.validate(node);
 * }</pre>
 *
 * <p>A rule that throws does not stop the run: its findings on that node are replaced by one
 * {@value #INTERNAL_ERROR_ID} finding, and every other rule still runs.
 */
public final class Validator {

    /** The id of the findings that report a rule that threw. Reserved: no rule may use it. */
    public static final String INTERNAL_ERROR_ID = "internal-error";

    /** The file name of a node-level location: the node root itself rather than a file in it. */
    public static final String NODE_FILE = ".";

    /** The descriptor of {@value #INTERNAL_ERROR_ID} findings. */
    public static final RuleDescriptor INTERNAL_ERROR = RuleDescriptor.builder(INTERNAL_ERROR_ID, Severity.ERROR)
            .title("A rule failed while checking this node")
            .rationale("A rule threw an exception instead of reporting findings, so this node was not fully "
                    + "checked: whatever that rule would have found is missing from the report. The other rules "
                    + "ran normally. This is a bug in criconf or in a third-party rule; the message names the "
                    + "rule and the exception. Please report it with the configuration that triggers it "
                    + "(credentials removed).")
            .example("etc/containerd/config.toml",
                    "# any input that makes a rule throw, e.g. a value of a shape the rule did not expect\n",
                    "# the same input, after the rule is fixed\n")
            .build();

    private final RuleSet ruleSet;
    private final TargetVersions versions;
    private final Map<String, RuleSetting> overrides;
    private final List<Enabled> enabled;
    private final Map<String, Severity> severities;
    private final List<RuleDescriptor> enabledDescriptors;

    private Validator(Builder b) {
        this.ruleSet = b.ruleSet;
        this.versions = b.versions;
        this.overrides = Collections.unmodifiableMap(new TreeMap<>(b.overrides));
        List<Enabled> on = new ArrayList<>();
        Map<String, Severity> bySeverity = new TreeMap<>();
        List<RuleDescriptor> descriptors = new ArrayList<>();
        for (Rule r : ruleSet.rules()) {
            RuleDescriptor d = r.descriptor();
            RuleSetting setting = overrides.getOrDefault(d.id(), RuleSetting.of(d.defaultSeverity()));
            if (setting.severity().isPresent()) {
                on.add(new Enabled(r, setting.severity().get()));
                bySeverity.put(d.id(), setting.severity().get());
                descriptors.add(d);
            }
        }
        this.enabled = List.copyOf(on);
        this.severities = Collections.unmodifiableMap(bySeverity);
        this.enabledDescriptors = List.copyOf(descriptors);
    }

    /** A builder with the built-in rules, no target versions and no overrides. */
    public static Builder builder() {
        return new Builder();
    }

    /** The built-in rules at their default severities, with no target versions. */
    public static Validator defaults() {
        return builder().build();
    }

    /** All rules, including those turned off. */
    public RuleSet ruleSet() {
        return ruleSet;
    }

    /** The versions given to the builder (explicit options). */
    public TargetVersions targetVersions() {
        return versions;
    }

    /** The user's settings, by rule id. */
    public Map<String, RuleSetting> overrides() {
        return overrides;
    }

    /** Descriptors of the rules that run, ordered by id. */
    public List<RuleDescriptor> enabledRules() {
        return enabledDescriptors;
    }

    /**
     * The severity a rule's findings get, or empty when it is off.
     *
     * @throws IllegalArgumentException when no rule has this id
     */
    public Optional<Severity> effectiveSeverity(String ruleId) {
        if (!ruleSet.contains(ruleId)) {
            throw new IllegalArgumentException("no rule with id '" + ruleId + "'");
        }
        return Optional.ofNullable(severities.get(ruleId));
    }

    /**
     * Validates one node: the builder's target versions, over what the node says about itself
     * ({@link NodeVersions#from}: its profile, then what its files prove).
     */
    public Report validate(NodeConfig node) {
        Objects.requireNonNull(node, "node");
        return validate(node, NodeVersions.from(node));
    }

    /**
     * Validates one node. {@code nodeVersions} are what is known about this node (its profile,
     * what its files prove; see {@link NodeVersions#from}); the builder's versions take precedence
     * where their source does ({@link TargetVersions#merge}). The report carries the node's
     * credentials ({@link Report#secrets()}) so renderers redact them.
     */
    public Report validate(NodeConfig node, TargetVersions nodeVersions) {
        Objects.requireNonNull(node, "node");
        TargetVersions effective = versions.merge(nodeVersions);
        List<Finding> findings = new ArrayList<>();
        boolean internalError = false;
        for (Enabled e : enabled) {
            Rule rule = e.rule();
            RuleContext ctx = new RuleContext(rule.descriptor().id(), e.severity(), effective);
            try {
                rule.check(node, ctx);
                findings.addAll(ctx.close());
            } catch (Exception | StackOverflowError | LinkageError | AssertionError t) {
                // VirtualMachineErrors other than stack overflow (OutOfMemoryError) are not a
                // rule's bug and still end the run
                ctx.close();
                findings.add(internalError(rule, t));
                internalError = true;
            }
        }
        List<RuleDescriptor> ran = enabledDescriptors;
        if (internalError) {
            ran = new ArrayList<>(enabledDescriptors);
            ran.add(INTERNAL_ERROR);
        }
        return new Report(node.root(), node.files(), findings, ran, ContainerdCredentials.from(node));
    }

    private static Finding internalError(Rule rule, Throwable t) {
        StringBuilder msg = new StringBuilder()
                .append("rule ").append(rule.descriptor().id())
                .append(" failed on this node and reported nothing: ")
                .append(t.getClass().getName());
        if (t.getMessage() != null) {
            msg.append(": ").append(t.getMessage().replaceAll("\\s+", " ").trim());
        }
        StackTraceElement[] trace = t.getStackTrace();
        if (trace.length > 0) {
            msg.append(" (at ").append(trace[0]).append(')');
        }
        msg.append("; this is a bug, please report it");
        return new Finding(INTERNAL_ERROR_ID, Severity.ERROR, msg.toString(), Origin.ofFile(NODE_FILE),
                List.of(), List.of());
    }

    private record Enabled(Rule rule, Severity severity) {
    }

    /** Builds a {@link Validator}; not thread-safe. */
    public static final class Builder {
        private RuleSet ruleSet = RuleSet.builtIn();
        private TargetVersions versions = TargetVersions.none();
        private final Map<String, RuleSetting> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** The rules to run; defaults to {@link RuleSet#builtIn()}. */
        public Builder ruleSet(RuleSet ruleSet) {
            this.ruleSet = Objects.requireNonNull(ruleSet);
            return this;
        }

        /** Versions given explicitly (CLI options, API callers); they win over per-node versions. */
        public Builder targetVersions(TargetVersions versions) {
            this.versions = Objects.requireNonNull(versions);
            return this;
        }

        /** Sets one rule off or to a severity; a later setting for the same rule replaces an earlier one. */
        public Builder override(String ruleId, RuleSetting setting) {
            return override(new RuleOverride(ruleId, setting));
        }

        /** Applies one user setting; see {@link #override(String, RuleSetting)}. */
        public Builder override(RuleOverride override) {
            overrides.put(override.ruleId(), override.setting());
            return this;
        }

        /** Applies the settings in order. */
        public Builder overrides(Collection<RuleOverride> all) {
            all.forEach(this::override);
            return this;
        }

        /**
         * @throws IllegalArgumentException when an override names a rule the rule set does not have
         */
        public Validator build() {
            for (String id : overrides.keySet()) {
                if (!ruleSet.contains(id)) {
                    throw new IllegalArgumentException("no rule with id '" + id + "'; known rules: "
                            + String.join(", ", ruleSet.ids()));
                }
            }
            return new Validator(this);
        }
    }
}
