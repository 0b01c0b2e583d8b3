/** Implementation of {@code dev.criconf.io.json}; not API. */
package dev.criconf.io.json.internal;
