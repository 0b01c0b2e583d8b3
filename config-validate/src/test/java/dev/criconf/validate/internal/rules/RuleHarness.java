package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.RuleSetting;
import dev.criconf.validate.Validator;
import java.util.List;

/** Runs one rule the way the CLI does: through a Validator. */
final class RuleHarness {

    private RuleHarness() {
    }

    static List<Finding> run(Rule rule, NodeConfig node) {
        return Validator.builder().ruleSet(RuleSet.of(rule)).build().validate(node).findings();
    }

    static List<Finding> run(Rule rule, RuleSetting setting, NodeConfig node) {
        return Validator.builder().ruleSet(RuleSet.of(rule)).override(rule.id(), setting).build()
                .validate(node).findings();
    }

    static Origin at(String file, int line, int column) {
        return new Origin(file, line, column, (line - 1) * 40 + column - 1, 1);
    }
}
