/**
 * The kubelet's configuration as it reaches the kubelet: the {@code KubeletConfiguration} file and
 * drop-ins ({@link dev.criconf.model.kubelet.KubeletConfiguration}), the command line assembled from
 * the systemd unit and its environment files ({@link dev.criconf.model.kubelet.KubeletFlags},
 * {@link dev.criconf.model.kubelet.KubeadmFlagsEnv}), kubeadm's configuration
 * ({@link dev.criconf.model.kubelet.KubeadmConfig}), and the merged result with the chain of
 * contributions behind each setting ({@link dev.criconf.model.kubelet.EffectiveKubeletConfig}), and
 * where all of it was found on the node: the unit's drop-ins, including the ones systemd ignores,
 * and what had to be assumed ({@link dev.criconf.model.kubelet.KubeletSources}).
 */
package dev.criconf.model.kubelet;
