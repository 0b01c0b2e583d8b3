package dev.criconf.validate;

import java.util.Objects;

/**
 * A user's setting for one rule, as given on the command line ({@code --rule ID=off}).
 *
 * @param ruleId  the rule's id
 * @param setting off, or the severity its findings get
 */
public record RuleOverride(String ruleId, RuleSetting setting) {

    /** Checks the components and copies collections; see the class description. */
    public RuleOverride {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(setting, "setting");
        if (!RuleDescriptor.isValidId(ruleId)) {
            throw new IllegalArgumentException("'" + ruleId + "' is not a rule id (lower-kebab-case)");
        }
    }

    /**
     * Parses {@code ID=off|error|warning|info}.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static RuleOverride parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException(
                    "expected RULE-ID=off|error|warning|info, got '" + text + "'");
        }
        return new RuleOverride(text.substring(0, eq).trim(), RuleSetting.parse(text.substring(eq + 1)));
    }

    @Override
    public String toString() {
        return ruleId + "=" + setting;
    }
}
