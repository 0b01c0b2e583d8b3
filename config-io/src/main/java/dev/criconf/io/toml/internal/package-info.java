/**
 * TOML internals, not API: the lexer ({@code TomlLexer}), the parser and table rules
 * ({@code TomlParser}), the span tree ({@code TomlTree}), scalar decoding, the view builder and the
 * editor that turns edits into splices. Layered after toml_edit: lexer with spans, parser, document.
 */
package dev.criconf.io.toml.internal;
