package dev.criconf.validate;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One thing a rule found on a node: which rule, how bad, what, where, which other places matter,
 * and how to fix it. Modelled on error-prone's {@code Description}.
 *
 * @param ruleId   the id of the rule that found it
 * @param severity its severity after user overrides and any lowering by the rule
 * @param message  one line for a person, without the location (renderers add it); names the
 *                 values involved and, when the rule had to assume a version, says so
 * @param location where to change something: the value, or for a missing key the table or
 *                 mapping that should hold it
 * @param related  other places that matter, in the order the rule gave them
 * @param fixes    ways to resolve it, most preferred first; may be empty
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        Origin location,
        List<RelatedLocation> related,
        List<Fix> fixes) {

    /**
     * The order reports use: file, line, column, rule id, message. Sorting with it is stable, so
     * findings that tie keep the order their rules reported them in.
     */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.location().file())
            .thenComparingInt(f -> f.location().line())
            .thenComparingInt(f -> f.location().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    /** Checks the components and copies collections; see the class description. */
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
        related = List.copyOf(related);
        fixes = List.copyOf(fixes);
    }

    /** The most preferred fix, if any. */
    public Optional<Fix> preferredFix() {
        return fixes.isEmpty() ? Optional.empty() : Optional.of(fixes.get(0));
    }

    /** A copy with another severity. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, location, related, fixes);
    }

    /**
     * Starts a finding outside a rule, e.g. in tests or tools that build reports by hand. Rules
     * use {@link RuleContext#finding(Origin, String)} instead, which fills in id and severity.
     */
    public static Builder builder(String ruleId, Severity severity, Origin location, String message) {
        return new Builder(ruleId, severity, location, message, null);
    }

    /** {@code file:line:col: severity: message [rule-id]}. */
    @Override
    public String toString() {
        return location + ": " + severity + ": " + message + " [" + ruleId + "]";
    }

    /**
     * Adds related locations, fixes and a lower severity to a finding. Builders from
     * {@link RuleContext#finding} end with {@link #report()}; others with {@link #build()}. Not
     * thread-safe.
     */
    public static final class Builder {
        private final String ruleId;
        private Severity severity;
        private final Origin location;
        private final String message;
        private final List<RelatedLocation> related = new ArrayList<>();
        private final List<Fix> fixes = new ArrayList<>();
        private final Consumer<Finding> sink;
        private boolean reported;

        Builder(String ruleId, Severity severity, Origin location, String message, Consumer<Finding> sink) {
            this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
            this.severity = Objects.requireNonNull(severity, "severity");
            this.location = Objects.requireNonNull(location, "location");
            this.message = Objects.requireNonNull(message, "message");
            this.sink = sink;
        }

        /** Adds another place that matters, e.g. the other side of a mismatch. */
        public Builder related(Origin location, String message) {
            related.add(new RelatedLocation(location, message));
            return this;
        }

        /** Adds a fix; call in order of preference, most preferred first. */
        public Builder fix(Fix fix) {
            fixes.add(Objects.requireNonNull(fix, "fix"));
            return this;
        }

        /**
         * Lowers the severity to at most {@code ceiling}, for cases the facts make harmless; the
         * message must say why. Never raises it: a rule the user set to {@code info} stays info.
         */
        public Builder lowerTo(Severity ceiling) {
            severity = Severity.min(severity, ceiling);
            return this;
        }

        /** The finding as built so far. */
        public Finding build() {
            return new Finding(ruleId, severity, message, location, related, fixes);
        }

        /**
         * Reports the finding to the rule context that created this builder.
         *
         * @throws IllegalStateException when the builder did not come from a rule context, was
         *                               already reported, or its rule has finished
         */
        public void report() {
            if (sink == null) {
                throw new IllegalStateException("this builder is not bound to a rule context; use build()");
            }
            if (reported) {
                throw new IllegalStateException("finding already reported: " + build());
            }
            reported = true;
            sink.accept(build());
        }
    }
}
