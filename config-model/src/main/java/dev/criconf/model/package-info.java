/**
 * The typed node model: immutable values that know where they came from ({@link dev.criconf.model.Origin}),
 * located {@link dev.criconf.model.Problem}s, and nothing that touches a file.
 */
package dev.criconf.model;
