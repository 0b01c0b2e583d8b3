package dev.criconf.validate;

/** The software whose version a rule may depend on. */
public enum TargetComponent {
    /** Kubernetes itself: the kubelet and kubeadm. */
    KUBERNETES("Kubernetes", "kubernetesVersion"),
    /** containerd and its CRI plugin. */
    CONTAINERD("containerd", "containerdVersion"),
    /** CRI-O. */
    CRIO("CRI-O", "crioVersion"),
    /** cri-dockerd, the CRI shim for Docker Engine. */
    CRI_DOCKERD("cri-dockerd", "criDockerdVersion"),
    /** Docker Engine (dockerd) behind cri-dockerd. */
    DOCKER("Docker", "dockerVersion");

    private final String displayName;
    private final String profileKey;

    TargetComponent(String displayName, String profileKey) {
        this.displayName = displayName;
        this.profileKey = profileKey;
    }

    /** The name as the project spells it, for messages: {@code containerd}, {@code CRI-O}. */
    public String displayName() {
        return displayName;
    }

    /** The key in a node profile ({@code criconf.yaml}) that sets this component's version. */
    public String profileKey() {
        return profileKey;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
