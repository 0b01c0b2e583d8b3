/**
 * Lossless TOML documents: {@link dev.criconf.io.toml.TomlDocument} parses TOML 1.0 or 1.1 into the
 * original text plus a span tree, offers a read-only semantic view ({@link dev.criconf.io.toml.TomlTable},
 * {@link dev.criconf.io.toml.TomlValue} and typed getters by {@link dev.criconf.io.toml.TomlPath}) and
 * edits that change only the text they address, each verified by parsing the result again.
 */
package dev.criconf.io.toml;
