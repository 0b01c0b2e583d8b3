package dev.criconf.validate.internal.rules;

import dev.criconf.validate.Rule;
import java.util.List;

/** The fixed list of rules that ship with criconf. Add a new built-in rule here. */
public final class BuiltInRules {

    private BuiltInRules() {
    }

    /** One instance of each built-in rule (rules are stateless, so one serves every node). */
    public static List<Rule> all() {
        return List.of(
                new SyntaxErrorRule(),
                new DuplicateKeyRule(),
                new KubeletUnknownFlagRule(),
                new KubeletDeprecatedFlagRule(),
                new KubeletFlagSplitRule(),
                new KubeletInvalidValueRule(),
                new KubeletEvictionPartialRule(),
                new KubeletYaml11AmbiguityRule(),
                new KubeletDropinShadowedRule(),
                new KubeadmCriSocketRule(),
                new UnknownKeyRule(),
                new TypeMismatchRule(),
                new KernelPrerequisiteRule());
    }
}
