/**
 * A format-neutral tree of configuration values that know their {@link dev.criconf.model.Origin}:
 * TOML, YAML and JSON codecs all produce {@link dev.criconf.model.value.ConfigValue}s, typed views
 * read them, and generic rules (unknown key, type mismatch, duplicate key) walk them. Nothing a
 * file says is dropped: keys a typed view does not know stay in the tree, and a table keeps
 * duplicate keys in file order.
 */
package dev.criconf.model.value;
