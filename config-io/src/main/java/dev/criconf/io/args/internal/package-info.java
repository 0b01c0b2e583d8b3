/**
 * Implementation shared by the args, env and systemd packages: text decoded level by level with
 * per-char source spans ({@link dev.criconf.io.args.internal.MappedText}), systemd's word splitter,
 * and the planning of word-level edits as file splices. Not public API.
 */
package dev.criconf.io.args.internal;
