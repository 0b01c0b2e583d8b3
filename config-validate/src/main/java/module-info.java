/**
 * Rules over the node model, findings with source locations and fixes, and text/JSON/SARIF
 * reports. Depends on the model only (never on {@code dev.criconf.io}: validation does not parse
 * text); jackson-core writes JSON and SARIF and never appears in a public signature. The
 * {@code ...internal} packages (the built-in rules among them) are not exported.
 *
 * <p>Third-party rules are found by {@link dev.criconf.validate.RuleSet#discover()}: on the module
 * path a rule module declares {@code provides dev.criconf.validate.Rule with ...}; on the class path
 * it lists the class in {@code META-INF/services/dev.criconf.validate.Rule}.
 */
module dev.criconf.validate {
    requires transitive dev.criconf.model;
    requires com.fasterxml.jackson.core;

    exports dev.criconf.validate;
    exports dev.criconf.validate.report;

    uses dev.criconf.validate.Rule;
}
