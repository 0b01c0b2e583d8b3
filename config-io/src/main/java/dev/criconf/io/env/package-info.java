/**
 * Environment files as systemd's {@code EnvironmentFile=} reads them
 * ({@code /var/lib/kubelet/kubeadm-flags.env}, {@code /etc/default/kubelet}, {@code /etc/sysconfig/kubelet}):
 * {@link dev.criconf.io.env.EnvFile} keeps the text, gives each variable with the origin of its
 * value, splits values as a unit's {@code $NAME} does, and edits values and the flags in them
 * without touching other bytes.
 */
package dev.criconf.io.env;
