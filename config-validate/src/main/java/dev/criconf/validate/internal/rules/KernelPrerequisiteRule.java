package dev.criconf.validate.internal.rules;

import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.host.SysctlEntry;
import dev.criconf.model.host.SysctlSettings;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.Validator;
import java.util.List;
import java.util.Optional;

/**
 * {@code kernel-prerequisite}: when the node's {@code sysctl.d} / {@code modules-load.d} files are
 * given, {@code net.ipv4.ip_forward} must end up 1 (kubeadm's preflight error
 * {@code FileContent--proc-sys-net-ipv4-ip_forward}); for Kubernetes before 1.30 also
 * {@code net.bridge.bridge-nf-call-iptables = 1} and the {@code br_netfilter} module it needs
 * (preflight checked it until PR #123464). Follows systemd-sysctl's order: files sorted by name
 * across directories, the last setting wins.
 */
public final class KernelPrerequisiteRule implements Rule {

    static final String IP_FORWARD = "net.ipv4.ip_forward";
    static final String BRIDGE_IPTABLES = "net.bridge.bridge-nf-call-iptables";
    static final String BR_NETFILTER = "br_netfilter";
    // where the Kubernetes docs ("Container Runtimes") put the settings
    static final String CONVENTIONAL_SYSCTL_FILE = "etc/sysctl.d/k8s.conf";

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kernel-prerequisite", Severity.WARNING)
            .title("A kernel setting Kubernetes needs is not made at boot")
            .rationale("Pod traffic is routed by the host, so net.ipv4.ip_forward must be 1: kubeadm's preflight "
                    + "stops with '[ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward "
                    + "contents are not set to 1', and without it Services and pod-to-pod traffic across nodes "
                    + "break. systemd-sysctl applies the sysctl.d files sorted by file name across /etc, /run and "
                    + "/usr/lib, and the last one that sets a key wins, so a hardening file such as "
                    + "99-zz-cis-hardening.conf with ip_forward = 0 silently undoes 99-kubernetes.conf. Before "
                    + "Kubernetes 1.30 kubeadm also required net.bridge.bridge-nf-call-iptables = 1, which only "
                    + "exists once the br_netfilter module is loaded (modules-load.d).")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#prerequisite-ipv4-forwarding-optional")
            .reference("https://www.freedesktop.org/software/systemd/man/latest/sysctl.d.html")
            .reference("https://github.com/kubernetes/kubernetes/pull/123464")
            .example("etc/sysctl.d/99-zz-cis-hardening.conf", "net.ipv4.ip_forward = 0\n", "# net.ipv4.ip_forward: see 99-kubernetes.conf\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        if (node.sysctl().isEmpty() && node.modulesLoad().isEmpty()) {
            return;
        }
        TargetVersion target = KubeletRuleSupport.kubernetes(node, ctx);
        KubernetesVersion v = KubeletRuleSupport.kubelet(target);
        node.sysctl().ifPresent(s -> requireOne(s, IP_FORWARD, "kubeadm's preflight fails (\"/proc/sys/net/ipv4/ip_forward "
                + "contents are not set to 1\") and traffic between pods on different nodes is not forwarded", ctx));
        if (!KnownVersions.kubeadmChecksBridgeNetfilter(v)) {
            return;
        }
        String before130 = " (kubeadm " + target.describe() + " checks it; the check was dropped in 1.30)";
        node.sysctl().ifPresent(s -> requireOne(s, BRIDGE_IPTABLES, "kubeadm's preflight fails (\"/proc/sys/net/bridge/"
                + "bridge-nf-call-iptables contents are not set to 1\")" + before130
                + " and iptables does not see bridged pod traffic", ctx));
        node.modulesLoad().ifPresent(m -> {
            if (!m.contains(BR_NETFILTER)) {
                Origin where = m.modules().stream().flatMap(x -> x.origin().stream()).findFirst()
                        .map(o -> Origin.ofFile(o.file())).orElse(Origin.ofFile(Validator.NODE_FILE));
                ctx.report(where, "no modules-load.d file loads " + BR_NETFILTER + ": " + BRIDGE_IPTABLES
                        + " does not exist until it is loaded, so kubeadm's preflight fails" + before130
                        + "; add a line " + BR_NETFILTER);
            }
        });
    }

    /** The key must end up "1"; points at the line that wins, or says that none sets it. */
    private static void requireOne(SysctlSettings sysctl, String key, String consequence, RuleContext ctx) {
        Optional<Setting<String>> effective = sysctl.get(key);
        if (effective.isPresent() && effective.get().value().strip().equals("1")) {
            return;
        }
        if (effective.isEmpty()) {
            Origin where = sysctl.entries().stream().findFirst().map(e -> Origin.ofFile(e.origin().file()))
                    .orElse(Origin.ofFile(Validator.NODE_FILE));
            ctx.finding(where, "no sysctl.d file sets " + key + " = 1, so it keeps the kernel default 0 unless "
                            + "something else sets it at run time: " + consequence)
                    .fix(Fix.suggestion("add " + key + " = 1 to " + CONVENTIONAL_SYSCTL_FILE,
                            new NodeEdit.SetValue(CONVENTIONAL_SYSCTL_FILE, List.of(key), "1")))
                    .report();
            return;
        }
        Origin at = effective.get().origin().orElseThrow();
        Finding.Builder f = ctx.finding(at, key + " = " + effective.get().value().strip() + " is the setting that "
                + "wins at boot: " + consequence);
        boolean overridesOne = false;
        for (SysctlEntry e : sysctl.entries()) {
            if (e.key().equals(SysctlSettings.normalizeKey(key)) && e.value().strip().equals("1") && !e.origin().equals(at)) {
                overridesOne = true;
                f.related(e.origin(), key + " = 1 here is overridden: systemd-sysctl applies files in lexical "
                        + "order of their names and the last setting wins");
            }
        }
        if (overridesOne) {
            f.fix(Fix.suggestion("remove " + key + " from " + at.file() + " so that the earlier = 1 applies",
                    new NodeEdit.RemoveValue(at.file(), List.of(key))));
        }
        f.fix(Fix.suggestion("set " + key + " = 1 in " + at.file(), new NodeEdit.SetValue(at.file(), List.of(key), "1")));
        f.report();
    }
}
