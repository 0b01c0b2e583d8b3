/** Implementation of the env package. Not public API. */
package dev.criconf.io.env.internal;
