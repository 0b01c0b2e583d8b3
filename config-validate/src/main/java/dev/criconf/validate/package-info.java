/**
 * Rules over the node model and their findings: {@link dev.criconf.validate.Rule},
 * {@link dev.criconf.validate.RuleSet}, {@link dev.criconf.validate.Validator},
 * {@link dev.criconf.validate.Finding} and {@link dev.criconf.validate.Report}. Renderers for
 * text, JSON and SARIF are in {@code dev.criconf.validate.report}.
 */
package dev.criconf.validate;
