package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.kubelet.KubeletSources;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kubelet-dropin-shadowed}: a {@code kubelet.service.d} drop-in with the same name in two
 * systemd directories, e.g. the legacy {@code /etc/systemd/system/kubelet.service.d/10-kubeadm.conf}
 * (apt.kubernetes.io packages) next to the packaged
 * {@code /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf} (pkgs.k8s.io): systemd reads only
 * the one in the directory that comes first ({@code /etc}, {@code /run}, {@code /usr/local/lib},
 * {@code /usr/lib}). Works from the node's file list, so the loader must list shadowed drop-ins too.
 */
public final class KubeletDropinShadowedRule implements Rule {

    /** systemd's unit search path for the system manager, highest priority first. */
    static final List<String> SEARCH_PATH = List.of("etc/systemd/system/", "run/systemd/system/",
            "usr/local/lib/systemd/system/", "usr/lib/systemd/system/", "lib/systemd/system/");
    private static final String DIR = "kubelet.service.d/";

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-dropin-shadowed", Severity.WARNING)
            .title("A kubelet drop-in hides another one with the same name")
            .rationale("systemd reads a drop-in name only once: a file in /etc/systemd/system/kubelet.service.d/ "
                    + "masks the file of the same name in /run, /usr/local/lib or /usr/lib. Nodes first "
                    + "installed from the retired apt.kubernetes.io packages keep "
                    + "/etc/systemd/system/kubelet.service.d/10-kubeadm.conf after moving to pkgs.k8s.io, which "
                    + "installs /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf: the packaged file, "
                    + "and every fix a package update brings to it, is then silently ignored, and which "
                    + "EnvironmentFile (/etc/default/kubelet or /etc/sysconfig/kubelet) the kubelet reads depends "
                    + "on the stale copy. Delete the legacy copy, or if the override is deliberate, give it "
                    + "another name (e.g. 20-local.conf) so that both apply.")
            .reference("https://www.freedesktop.org/software/systemd/man/latest/systemd.unit.html")
            .reference("https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/kubelet-integration/")
            .example("etc/systemd/system/kubelet.service.d/10-kubeadm.conf",
                    "(a legacy copy of the packaged usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf)\n",
                    "(file removed: the packaged drop-in applies)\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        // drop-in name -> the files of that name, in search-path order
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String dir : SEARCH_PATH) {
            String prefix = dir + DIR;
            for (String file : node.files()) {
                if (file.startsWith(prefix) && file.endsWith(".conf") && file.indexOf('/', prefix.length()) < 0) {
                    byName.computeIfAbsent(file.substring(prefix.length()), k -> new ArrayList<>()).add(file);
                }
            }
        }
        // an empty drop-in or a link to /dev/null masks the name on purpose
        List<String> masked = node.kubeletSources().map(KubeletSources::maskedDropIns).orElse(List.of());
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            List<String> files = distinctLocations(e.getValue());
            if (files.size() < 2 || masked.contains(files.get(0))) {
                continue;
            }
            String winner = files.get(0);
            for (String hidden : files.subList(1, files.size())) {
                ctx.finding(Origin.ofFile(winner), "/" + winner + " hides /" + hidden + ": systemd reads only the "
                                + "drop-in named " + e.getKey() + " in the directory that comes first, so the "
                                + (hidden.contains("/lib/") ? "packaged" : "other") + " file and any update to it are "
                                + "ignored; delete the copy that is not meant, or rename a deliberate override so that "
                                + "both apply")
                        .related(Origin.ofFile(hidden), "/" + hidden + " (ignored)")
                        .report();
            }
        }
    }

    /** {@code lib/} and {@code usr/lib/} are one directory on merged-/usr systems: keep the first of such a pair. */
    private static List<String> distinctLocations(List<String> files) {
        List<String> out = new ArrayList<>();
        for (String f : files) {
            String merged = f.startsWith("lib/") ? "usr/" + f : f;
            if (out.stream().noneMatch(o -> (o.startsWith("lib/") ? "usr/" + o : o).equals(merged))) {
                out.add(f);
            }
        }
        return out;
    }
}
