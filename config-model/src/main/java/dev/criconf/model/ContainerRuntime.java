package dev.criconf.model;

/** The CRI runtimes a kubelet can talk to. */
public enum ContainerRuntime {
    /** containerd's CRI plugin. */
    CONTAINERD(Component.CONTAINERD),
    /** CRI-O. */
    CRIO(Component.CRIO),
    /** cri-dockerd in front of Docker Engine. */
    CRI_DOCKERD(Component.CRI_DOCKERD);

    private final Component component;

    ContainerRuntime(Component component) {
        this.component = component;
    }

    /** The component whose configuration describes this runtime. */
    public Component component() {
        return component;
    }

    @Override
    public String toString() {
        return component.displayName();
    }
}
