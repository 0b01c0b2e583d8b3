package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The unit files and environment files of the shared corpus (kubelet, cri-dockerd, crio, docker
 * folders; see each SOURCES.md). Every file there is classified, so a new file cannot slip by
 * untested: unit files, env files, or another format (TOML, YAML, JSON, the upstart job, notes).
 */
public final class UnitCorpus {

    public static final List<String> FOLDERS = List.of("kubelet", "cri-dockerd", "crio", "docker");

    private UnitCorpus() {}

    public enum Kind { UNIT, ENV, OTHER }

    public static Kind classify(Path p) {
        String n = p.getFileName().toString();
        if (n.endsWith(".service") || n.endsWith(".socket") || n.contains(".service.d_") || n.endsWith("_10-kubeadm.conf")) {
            return Kind.UNIT;
        }
        if (n.endsWith(".env") || n.endsWith("_etc_default_kubelet") || n.endsWith("_etc_sysconfig_kubelet")
                || n.endsWith("_etc_sysconfig_crio")) {
            return Kind.ENV;
        }
        // TOML (crio *.conf, *.toml), YAML, JSON, SOURCES.md, and cri-dockerd's upstart job, which is
        // a shell-like upstart script rather than a unit or environment file
        return Kind.OTHER;
    }

    public static List<Path> files(Kind kind) {
        List<Path> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            for (Path p : SharedData.files(SharedData.corpus().resolve(folder))) {
                if (classify(p) == kind) {
                    out.add(p);
                }
            }
        }
        assertTrue(!out.isEmpty(), "no " + kind + " files in the corpus");
        return out;
    }
}
