package dev.criconf.examples.modular;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import dev.criconf.validate.report.JsonRenderer;
import dev.criconf.validate.report.ToolInfo;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Lints node roots from a named module and prints what the module system made of it, one fact a
 * line, for ModulePathIT to check.
 *
 * <pre>
 * java --module-path ... --module dev.criconf.examples.modular/dev.criconf.examples.modular.LintNode OUT_DIR ROOT...
 * </pre>
 *
 * Writes each root's JSON report (which reads fix edits reflectively) to {@code OUT_DIR/<root name>.json}.
 */
public final class LintNode {

    private LintNode() {
    }

    /** @param args the output directory, then node roots */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);

        System.out.println("module " + LintNode.class.getModule().getName()
                + ": model=" + NodeConfig.class.getModule().getName()
                + " io=" + NodeLoader.class.getModule().getName()
                + " validate=" + Validator.class.getModule().getName());
        System.out.println("boot layer: " + ModuleLayer.boot().modules().stream()
                .map(Module::getName)
                .filter(n -> !n.startsWith("java.") && !n.startsWith("jdk."))
                .collect(Collectors.toCollection(TreeSet::new)));

        RuleSet rules = RuleSet.discover();
        System.out.println("rules: " + rules.size() + ", third-party modular-file-count "
                + (rules.contains(FileCountRule.DESCRIPTOR.id()) ? "discovered" : "missing"));

        for (int i = 1; i < args.length; i++) {
            Path root = Path.of(args[i]);
            NodeConfig node = NodeLoader.create().load(root);
            Report report = Validator.builder().ruleSet(rules).build().validate(node);
            String name = root.getFileName().toString();
            try (Writer w = Files.newBufferedWriter(out.resolve(name + ".json"), StandardCharsets.UTF_8)) {
                new JsonRenderer(new ToolInfo("modular-example", "1", Optional.empty())).render(List.of(report), w);
            }
            System.out.println("node " + name + ": files=" + node.files().size()
                    + " problems=" + node.problems().size()
                    + " errors=" + report.summary().errors()
                    + " rules-fired=" + report.findings().stream().map(Finding::ruleId)
                            .collect(Collectors.toCollection(TreeSet::new)));
        }

        // public classes with public methods, but in packages the modules do not export
        internal("dev.criconf.model.internal.Strings", "editDistance", String.class, String.class, int.class);
        internal("dev.criconf.io.internal.SourceText", "of", String.class, String.class);
        internal("dev.criconf.validate.internal.rules.BuiltInRules", "all");
    }

    private static void internal(String className, String method, Class<?>... parameters) {
        String invoke;
        String open;
        try {
            Class<?> type = Class.forName(className);
            Method m = type.getMethod(method, parameters);
            try {
                m.invoke(null, new Object[parameters.length]);
                invoke = "ACCESSIBLE";
            } catch (IllegalAccessException e) {
                invoke = "IllegalAccessException";
            } catch (ReflectiveOperationException | RuntimeException e) {
                invoke = "ACCESSIBLE (" + e.getClass().getSimpleName() + ")";
            }
            try {
                m.setAccessible(true);
                open = "OPEN";
            } catch (InaccessibleObjectException e) {
                open = "InaccessibleObjectException";
            }
        } catch (ReflectiveOperationException e) {
            invoke = open = "not found: " + e;
        }
        System.out.println("internal " + className + ": invoke " + invoke + ", setAccessible " + open);
    }
}
