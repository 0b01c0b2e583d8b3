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
                new CgroupDriverMismatchRule(),
                new RuntimeEndpointMismatchRule(),
                new RuntimeEndpointSchemeRule(),
                new RuntimeAmbiguousRule(),
                new SandboxImageMismatchRule(),
                new SandboxImageVersionRule(),
                new DeprecatedRegistryRule(),
                new DockershimRemovedRule(),
                new CriDockerdUnlinksDockerSocketRule(),
                new DockerRegistryNotMigratedRule(),
                new CgroupfsOnSystemdHostRule(),
                new ContainerdCriDisabledRule(),
                new ContainerdVersionMismatchRule(),
                new ContainerdRuntimeDefaultsLostRule(),
                new ContainerdOptionUncheckedRule(),
                new ContainerdImportReplacesRule(),
                new ContainerdMirrorsWithConfigPathRule(),
                new ContainerdDeprecatedRule(),
                new CrioConmonCgroupRule(),
                new CrioDefaultRuntimeMissingRule(),
                new CrioDropinReplacesHandlerRule(),
                new CrioDropinNotTomlRule(),
                new CrioInvalidValueRule(),
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
