/**
 * Codecs, not API: converters from each format's syntax tree to the model's format-neutral
 * {@link dev.criconf.model.value.ConfigValue} trees, keeping every value's origin and raw text.
 */
package dev.criconf.io.codec.internal;
