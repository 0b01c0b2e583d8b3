package dev.criconf.cli;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;

/**
 * A third-party rule, registered for the tests with {@link java.util.ServiceLoader}, that gives
 * {@code criconf fix} findings with fixes to choose from: every node with a kubelet config gets a
 * finding whose fix sets the kubelet's cgroupDriver to systemd, and, when the node also has a
 * containerd config, a second fix that moves the runtime to cgroupfs instead. (The rule does not
 * read values: the model it would need is not there yet; it exists to drive the command.)
 */
public final class TestCgroupRule implements Rule {

    static final String ID = "test-only-cgroup-choice";

    private static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder(ID, Severity.WARNING)
            .title("Test rule offering cgroup driver fixes")
            .rationale("Registered only in the command line's tests, to exercise fix selection.")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/")
            .example(SyntaxOnlyNodeSource.KUBELET_CONFIG, "cgroupDriver: cgroupfs\n", "cgroupDriver: systemd\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        if (!node.files().contains(SyntaxOnlyNodeSource.KUBELET_CONFIG)) {
            return;
        }
        Finding.Builder f = ctx.finding(Origin.ofFile(SyntaxOnlyNodeSource.KUBELET_CONFIG), "the test rule looked here")
                .fix(Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD)));
        if (node.files().contains(SyntaxOnlyNodeSource.CONTAINERD_CONFIG)) {
            f.fix(Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.CGROUPFS)));
        }
        f.report();
    }
}
