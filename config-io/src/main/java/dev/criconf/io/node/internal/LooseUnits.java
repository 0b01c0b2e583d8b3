package dev.criconf.io.node.internal;

import dev.criconf.io.env.EnvFile;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.io.systemd.EnvironmentEntry;
import dev.criconf.io.systemd.ExecCommand;
import dev.criconf.io.systemd.Specifiers;
import dev.criconf.io.systemd.UnitAssignment;
import dev.criconf.io.systemd.UnitEnvironment;
import dev.criconf.io.systemd.UnitFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Unit files given loose: systemd's rules for one unit applied to the files in the order given. */
final class LooseUnits {

    private LooseUnits() {}

    /**
     * The effective {@code ExecStart=} of unit files taken in order (an empty assignment resets the
     * list; the last command counts), expanded with their {@code Environment=} and the given
     * environment files.
     */
    static Optional<CommandLine> execStart(List<UnitFile> files, String unitName, List<EnvFile> envFiles) {
        Specifiers specifiers = Specifiers.systemUnit(unitName);
        List<EnvironmentEntry> env = new ArrayList<>();
        List<ExecCommand> commands = new ArrayList<>();
        for (UnitFile unit : files) {
            for (UnitAssignment a : unit.assignments("Service", "Environment")) {
                if (a.isEmpty()) {
                    env.clear();
                } else {
                    env.addAll(EnvironmentEntry.parse(a, specifiers).entries());
                }
            }
            for (UnitAssignment a : unit.assignments("Service", "ExecStart")) {
                if (a.isEmpty()) {
                    commands.clear();
                } else {
                    commands.addAll(ExecCommand.parse(a, specifiers).commands());
                }
            }
        }
        if (commands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CommandLine.expand(commands.get(commands.size() - 1), UnitEnvironment.of(env, envFiles)));
    }
}
