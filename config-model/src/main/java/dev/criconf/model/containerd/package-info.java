/**
 * containerd's {@code config.toml} and the files its {@code imports} pull in: typed views over the
 * merged tree, resolved per config schema version ({@link dev.criconf.model.catalog.ContainerdPlugins.Schema}).
 */
package dev.criconf.model.containerd;
