/**
 * Loading a whole node: {@link dev.criconf.io.node.NodeLoader} finds every configuration file at its
 * well-known path below a directory that stands for a node's {@code /} (or takes loose files), parses
 * each, merges them as the real programs do, and returns a {@link dev.criconf.model.NodeConfig};
 * {@link dev.criconf.io.node.NodeSecrets} lists the credentials a node's files hold so output can
 * redact them.
 */
package dev.criconf.io.node;
