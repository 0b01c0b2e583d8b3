/**
 * Codecs between the syntax layers and the model: format trees to the model's
 * {@link dev.criconf.model.value.ConfigValue} trees. Not API.
 */
package dev.criconf.io.codec.internal;
