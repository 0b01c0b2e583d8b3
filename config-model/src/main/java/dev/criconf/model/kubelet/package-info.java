/**
 * The kubelet's configuration as it reaches the kubelet: the {@code KubeletConfiguration} file and
 * drop-ins ({@link dev.criconf.model.kubelet.KubeletConfiguration}), the command line assembled from
 * the systemd unit and its environment files ({@link dev.criconf.model.kubelet.KubeletFlags},
 * {@link dev.criconf.model.kubelet.KubeadmFlagsEnv}), kubeadm's configuration
 * ({@link dev.criconf.model.kubelet.KubeadmConfig}), and the merged result with the chain of
 * contributions behind each setting ({@link dev.criconf.model.kubelet.EffectiveKubeletConfig}).
 */
package dev.criconf.model.kubelet;
