package dev.criconf.cli.internal;

import dev.criconf.io.ExpectedOriginal;
import dev.criconf.io.SafeFileWriter;
import dev.criconf.io.WriteException;
import dev.criconf.io.WriteResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code criconf set FILE KEY VALUE [--dry-run]}. */
@Command(name = "set",
        sortOptions = false,
        header = "Change one value of a configuration file, and nothing else.",
        descriptionHeading = "%n",
        description = {
            "Sets the value at KEY (see 'criconf get --help' for FILE formats and KEY) to VALUE, changing "
                    + "only that value's text: comments, spacing, quoting style and the order of everything "
                    + "else stay as they are. A missing key is added next to its siblings (a missing table "
                    + "or mapping on the way is created; YAML needs --document N when a multi-document "
                    + "file has KEY nowhere). The result is parsed again and compared with the intended "
                    + "content before anything is written; the file is then replaced atomically, keeping "
                    + "its permissions, and only if nobody changed it meanwhile.",
            "",
            "VALUE is typed by its spelling: true and false are booleans, 5 and -12 integers, 1.5 and "
                    + "2e-3 floats, anything else a string. Quote it to force a string: '\"5\"' (read as a "
                    + "JSON string, with escapes) or \"'5'\" (literal). Environment files and units hold "
                    + "text only, so there the spelling is written as is. A VALUE that starts with '-' "
                    + "goes after '--'."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the file holds the new value (or --dry-run printed it)",
            "1:the edit cannot be made (KEY runs through a value of another kind, an index past the end, "
                    + "a result that would read back differently) or the file could not be replaced "
                    + "(changed meanwhile, permissions); the file is unchanged",
            "2:usage error, or FILE could not be read (missing, unknown format, syntax errors)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  criconf set /etc/containerd/config.toml \\",
            "      'plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup' true",
            "  criconf set /var/lib/kubelet/config.yaml cgroupDriver systemd --dry-run",
            "  criconf set /etc/default/kubelet KUBELET_EXTRA_ARGS -- '--node-ip=10.0.0.5'"
        })
public final class SetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration file.")
    String file;

    @Parameters(index = "1", paramLabel = "KEY", description = "Where the value goes.")
    String key;

    @Parameters(index = "2", paramLabel = "VALUE", description = "The new value; see above.")
    String value;

    @Option(names = "--dry-run",
            description = "Print the whole new file to standard output instead of writing it.")
    boolean dryRun;

    @Option(names = "--type", paramLabel = "TYPE", converter = Converters.FileTypeConverter.class,
            description = "The file's format: toml, yaml, json, env or unit (default: from the name or content).")
    FileType type;

    @Option(names = "--document", paramLabel = "N",
            description = "YAML only: edit document N (0 is the first); default: the first document that has KEY.")
    Integer document;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileArgs.checkDocument(document, type, file);
        CliValue v = CliValue.parse(value);
        ConfigFiles.Opened opened = ConfigFiles.open(FileArgs.path(file), file, Optional.ofNullable(type));
        FileArgs.checkDocument(document, opened.file().type(), file);
        ConfigFile.Edited edited = opened.file().set(key, v,
                document == null ? OptionalInt.empty() : OptionalInt.of(document));
        edited.note().ifPresent(n -> err.println("criconf: note: " + n));
        err.flush();
        if (dryRun) {
            out.print(edited.text());
            out.flush();
            return 0;
        }
        byte[] bytes = edited.text().getBytes(StandardCharsets.UTF_8);
        if (Arrays.equals(bytes, opened.bytes())) {
            return 0; // already so: leave the file and its timestamps alone
        }
        try {
            WriteResult r = SafeFileWriter.create().write(opened.path(), bytes, ExpectedOriginal.content(opened.bytes()));
            for (String n : r.notes()) {
                err.println("criconf: note: " + n);
            }
            err.flush();
        } catch (WriteException e) {
            throw CliException.failed(e.getMessage(), e);
        }
        return 0;
    }
}
