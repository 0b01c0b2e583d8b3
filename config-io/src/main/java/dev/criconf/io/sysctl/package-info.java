/**
 * sysctl.d files ({@link dev.criconf.io.sysctl.SysctlFile}) and the settings a node ends up with
 * after the boot-time tool merges them ({@link dev.criconf.io.sysctl.SysctlSettings}), e.g. whether
 * {@code net.ipv4.ip_forward} is 1 as kubeadm's preflight check requires.
 */
package dev.criconf.io.sysctl;
