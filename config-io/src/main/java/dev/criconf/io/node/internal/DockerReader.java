package dev.criconf.io.node.internal;

import dev.criconf.io.codec.internal.JsonTrees;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.List;
import java.util.Optional;

/**
 * Docker Engine's {@code daemon.json}: {@code /etc/docker/daemon.json}, else the Windows
 * {@code %ProgramData%\docker\config\daemon.json}. An empty file is valid for dockerd (no settings);
 * a value that is not an object is a problem.
 */
public final class DockerReader {

    /** The Linux location. */
    public static final String LINUX = "/etc/docker/daemon.json";
    /** The Windows location, below the node root. */
    public static final String WINDOWS = "/ProgramData/docker/config/daemon.json";

    private DockerReader() {}

    /** Reads {@code daemon.json}, if the node has one. */
    public static void read(LoadContext ctx) {
        String path = ctx.exists(LINUX) ? LINUX : ctx.exists(WINDOWS) ? WINDOWS : null;
        if (path == null) {
            return;
        }
        Optional<byte[]> bytes = ctx.read(path);
        if (bytes.isEmpty()) {
            return;
        }
        String name = LoadContext.rel(path);
        JsonDocument doc = JsonDocument.parse(name, bytes.get(), ctx.limits());
        ctx.addProblems(doc.problems());
        ctx.builder().dockerDaemon(new DockerDaemonConfig(name, tree(ctx, name, doc)));
    }

    /** The document's object, or an empty table (with a problem when the value is not an object). */
    static ConfigTable tree(LoadContext ctx, String name, JsonDocument doc) {
        Optional<ConfigValue> value = JsonTrees.of(doc);
        ConfigTable table;
        if (value.isPresent() && value.get() instanceof ConfigTable t) {
            table = t;
        } else {
            if (value.isPresent()) {
                ctx.addProblem(Problem.syntax(value.get().origin(), "daemon.json must hold a JSON object, not a "
                        + value.get().type().toString().toLowerCase(java.util.Locale.ROOT)));
            }
            table = ConfigTable.empty(Origin.ofFile(name));
        }
        ctx.addParsedFile(new ParsedFile(name, FileFormat.JSON, Component.DOCKER, value.map(List::of).orElse(List.of())));
        return table;
    }
}
