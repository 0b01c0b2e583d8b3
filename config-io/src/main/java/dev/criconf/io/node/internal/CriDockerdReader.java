package dev.criconf.io.node.internal;

import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.io.systemd.EffectiveUnit;
import dev.criconf.io.systemd.EffectiveValue;
import dev.criconf.io.systemd.EnvironmentFileRef;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.systemd.UnitResolver;
import dev.criconf.model.Component;
import dev.criconf.model.catalog.CriDockerdFlagCatalog;
import dev.criconf.model.FileFormat;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Setting;
import dev.criconf.model.docker.CriDockerdConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cri-dockerd: {@code cri-docker.service} and its drop-ins as systemd resolves them (kubespray's
 * {@code cri-dockerd.service} when the package unit is absent), the flags of the effective
 * {@code ExecStart=} (environment expanded, read as pflag reads them), and the first
 * {@code ListenStream=} of the matching socket unit, which {@code --container-runtime-endpoint fd://}
 * serves. Nothing is executed.
 */
public final class CriDockerdReader {

    private static final List<String> SERVICE_NAMES = List.of("cri-docker.service", "cri-dockerd.service");

    private CriDockerdReader() {}

    /** Reads cri-dockerd's configuration, if the node has its service unit. */
    public static void read(LoadContext ctx) {
        UnitResolver resolver = new UnitResolver(ctx.root(), ctx.limits());
        EffectiveUnit service = null;
        for (String name : SERVICE_NAMES) {
            EffectiveUnit u = resolver.resolve(name);
            if (u.exists()) {
                service = u;
                break;
            }
            // a unit file that could not be followed (a link out of the root) is still worth saying
            ctx.addProblems(u.problems());
        }
        if (service == null || service.masked()) {
            return;
        }
        List<String> unitFiles = new ArrayList<>();
        record(ctx, service, unitFiles);
        List<dev.criconf.model.CommandLineFlag> flags = List.of();
        List<dev.criconf.model.StrayArgument> stray = List.of();
        Optional<Origin> execStart = Optional.empty();
        Optional<CommandLine> line = service.execStart();
        if (line.isPresent()) {
            CommandLineFlags converted = CommandLineFlags.of(line.get(), line.get().flags(FlagSpec.criDockerd()),
                    n -> CriDockerdFlagCatalog.find(n).isPresent());
            flags = converted.flags();
            stray = converted.strayArguments();
            ctx.addProblems(converted.problems());
            execStart = Optional.of(line.get().command().assignment().origin());
        }
        String socketName = service.name().substring(0, service.name().length() - ".service".length()) + ".socket";
        EffectiveUnit socket = resolver.resolve(socketName);
        Optional<Setting<String>> listen = Optional.empty();
        if (socket.exists() && !socket.masked()) {
            List<String> socketFiles = new ArrayList<>();
            record(ctx, socket, socketFiles);
            unitFiles.addAll(socketFiles);
            List<EffectiveValue> streams = socket.values("Socket", "ListenStream");
            if (!streams.isEmpty()) {
                EffectiveValue first = streams.get(0);
                listen = Optional.of(Setting.inFile(first.value(), first.assignment().valueOrigin()));
            }
        }
        ctx.builder().criDockerd(new CriDockerdConfig(unitFiles, flags, stray, execStart, listen));
    }

    /** Records a unit's files (unit, drop-ins, environment files) as read, with their problems. */
    static void record(LoadContext ctx, EffectiveUnit unit, List<String> unitFiles) {
        for (UnitFile f : unit.files()) {
            unitFiles.add(f.sourceName());
            ctx.builder().addFile(f.sourceName());
            ctx.addParsedFile(new ParsedFile(f.sourceName(), FileFormat.SYSTEMD_UNIT, Component.CRI_DOCKERD, List.of()));
        }
        for (EnvironmentFileRef ref : unit.environmentFiles()) {
            for (EnvFile e : ref.files()) {
                ctx.builder().addFile(e.sourceName());
                ctx.addParsedFile(new ParsedFile(e.sourceName(), FileFormat.ENVIRONMENT, Component.CRI_DOCKERD, List.of()));
            }
        }
        ctx.addProblems(unit.problems());
    }
}
