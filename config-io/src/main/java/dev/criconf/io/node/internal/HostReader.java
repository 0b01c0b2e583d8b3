package dev.criconf.io.node.internal;

import dev.criconf.io.modules.ModuleEntry;
import dev.criconf.io.modules.ModulesLoadFile;
import dev.criconf.io.modules.ModulesLoadSettings;
import dev.criconf.io.sysctl.SysctlFile;
import dev.criconf.io.sysctl.SysctlSettings;
import dev.criconf.io.sysctl.SysctlTool;
import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Setting;
import dev.criconf.model.host.ModulesLoad;
import dev.criconf.model.host.SysctlEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Host prerequisites: the {@code sysctl.d} files systemd-sysctl applies and the
 * {@code modules-load.d} files systemd-modules-load reads, in their order, through the io loaders;
 * their {@code /etc/...} names become root-relative here.
 */
public final class HostReader {

    private HostReader() {}

    /** Reads sysctl and modules-load settings, each only when the node has such files. */
    public static void read(LoadContext ctx) {
        SysctlSettings sysctl = SysctlSettings.load(ctx.root(), SysctlTool.SYSTEMD_SYSCTL, ctx.limits());
        ctx.addProblems(sysctl.problems());
        if (!sysctl.files().isEmpty()) {
            List<SysctlEntry> entries = new ArrayList<>();
            for (SysctlFile f : sysctl.files()) {
                String name = LoadContext.rel(f.sourceName());
                ctx.builder().addFile(name);
                ctx.addParsedFile(new ParsedFile(name, FileFormat.SYSCTL, Component.HOST, List.of()));
                for (dev.criconf.io.sysctl.SysctlEntry e : f.entries()) {
                    if (e.value().isPresent()) {
                        entries.add(new SysctlEntry(e.key(), e.rawKey(), e.value().get(), LoadContext.rel(e.keyOrigin()),
                                e.ignoreFailure()));
                    }
                }
            }
            ctx.builder().sysctl(new dev.criconf.model.host.SysctlSettings(entries));
        }
        ModulesLoadSettings modules = ModulesLoadSettings.load(ctx.root(), ctx.limits());
        ctx.addProblems(modules.problems());
        if (!modules.files().isEmpty()) {
            List<Setting<String>> names = new ArrayList<>();
            for (ModulesLoadFile f : modules.files()) {
                String name = LoadContext.rel(f.sourceName());
                ctx.builder().addFile(name);
                ctx.addParsedFile(new ParsedFile(name, FileFormat.MODULES_LOAD, Component.HOST, List.of()));
                for (ModuleEntry m : f.modules()) {
                    names.add(Setting.inFile(m.name(), LoadContext.rel(m.origin())));
                }
            }
            ctx.builder().modulesLoad(new ModulesLoad(names));
        }
    }
}
