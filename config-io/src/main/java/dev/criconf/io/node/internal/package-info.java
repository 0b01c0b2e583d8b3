/**
 * Node loading, not API: one reader per component, each finding its files at their well-known
 * paths below a node root, parsing them, merging them the way the real program merges them, and
 * adding the result to a {@link dev.criconf.model.NodeConfig.Builder}.
 */
package dev.criconf.io.node.internal;
