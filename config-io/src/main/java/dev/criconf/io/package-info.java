/**
 * Reading and writing node configuration files without losing a byte: shared types for every
 * format ({@link dev.criconf.io.SyntaxDocument}, {@link dev.criconf.io.ParseLimits},
 * {@link dev.criconf.io.EditException}); one sub-package per format.
 */
package dev.criconf.io;
