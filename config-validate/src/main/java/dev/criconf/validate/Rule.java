package dev.criconf.validate;

import dev.criconf.model.NodeConfig;
import java.net.URI;
import java.util.List;

/**
 * A check over one node's configuration. A rule is pure and stateless: it reads the
 * {@link NodeConfig}, reports {@link Finding}s through the {@link RuleContext}, and keeps nothing
 * between calls, so one instance serves many nodes on many threads at once.
 *
 * <p>Implement {@link #descriptor()} (the metadata, usually a constant) and {@link #check}; the
 * other methods read the descriptor. Built-in rules are listed in
 * {@code dev.criconf.validate.internal.rules.BuiltInRules}; third-party rules are found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/dev.criconf.validate.Rule}
 * (see {@link RuleSet#discover()}).
 */
public interface Rule {

    /** The rule's metadata. */
    RuleDescriptor descriptor();

    /**
     * Checks one node and reports what is wrong through {@code ctx}. Anything thrown is caught by
     * the {@link Validator} and reported as an {@code internal-error} finding on the node; the
     * findings this call reported before throwing are dropped.
     */
    void check(NodeConfig node, RuleContext ctx);

    /** Stable lower-kebab-case id. */
    default String id() {
        return descriptor().id();
    }

    /** Severity of the rule's findings unless the user overrides it. */
    default Severity defaultSeverity() {
        return descriptor().defaultSeverity();
    }

    /** One-line summary. */
    default String title() {
        return descriptor().title();
    }

    /** One paragraph: what goes wrong and why. */
    default String rationale() {
        return descriptor().rationale();
    }

    /** Upstream documentation or source the rule rests on. */
    default List<URI> references() {
        return descriptor().references();
    }

    /** Before/after text for {@code criconf explain}. */
    default RuleExample example() {
        return descriptor().example();
    }

    /** Whether findings may carry fixes. */
    default boolean fixable() {
        return descriptor().fixable();
    }
}
