/**
 * The built-in rules. Each is a final class with a {@code DESCRIPTOR} constant and a pure
 * {@code check}; {@link dev.criconf.validate.internal.rules.BuiltInRules#all()} lists them. Not
 * API: callers find rules through {@link dev.criconf.validate.RuleSet}.
 */
package dev.criconf.validate.internal.rules;
