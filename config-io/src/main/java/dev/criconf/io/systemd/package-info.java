/**
 * systemd unit files and what a node's systemd makes of them: {@link dev.criconf.io.systemd.UnitFile}
 * (lossless document with edits), {@link dev.criconf.io.systemd.UnitResolver} and
 * {@link dev.criconf.io.systemd.EffectiveUnit} (unit file plus drop-ins under a node root, settings
 * combined with resets), {@link dev.criconf.io.systemd.UnitEnvironment} ({@code Environment=} and
 * {@code EnvironmentFile=}), and {@link dev.criconf.io.systemd.CommandLine}: the argv a command
 * really gets, every word knowing where it is written, which is what shows a kubelet flag value
 * split by {@code $KUBELET_EXTRA_ARGS}.
 */
package dev.criconf.io.systemd;
