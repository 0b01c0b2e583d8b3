package dev.criconf.examples.embedding;

import dev.criconf.io.EditException;
import dev.criconf.io.node.EditPlan;
import dev.criconf.io.node.NodeEditor;
import dev.criconf.io.node.NodeLoader;
import dev.criconf.io.node.NodeSecrets;
import dev.criconf.model.CgroupDriver;
import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Validator;
import dev.criconf.validate.report.TextRenderer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What a provisioning tool does with criconf as a library: load a node's configuration, make the
 * kubelet and its container runtime agree on the systemd cgroup driver (each side edited where its
 * effective value comes from, every other byte kept), write the files, then validate the result.
 *
 * <pre>
 * java -cp ... dev.criconf.examples.embedding.FixCgroupDriver /mnt/node-root
 * </pre>
 *
 * Exit status: 0 when the node has no error findings afterwards, 1 when it has, 2 when the edit was
 * refused (the files are then untouched).
 */
public final class FixCgroupDriver {

    private FixCgroupDriver() {
    }

    /** @param args one argument: the directory that stands for the node's {@code /} */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FixCgroupDriver NODE_ROOT");
            System.exit(2);
        }
        int status = run(Path.of(args[0]), new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (status != 0) {
            System.exit(status);
        }
    }

    /** The whole job, without {@link System#exit}: for tests and for tools that call it in-process. */
    public static int run(Path root, Writer out) throws IOException {
        NodeConfig node = NodeLoader.create().load(root);

        // 1. plan: nothing is written yet, and the plan was verified by re-loading the edited node
        EditPlan plan;
        try {
            plan = NodeEditor.of(root, node).setCgroupDriver(CgroupDriver.SYSTEMD);
        } catch (EditException e) {
            out.write("not changed: " + e.getMessage() + "\n");
            out.flush();
            return 2;
        }
        out.write(plan.isEmpty() ? "cgroup driver already systemd on both sides\n" : plan.unifiedDiff());

        // 2. write: each file atomically, and only if nobody changed it since it was read
        plan.write();

        // 3. validate what is now on disk, with secrets (registry passwords, tokens) redacted in the output
        NodeConfig after = NodeLoader.create().load(root);
        Report report = Validator.builder().ruleSet(RuleSet.builtIn()).build().validate(after)
                .withSecrets(Secrets.of(NodeSecrets.of(after)));
        TextRenderer.plain().render(List.of(report), out);
        out.flush();
        return report.findings().stream().anyMatch(f -> f.severity() == dev.criconf.validate.Severity.ERROR) ? 1 : 0;
    }
}
