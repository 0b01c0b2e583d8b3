package dev.criconf.validate;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.List;
import java.util.function.BiConsumer;

/** Small rules for engine tests: each does one thing the engine must handle. */
final class TestRules {

    private TestRules() {
    }

    static RuleDescriptor descriptor(String id, Severity severity) {
        return RuleDescriptor.builder(id, severity)
                .title("Test rule " + id)
                .rationale("A rule that only exists in tests.")
                .reference("https://example.invalid/rules/" + id)
                .example("etc/test.toml", "bad = 1\n", "good = 1\n")
                .build();
    }

    /** A rule whose check is a lambda. */
    static Rule rule(String id, Severity severity, BiConsumer<NodeConfig, RuleContext> check) {
        RuleDescriptor d = descriptor(id, severity);
        return new Rule() {
            @Override
            public RuleDescriptor descriptor() {
                return d;
            }

            @Override
            public void check(NodeConfig node, RuleContext ctx) {
                check.accept(node, ctx);
            }

            @Override
            public String toString() {
                return "TestRule[" + id + "]";
            }
        };
    }

    /** Reports one finding per file of the node, at line 1 column 1, with the given message. */
    static Rule perFile(String id, Severity severity, String message) {
        return rule(id, severity, (node, ctx) -> {
            for (String f : node.files()) {
                ctx.report(Origin.ofFile(f), message);
            }
        });
    }

    /** Reports one finding, then throws. */
    static Rule throwing(String id, RuntimeException e) {
        return rule(id, Severity.WARNING, (node, ctx) -> {
            ctx.report(Origin.ofFile("partial.toml"), "reported before the throw");
            throw e;
        });
    }

    static Origin at(String file, int line, int column) {
        return new Origin(file, line, column, 0, 1);
    }

    static NodeConfig node(String root, List<String> files, Problem... problems) {
        return new NodeConfig(root, files, List.of(problems));
    }
}
