package dev.criconf.examples.modular;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Validator;

/** A third-party rule from a named module: says how many files the node has. */
public final class FileCountRule implements Rule {

    static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("modular-file-count", Severity.INFO)
            .title("Files read")
            .rationale("Shows that a rule provided by a named module is discovered and run.")
            .reference("https://github.com/criconf/criconf")
            .example("etc/containerd/config.toml", "version = 2\n", "version = 3\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        ctx.report(Origin.ofFile(Validator.NODE_FILE), node.files().size() + " files read");
    }
}
