package dev.criconf.model;

/**
 * The programs whose configuration criconf reads. Used to say whose default a value is
 * ({@link Source.Default}) and which program reads a file ({@link ParsedFile#component()}).
 */
public enum Component {
    /** containerd and its CRI plugin. */
    CONTAINERD("containerd"),
    /** CRI-O. */
    CRIO("CRI-O"),
    /** cri-dockerd, the CRI shim in front of Docker Engine (also shipped with Mirantis Container Runtime). */
    CRI_DOCKERD("cri-dockerd"),
    /** Docker Engine ({@code dockerd}) and its {@code daemon.json}. */
    DOCKER("Docker Engine"),
    /** The kubelet. */
    KUBELET("kubelet"),
    /** kubeadm, which writes kubelet files and expects a pause image. */
    KUBEADM("kubeadm"),
    /** The host: kernel parameters (sysctl) and modules loaded at boot. */
    HOST("host"),
    /** criconf itself (the node profile {@code criconf.yaml}). */
    CRICONF("criconf");

    private final String displayName;

    Component(String displayName) {
        this.displayName = displayName;
    }

    /** The name people use for the program, e.g. {@code CRI-O}. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
