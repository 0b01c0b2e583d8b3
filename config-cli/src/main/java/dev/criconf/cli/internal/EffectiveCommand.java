package dev.criconf.cli.internal;

import dev.criconf.cli.NodeSource;
import dev.criconf.cli.Progress;
import dev.criconf.cli.Terminal;
import dev.criconf.cli.ToolVersion;
import dev.criconf.model.Origin;
import dev.criconf.validate.Redactor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code criconf effective}. */
@Command(name = "effective",
        sortOptions = false,
        header = "Print the kubelet settings a node ends up with, and where each comes from.",
        descriptionHeading = "%n",
        description = "Merges what the kubelet merges (defaults, the config file, its drop-in directory, the "
                + "command-line flags its unit and environment files give) and prints each setting's value "
                + "with the chain of places that set it, the winning one last.",
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the settings were printed",
            "2:usage error, or an input that could not be read"
        },
        footerHeading = "%nExample:%n",
        footer = "  criconf effective --root / --format json")
public final class EffectiveCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final NodeSource source;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--root", paramLabel = "DIR", required = true,
            description = "A node's filesystem root. Repeatable.")
    List<String> roots = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = TextOrJson.class,
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    /** An effective command reading nodes from {@code source}. */
    public EffectiveCommand(Terminal terminal, NodeSource source) {
        this.terminal = terminal;
        this.source = source;
    }

    /** {@code --format}: SARIF is for findings, not settings. */
    public static final class TextOrJson implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            OutputFormat f = OutputFormat.parse(value);
            if (f == OutputFormat.SARIF) {
                throw new TypeConversionException("unknown format '" + value + "': expected text or json");
            }
            return f;
        }
    }

    private record Node(String root, List<NodeSource.EffectiveSetting> settings, Redactor redactor) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Node> nodes = new ArrayList<>();
        try (Progress progress = Progress.start(terminal, spec.commandLine().getErr(), roots.size())) {
            for (String root : roots) {
                progress.step(root);
                NodeSource.LoadedNode n = Roots.load(source, root);
                nodes.add(new Node(n.config().root(), n.effectiveKubelet(), Redactor.of(n.secrets())));
            }
        }
        out.print(format == OutputFormat.JSON ? json(nodes) : text(nodes));
        out.flush();
        return 0;
    }

    private static String text(List<Node> nodes) {
        StringBuilder b = new StringBuilder();
        for (Node n : nodes) {
            if (nodes.size() > 1) {
                b.append(n.root()).append(":\n");
            }
            String pad = nodes.size() > 1 ? "  " : "";
            for (NodeSource.EffectiveSetting s : n.settings()) {
                b.append(pad).append(s.name()).append(": ").append(n.redactor().redact(s.value())).append('\n');
                int i = 1;
                for (NodeSource.Step step : s.chain()) {
                    b.append(pad).append("  ").append(i++).append(". ").append(n.redactor().redact(step.value()))
                            .append("  (").append(step.source());
                    step.origin().ifPresent(o -> b.append(", ").append(where(n.root(), o)));
                    b.append(")\n");
                }
            }
        }
        return b.toString();
    }

    private static String json(List<Node> nodes) {
        ToolVersion tool = ToolVersion.current();
        StringBuilder b = new StringBuilder();
        b.append("{\n  \"tool\": {\"name\": ").append(JsonText.quote(tool.name())).append(", \"version\": ")
                .append(JsonText.quote(tool.version())).append("},\n  \"nodes\": [");
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\n      \"root\": ").append(JsonText.quote(n.root()))
                    .append(",\n      \"settings\": [");
            for (int j = 0; j < n.settings().size(); j++) {
                NodeSource.EffectiveSetting s = n.settings().get(j);
                b.append(j == 0 ? "\n" : ",\n").append("        {\"name\": ").append(JsonText.quote(s.name()))
                        .append(", \"value\": ").append(JsonText.quote(n.redactor().redact(s.value())))
                        .append(", \"chain\": [");
                for (int k = 0; k < s.chain().size(); k++) {
                    NodeSource.Step step = s.chain().get(k);
                    b.append(k == 0 ? "" : ", ").append("{\"value\": ").append(JsonText.quote(n.redactor().redact(step.value())))
                            .append(", \"source\": ").append(JsonText.quote(step.source()));
                    step.origin().ifPresent(o -> b.append(", \"location\": {\"file\": ").append(JsonText.quote(o.file()))
                            .append(", \"line\": ").append(o.line()).append(", \"column\": ").append(o.column())
                            .append('}'));
                    b.append('}');
                }
                b.append("]}");
            }
            b.append(n.settings().isEmpty() ? "]\n    }" : "\n      ]\n    }");
        }
        b.append(nodes.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return b.toString();
    }

    private static String where(String root, Origin o) {
        String file = root.isEmpty() || o.file().startsWith("/") ? o.file() : root + "/" + o.file();
        return file + ":" + o.line() + ":" + o.column();
    }

}
