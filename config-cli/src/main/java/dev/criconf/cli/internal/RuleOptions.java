package dev.criconf.cli.internal;

import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.RuleOverride;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that configure validation: target versions and per-rule settings. */
public final class RuleOptions {

    @Option(names = "--kubernetes-version", paramLabel = "X.Y",
            description = "Check against this Kubernetes version (default: the node profile, else assumed and said so).")
    String kubernetesVersion;

    @Option(names = "--containerd-version", paramLabel = "X.Y",
            description = "Check against this containerd version.")
    String containerdVersion;

    @Option(names = "--crio-version", paramLabel = "X.Y",
            description = "Check against this CRI-O version.")
    String crioVersion;

    @Option(names = "--rule", paramLabel = "ID=SETTING",
            description = "Turn a rule off or change its severity: ID=off|error|warning|info. Repeatable.")
    List<String> rules = new ArrayList<>();

    /** A validator over the discovered rules with these options. */
    Validator validator() {
        RuleSet ruleSet = RuleSet.discover();
        TargetVersions versions = TargetVersions.none();
        versions = with(versions, TargetComponent.KUBERNETES, kubernetesVersion, "--kubernetes-version");
        versions = with(versions, TargetComponent.CONTAINERD, containerdVersion, "--containerd-version");
        versions = with(versions, TargetComponent.CRIO, crioVersion, "--crio-version");
        Validator.Builder b = Validator.builder().ruleSet(ruleSet).targetVersions(versions);
        for (String r : rules) {
            RuleOverride o;
            try {
                o = RuleOverride.parse(r);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("--rule " + r + ": " + e.getMessage(), "write --rule ID=off|error|warning|info");
            }
            requireRule(ruleSet, o.ruleId(), "--rule");
            b.override(o);
        }
        return b.build();
    }

    /** Fails with a did-you-mean when no rule has the id. */
    static void requireRule(RuleSet ruleSet, String id, String option) {
        if (!ruleSet.contains(id)) {
            String close = Suggestions.didYouMean(id, ruleSet.ids());
            throw CliException.usage(option + " " + id + ": no rule has this id"
                    + (close.isEmpty() ? "" : "; " + close), "'criconf explain RULE-ID' describes a rule");
        }
    }

    private static TargetVersions with(TargetVersions v, TargetComponent c, String text, String option) {
        if (text == null) {
            return v;
        }
        try {
            return v.with(TargetVersion.option(c, text, option));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(option + " " + text + ": " + e.getMessage(), "write a version as X.Y, e.g. 1.31");
        }
    }
}
