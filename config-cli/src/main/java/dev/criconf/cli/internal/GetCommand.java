package dev.criconf.cli.internal;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code criconf get FILE KEY}. */
@Command(name = "get",
        sortOptions = false,
        headerHeading = "",
        header = "Print one value of a configuration file.",
        descriptionHeading = "%n",
        description = {
            "Reads FILE (TOML, YAML, JSON, an environment file or a systemd unit; the format comes from "
                    + "the name, else the content, or --type) and prints the value at KEY: a string, number or "
                    + "boolean as plain text, a table, mapping, object or list as JSON (two-space indentation, "
                    + "keys in file order).",
            "",
            "KEY is a TOML-style dotted path: segments holding dots are quoted, [n] selects a list item "
                    + "(plugins.\"io.containerd.grpc.v1.cri\".sandbox_image, exec-opts[0]). In an environment "
                    + "file KEY is the variable name (KUBELET_EXTRA_ARGS); in a unit file it is Section.Key "
                    + "(Service.ExecStart), whose value is the last assignment in the file. YAML is read as "
                    + "the kubelet reads it (YAML 1.1); of a duplicated key the last one counts."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the value was printed",
            "1:KEY is not in the file",
            "2:usage error, or FILE could not be read (missing, unknown format, syntax errors)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  criconf get /etc/containerd/config.toml 'plugins.\"io.containerd.grpc.v1.cri\".sandbox_image'",
            "  criconf get /var/lib/kubelet/config.yaml cgroupDriver",
            "  criconf get /var/lib/kubelet/kubeadm-flags.env KUBELET_KUBEADM_ARGS"
        })
public final class GetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file.")
    String file;

    @Parameters(index = "1", paramLabel = "KEY", description = "Where the value is; see above.")
    String key;

    @Option(names = "--type", paramLabel = "TYPE", converter = Converters.FileTypeConverter.class,
            description = "The file's format: toml, yaml, json, env or unit (default: from the name or content).")
    FileType type;

    @Option(names = "--document", paramLabel = "N",
            description = "YAML only: look in document N of a multi-document file (0 is the first); "
                    + "default: the first document that has KEY.")
    Integer document;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FileArgs.checkDocument(document, type, file);
        ConfigFiles.Opened opened = ConfigFiles.open(FileArgs.path(file), file, Optional.ofNullable(type));
        FileArgs.checkDocument(document, opened.file().type(), file);
        OptionalInt doc = document == null ? OptionalInt.empty() : OptionalInt.of(document);
        ConfigFile.Found found = opened.file().get(key, doc).orElseThrow(() -> CliException.failed(
                (key.isEmpty() ? "the document" : key) + " is not in " + file
                        + (document != null ? " (document " + document + ")" : "")));
        out.println(JsonText.show(found.value()));
        out.flush();
        return 0;
    }
}
