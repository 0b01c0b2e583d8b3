/** Implementation of the systemd package. Not public API. */
package dev.criconf.io.systemd.internal;
