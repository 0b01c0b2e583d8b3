package dev.criconf.validate;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;

/** A rule registered in META-INF/services of the test classpath, to test ServiceLoader discovery. */
public final class ThirdPartyTestRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = TestRules.descriptor("third-party-test", Severity.INFO);

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        ctx.report(Origin.ofFile("criconf.yaml"), "third-party rule ran on " + node.files().size() + " files");
    }
}
