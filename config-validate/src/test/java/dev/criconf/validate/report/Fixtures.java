package dev.criconf.validate.report;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Origin;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Validator;
import dev.criconf.validate.internal.rules.DuplicateKeyRule;
import dev.criconf.validate.internal.rules.SyntaxErrorRule;
import java.util.List;

/** A small fleet of hand-built reports that exercises every part of the renderers. */
final class Fixtures {

    static final ToolInfo TOOL = ToolInfo.of("criconf", "0.1.0");

    static final RuleDescriptor CGROUP = RuleDescriptor.builder("cgroup-driver-mismatch", Severity.ERROR)
            .title("Kubelet and runtime cgroup drivers differ")
            .rationale("The kubelet and the container runtime must manage cgroups the same way.")
            .reference("https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/configure-cgroup-driver/")
            .example("var/lib/kubelet/config.yaml", "cgroupDriver: cgroupfs\n", "cgroupDriver: systemd\n")
            .fixable(true)
            .build();

    static final RuleDescriptor REGISTRY = RuleDescriptor.builder("deprecated-registry", Severity.WARNING)
            .title("An image comes from the frozen k8s.gcr.io registry")
            .rationale("k8s.gcr.io is frozen; images are published on registry.k8s.io.")
            .example("etc/containerd/config.toml", "sandbox_image = \"k8s.gcr.io/pause:3.2\"\n",
                    "sandbox_image = \"registry.k8s.io/pause:3.10\"\n")
            .fixable(true)
            .build();

    private Fixtures() {
    }

    static Origin at(String file, int line, int column) {
        return new Origin(file, line, column, 0, 1);
    }

    static Report worker1() {
        Finding cgroup = new Finding("cgroup-driver-mismatch", Severity.ERROR,
                "kubelet uses cgroupfs but containerd's runc handler uses systemd",
                at("var/lib/kubelet/config.yaml", 7, 15),
                List.of(new RelatedLocation(at("etc/containerd/config.toml", 12, 9), "SystemdCgroup = true")),
                List.of(Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD)),
                        Fix.suggestion("make containerd use cgroupfs",
                                new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.CGROUPFS))));
        Finding syntax = new Finding("syntax-error", Severity.ERROR, "expected ']' to close the table header",
                at("etc/containerd/config.toml", 3, 1), List.of(), List.of());
        Finding registry = new Finding("deprecated-registry", Severity.INFO,
                "k8s.gcr.io is frozen; use registry.k8s.io", at("etc/containerd/config.toml", 5, 19), List.of(),
                List.of(Fix.of(new NodeEdit.SetValue("etc/containerd/config.toml",
                        List.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image"),
                        "registry.k8s.io/pause:3.10"))));
        return new Report("nodes/worker-1", List.of("etc/containerd/config.toml", "var/lib/kubelet/config.yaml"),
                List.of(cgroup, syntax, registry), List.of(CGROUP, SyntaxErrorRule.DESCRIPTOR, REGISTRY),
                Secrets.none());
    }

    static Report worker2() {
        Finding dup = new Finding("duplicate-key", Severity.WARNING, "duplicate key 'log_level'",
                at("etc/crio/crio.conf.d/10 custom#1.conf", 4, 1),
                List.of(new RelatedLocation(at("etc/crio/crio.conf.d/10 custom#1.conf", 2, 1), "first defined here"),
                        new RelatedLocation(at("etc/crio/crio.conf.d/10 custom#1.conf", 2, 1), "first defined here")),
                List.of());
        Finding internal = new Finding(Validator.INTERNAL_ERROR_ID, Severity.ERROR,
                "rule crio-conmon-cgroup failed on this node and reported nothing: java.lang.NullPointerException",
                Origin.ofFile(Validator.NODE_FILE), List.of(), List.of());
        return new Report("nodes/worker 2", List.of("etc/crio/crio.conf", "etc/crio/crio.conf.d/10 custom#1.conf"),
                List.of(dup, internal), List.of(DuplicateKeyRule.DESCRIPTOR, Validator.INTERNAL_ERROR),
                Secrets.none());
    }

    static Report looseFiles() {
        Finding abs = new Finding("syntax-error", Severity.ERROR, "unexpected end of input",
                at("/etc/containerd/config.toml", 1, 1), List.of(), List.of());
        Finding rel = new Finding("unlisted-rule", Severity.WARNING, "a finding whose rule has no descriptor",
                at("configs/daemon.json", 2, 3), List.of(), List.of());
        return new Report("", List.of("/etc/containerd/config.toml", "configs/daemon.json"), List.of(abs, rel),
                List.of(SyntaxErrorRule.DESCRIPTOR), Secrets.none());
    }

    static List<Report> fleet() {
        return List.of(worker1(), worker2(), looseFiles());
    }
}
