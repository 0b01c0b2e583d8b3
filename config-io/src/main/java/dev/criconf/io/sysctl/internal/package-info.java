/** Implementation of {@code dev.criconf.io.sysctl}; not API. */
package dev.criconf.io.sysctl.internal;
