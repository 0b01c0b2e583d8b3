package dev.criconf.cli.internal;

import dev.criconf.cli.NodeSource;
import dev.criconf.cli.Progress;
import dev.criconf.cli.Terminal;
import dev.criconf.cli.ToolVersion;
import dev.criconf.validate.FailOn;
import dev.criconf.validate.Report;
import dev.criconf.validate.Validator;
import dev.criconf.validate.report.JsonRenderer;
import dev.criconf.validate.report.ReportRenderer;
import dev.criconf.validate.report.ReportStream;
import dev.criconf.validate.report.SarifRenderer;
import dev.criconf.validate.report.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code criconf lint}. */
@Command(name = "lint",
        sortOptions = false,
        header = "Check node configuration and report what is wrong, with file:line:column.",
        descriptionHeading = "%n",
        description = {
            "Each --root DIR is read as a node's filesystem root: the well-known configuration paths "
                    + "under it are discovered (etc/containerd/config.toml, var/lib/kubelet/config.yaml, ...) "
                    + "and checked together, so that settings that must agree across components are "
                    + "compared. Several --root options check a fleet (--root 'nodes/*' lets the shell "
                    + "expand). FILE arguments are typed by name and content and checked on their own.",
            "",
            "A criconf.yaml at a root gives the node's versions (kubernetesVersion, containerdVersion, "
                    + "crioVersion, ...); the version options override it. Syntax errors are findings "
                    + "(syntax-error), not failures."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:nothing at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:usage error, or an input that could not be read (the message says which)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  criconf lint --root /",
            "  criconf lint --root nodes/worker-1 --root nodes/worker-2 --format sarif > criconf.sarif",
            "  criconf lint etc/containerd/config.toml --rule deprecated-registry=off --fail-on warning"
        })
public final class LintCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final NodeSource source;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--root", paramLabel = "DIR", description = "A node's filesystem root. Repeatable.")
    List<String> roots = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Configuration files to check on their own; "
            + "a directory here is a node root, so '--root DIR/*' lints every node under DIR.")
    List<String> files = new ArrayList<>();

    @Mixin
    RuleOptions ruleOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = Converters.FormatConverter.class,
            description = "text, json or sarif (SARIF 2.1.0). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
            converter = Converters.FailOnConverter.class,
            description = "Exit with 1 when a finding is at or above: error, warning, info or never. "
                    + "Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    /** A lint command reading nodes from {@code source}. */
    public LintCommand(Terminal terminal, NodeSource source) {
        this.terminal = terminal;
        this.source = source;
    }

    @Override
    public Integer call() {
        if (roots.isEmpty() && files.isEmpty()) {
            throw CliException.usage("nothing to check: give --root DIR or FILE arguments",
                    "see 'criconf lint --help'");
        }
        Validator validator = ruleOptions.validator();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the shell expands '--root DIR/*' to '--root DIR/a DIR/b ...': directories among the
        // arguments are node roots, the rest are loose files
        List<String> allRoots = new ArrayList<>(roots);
        List<String> looseFiles = new ArrayList<>();
        for (String f : files) {
            (Files.isDirectory(FileArgs.path(f)) ? allRoots : looseFiles).add(f);
        }
        // a root that is no directory ends the run (exit 2) before anything is written
        for (String root : allRoots) {
            Roots.requireDirectory(root);
        }
        int exit = FailOn.EXIT_OK;
        try (Progress progress = Progress.start(terminal, err, allRoots.size() + (looseFiles.isEmpty() ? 0 : 1));
                NodeChecks checks = new NodeChecks(allRoots, root -> {
                    synchronized (progress) {
                        progress.step(root);
                    }
                    return check(validator, Roots.load(source, root));
                })) {
            // each report is written as soon as it and every earlier root's are done, so a fleet's
            // reports are never all held at once and the output is in argument order; a run that
            // fails (exit 2) ends without the document's end (no summary)
            ReportStream stream = renderer().stream(out);
            while (checks.hasNext()) {
                Report r = checks.next();
                exit = Math.max(exit, failOn.exitCode(List.of(r)));
                stream.write(r);
            }
            if (!looseFiles.isEmpty()) {
                progress.step(looseFiles.size() == 1 ? looseFiles.get(0) : looseFiles.size() + " files");
                Report r = check(validator, Roots.loadFiles(source, looseFiles));
                exit = Math.max(exit, failOn.exitCode(List.of(r)));
                stream.write(r);
            }
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return exit;
    }

    private static Report check(Validator validator, NodeSource.LoadedNode node) {
        return validator.validate(node.config(), node.versions()).withSecrets(node.secrets());
    }

    private ReportRenderer renderer() {
        switch (format) {
            case JSON:
                return new JsonRenderer(ToolVersion.current().toolInfo());
            case SARIF:
                return new SarifRenderer(ToolVersion.current().toolInfo());
            default:
                return new TextRenderer(terminal.colour());
        }
    }
}
