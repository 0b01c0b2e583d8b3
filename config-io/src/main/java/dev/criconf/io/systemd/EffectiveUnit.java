package dev.criconf.io.systemd;

import dev.criconf.io.env.EnvFile;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A unit as systemd loads it on a node: the unit file that wins, then its drop-ins in the order
 * they apply, combined setting by setting. For every key the values are taken in file order and an
 * empty assignment clears what came before ({@code ExecStart=} in a drop-in removes the unit's
 * command); a single-valued setting is the last value. Built by {@link UnitResolver}.
 */
public final class EffectiveUnit {

    private final String name;
    private final Optional<UnitFile> fragment;
    private final boolean masked;
    private final List<UnitFile> dropIns;
    private final List<String> maskedDropIns;
    private final List<String> shadowedDropIns;
    private final List<EnvironmentFileRef> environmentFiles;
    private final List<Problem> resolutionProblems;
    private final Specifiers specifiers;

    EffectiveUnit(String name, Optional<UnitFile> fragment, boolean masked, List<UnitFile> dropIns,
            List<String> maskedDropIns, List<String> shadowedDropIns, List<EnvironmentFileRef> environmentFiles,
            List<Problem> resolutionProblems, Specifiers specifiers) {
        this.name = name;
        this.fragment = fragment;
        this.masked = masked;
        this.dropIns = List.copyOf(dropIns);
        this.maskedDropIns = List.copyOf(maskedDropIns);
        this.shadowedDropIns = List.copyOf(shadowedDropIns);
        this.environmentFiles = List.copyOf(environmentFiles);
        this.resolutionProblems = List.copyOf(resolutionProblems);
        this.specifiers = specifiers;
    }

    /** The unit's name, e.g. {@code kubelet.service}. */
    public String name() {
        return name;
    }

    /** The unit file that won (the first found in the search path); empty when none or masked. */
    public Optional<UnitFile> fragment() {
        return fragment;
    }

    /** Whether the unit is masked (its file is a link to {@code /dev/null}, or empty). */
    public boolean masked() {
        return masked;
    }

    /** Whether a unit file was found. */
    public boolean exists() {
        return fragment.isPresent() || masked;
    }

    /** The drop-ins in the order they apply (lexical order of file name). */
    public List<UnitFile> dropIns() {
        return dropIns;
    }

    /** Drop-ins that are masked (links to {@code /dev/null} or empty), relative to the node root. */
    public List<String> maskedDropIns() {
        return maskedDropIns;
    }

    /**
     * Drop-ins hidden by a file of the same name in a directory that comes earlier in the search
     * path (an {@code /etc} one hides a {@code /usr/lib} one), relative to the node root.
     */
    public List<String> shadowedDropIns() {
        return shadowedDropIns;
    }

    /** The unit file, then the drop-ins, in the order they apply. */
    public List<UnitFile> files() {
        List<UnitFile> out = new ArrayList<>();
        fragment.ifPresent(out::add);
        out.addAll(dropIns);
        return List.copyOf(out);
    }

    /** The specifiers of this unit. */
    public Specifiers specifiers() {
        return specifiers;
    }

    /** The values of {@code key} in {@code section} across all files, resets applied. */
    public List<EffectiveValue> values(String section, String key) {
        List<EffectiveValue> out = new ArrayList<>();
        for (UnitFile f : files()) {
            for (UnitAssignment a : f.assignments(section, key)) {
                if (a.isEmpty()) {
                    out.clear();
                } else {
                    out.add(new EffectiveValue(a.value(), a));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The value of a single-valued setting: the last one. */
    public Optional<EffectiveValue> value(String section, String key) {
        List<EffectiveValue> v = values(section, key);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    /** The {@code Environment=} entries in effect, in order ({@code [Service]}, or the section of a socket/mount). */
    public List<EnvironmentEntry> environmentEntries(String section) {
        List<EnvironmentEntry> out = new ArrayList<>();
        for (UnitFile f : files()) {
            for (UnitAssignment a : f.assignments(section, "Environment")) {
                if (a.isEmpty()) {
                    out.clear();
                } else {
                    out.addAll(EnvironmentEntry.parse(a, specifiers).entries());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The {@code EnvironmentFile=} settings in effect and what they loaded. */
    public List<EnvironmentFileRef> environmentFiles() {
        return environmentFiles;
    }

    /** The environment the {@code [Service]} commands run with. */
    public UnitEnvironment environment() {
        List<EnvFile> files = new ArrayList<>();
        for (EnvironmentFileRef r : environmentFiles) {
            files.addAll(r.files());
        }
        return UnitEnvironment.of(environmentEntries("Service"), files);
    }

    /** The commands of an {@code Exec*=} setting of {@code [Service]} in effect, in order. */
    public List<ExecCommand> execCommands(String key) {
        List<ExecCommand> out = new ArrayList<>();
        for (EffectiveValue v : values("Service", key)) {
            out.addAll(ExecCommand.parse(v.assignment(), specifiers).commands());
        }
        return List.copyOf(out);
    }

    /** The command lines of an {@code Exec*=} setting, expanded with {@link #environment()}. */
    public List<CommandLine> commandLines(String key) {
        UnitEnvironment env = environment();
        return execCommands(key).stream().map(c -> CommandLine.expand(c, env)).toList();
    }

    /** The main command: the last {@code ExecStart=} command line (a service that is not oneshot has one). */
    public Optional<CommandLine> execStart() {
        List<CommandLine> all = commandLines("ExecStart");
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Problems found while resolving (paths outside the root, unreadable or missing required files,
     * limits), then every file's own problems.
     */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>(resolutionProblems);
        for (UnitFile f : files()) {
            out.addAll(f.problems());
        }
        for (EnvironmentFileRef r : environmentFiles) {
            for (EnvFile e : r.files()) {
                out.addAll(e.problems());
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return name + " " + files().stream().map(UnitFile::sourceName).toList();
    }
}
