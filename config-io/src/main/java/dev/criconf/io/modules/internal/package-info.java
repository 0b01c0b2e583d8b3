/** Implementation of {@code dev.criconf.io.modules}; not API. */
package dev.criconf.io.modules.internal;
