/**
 * Renderers that write {@link dev.criconf.validate.Report}s, for one node or a fleet: plain text
 * for people ({@link dev.criconf.validate.report.TextRenderer}), JSON in the shape the CLI
 * documents ({@link dev.criconf.validate.report.JsonRenderer}) and SARIF 2.1.0 for code-scanning
 * tools ({@link dev.criconf.validate.report.SarifRenderer}). Every renderer redacts secrets
 * ({@link dev.criconf.validate.Redactor}) before anything is written.
 */
package dev.criconf.validate.report;
