package dev.criconf.validate;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.kubelet.KubeadmConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a node says about its own versions: the node profile ({@code criconf.yaml}, source
 * {@link VersionSource#PROFILE}) and what its files prove ({@link VersionSource#FILES}): kubeadm's
 * {@code ClusterConfiguration.kubernetesVersion}, and containerd's config schema ({@code version = 3}
 * needs containerd 2.0 or later, {@code version = 4} 2.3 or later). A profile value wins over the
 * files; explicit options given to the {@link Validator} win over both.
 *
 * <pre>{@code
 * TargetVersions v = NodeVersions.from(node);   // e.g. Kubernetes 1.35.0 (from criconf.yaml)
 * }</pre>
 *
 * <p>A version proved by containerd's schema is the oldest release that reads the file, not the
 * release installed: rules use it for "at least" questions (does containerd report its cgroup
 * driver) and not for per-release defaults.
 */
public final class NodeVersions {

    private NodeVersions() {
    }

    /** The versions the node's profile states and its files prove, each with its source and basis. */
    public static TargetVersions from(NodeConfig node) {
        TargetVersions profile = node.profile().map(NodeVersions::fromProfile).orElse(TargetVersions.none());
        return profile.merge(fromFiles(node));
    }

    /** The versions in a node profile; basis is the profile's file name. */
    static TargetVersions fromProfile(NodeProfile p) {
        List<TargetVersion> out = new ArrayList<>();
        p.kubernetesVersion().ifPresent(k -> out.add(
                new TargetVersion(TargetComponent.KUBERNETES, toComponentVersion(k.value()), VersionSource.PROFILE, p.file())));
        addProfile(out, TargetComponent.CONTAINERD, p.containerdVersion(), p.file());
        addProfile(out, TargetComponent.CRIO, p.crioVersion(), p.file());
        addProfile(out, TargetComponent.CRI_DOCKERD, p.criDockerdVersion(), p.file());
        addProfile(out, TargetComponent.DOCKER, p.dockerVersion(), p.file());
        return TargetVersions.of(out.toArray(new TargetVersion[0]));
    }

    private static void addProfile(List<TargetVersion> out, TargetComponent c, Optional<Setting<ComponentVersion>> v, String file) {
        v.ifPresent(s -> out.add(new TargetVersion(c, s.value(), VersionSource.PROFILE, file)));
    }

    /** The versions the configuration files prove; basis names the file, line and column. */
    static TargetVersions fromFiles(NodeConfig node) {
        List<TargetVersion> out = new ArrayList<>();
        node.kubeadm().flatMap(NodeVersions::kubeadmVersion).ifPresent(out::add);
        node.containerd().flatMap(NodeVersions::containerdMinimum).ifPresent(out::add);
        return TargetVersions.of(out.toArray(new TargetVersion[0]));
    }

    private static Optional<TargetVersion> kubeadmVersion(KubeadmConfig kubeadm) {
        return kubeadm.kubernetesVersion().flatMap(s -> KubernetesVersion.parse(s.value()).toOptional()
                .map(v -> new TargetVersion(TargetComponent.KUBERNETES, toComponentVersion(v), VersionSource.FILES,
                        basis(s, kubeadm.file(), "kubernetesVersion: " + s.value()))));
    }

    private static Optional<TargetVersion> containerdMinimum(ContainerdConfig containerd) {
        return containerd.minimumRelease().map(s -> new TargetVersion(TargetComponent.CONTAINERD, s.value(), VersionSource.FILES,
                basis(s, containerd.mainFile().path(), "version = " + containerd.declaredVersion().map(Setting::value).orElse(0L)
                        + " needs containerd " + s.value() + " or later")));
    }

    private static String basis(Setting<?> s, String fallbackFile, String what) {
        String where = s.origin().map(Origin::toString).orElse(fallbackFile);
        return where + " (" + what + ")";
    }

    /** The same release as a {@link ComponentVersion}, the type target versions use. */
    public static ComponentVersion toComponentVersion(KubernetesVersion k) {
        return new ComponentVersion(k.major(), k.minor(), k.patch(), k.preRelease());
    }

    /** The same release as a {@link KubernetesVersion}, the type the model's Kubernetes catalogs take. */
    public static KubernetesVersion toKubernetesVersion(ComponentVersion v) {
        return new KubernetesVersion(v.major(), v.minor(), v.patch(), v.preRelease());
    }
}
