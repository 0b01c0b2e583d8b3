package dev.criconf.validate;

import dev.criconf.model.CriconfException;
import dev.criconf.validate.internal.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable set of rules with unique ids, ordered by id. Rules run in this order, and reports
 * list them in it.
 */
public final class RuleSet {

    private final Map<String, Rule> byId;

    private RuleSet(Map<String, Rule> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The rules that ship with criconf. */
    public static RuleSet builtIn() {
        return of(BuiltInRules.all());
    }

    /**
     * The built-in rules plus every {@link Rule} registered with {@link ServiceLoader} on the
     * thread's context class loader: by modules that declare
     * {@code provides dev.criconf.validate.Rule with ...}, and by jars on the class path that list the
     * class in {@code META-INF/services/dev.criconf.validate.Rule}.
     *
     * @throws IllegalArgumentException when two rules share an id
     * @throws CriconfException when a registered rule cannot be loaded
     */
    public static RuleSet discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /** Like {@link #discover()}, loading third-party rules from {@code loader}. */
    public static RuleSet discover(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        try {
            for (Rule r : ServiceLoader.load(Rule.class, loader)) {
                found.add(r);
            }
        } catch (ServiceConfigurationError e) {
            throw new CriconfException("cannot load a third-party rule: " + e.getMessage(), e);
        }
        return builtIn().plus(found);
    }

    /**
     * The given rules.
     *
     * @throws IllegalArgumentException when two rules share an id, or a rule uses the reserved id
     *                                  {@value Validator#INTERNAL_ERROR_ID}
     */
    public static RuleSet of(Collection<? extends Rule> rules) {
        return new RuleSet(add(new TreeMap<>(), rules));
    }

    /** The given rules; see {@link #of(Collection)}. */
    public static RuleSet of(Rule... rules) {
        return of(List.of(rules));
    }

    /** This set plus {@code more}; ids must stay unique. */
    public RuleSet plus(Collection<? extends Rule> more) {
        return new RuleSet(add(new TreeMap<>(byId), more));
    }

    private static Map<String, Rule> add(TreeMap<String, Rule> into, Collection<? extends Rule> rules) {
        for (Rule r : rules) {
            String id = r.descriptor().id();
            if (id.equals(Validator.INTERNAL_ERROR_ID)) {
                throw new IllegalArgumentException(
                        r.getClass().getName() + " uses the reserved rule id " + id);
            }
            Rule previous = into.putIfAbsent(id, r);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate rule id " + id + ": "
                        + previous.getClass().getName() + " and " + r.getClass().getName());
            }
        }
        return into;
    }

    /** The rules, ordered by id. */
    public List<Rule> rules() {
        return List.copyOf(byId.values());
    }

    /** The rule ids, in order. */
    public Set<String> ids() {
        return byId.keySet();
    }

    /** The rules' descriptors, ordered by id. */
    public List<RuleDescriptor> descriptors() {
        List<RuleDescriptor> out = new ArrayList<>(byId.size());
        for (Rule r : byId.values()) {
            out.add(r.descriptor());
        }
        return List.copyOf(out);
    }

    /** The rule with this id. */
    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether a rule has this id. */
    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The number of rules. */
    public int size() {
        return byId.size();
    }

    @Override
    public String toString() {
        return "RuleSet" + byId.keySet();
    }
}
