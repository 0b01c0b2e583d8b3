package dev.criconf.cli.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.systemd.UnitFile;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A systemd unit file or drop-in. KEY is {@code Section.Key} ({@code Service.ExecStart}). A key
 * may be assigned several times: get prints the value in effect in this file (the last
 * assignment, after empty assignments reset the list), set replaces the last assignment (or adds
 * one at the end of the section, or a new section). Values are text.
 */
final class UnitConfig implements ConfigFile {

    private final UnitFile file;

    UnitConfig(UnitFile file) {
        this.file = file;
    }

    @Override
    public FileType type() {
        return FileType.UNIT;
    }

    @Override
    public SyntaxDocument document() {
        return file;
    }

    @Override
    public Optional<Found> get(String key, OptionalInt document) {
        String[] k = sectionAndKey(key);
        return file.value(k[0], k[1]).map(v -> new Found(v, ""));
    }

    @Override
    public Edited set(String key, CliValue value, OptionalInt document) {
        String[] k = sectionAndKey(key);
        try {
            return new Edited(file.set(k[0], k[1], value.text()).text(), Optional.empty());
        } catch (EditException e) {
            throw CliException.failed(e.getMessage(), e);
        }
    }

    private static String[] sectionAndKey(String key) {
        List<Object> s;
        try {
            s = KeyPath.segments(key);
        } catch (CliException e) {
            s = List.of();
        }
        if (s.size() != 2 || !(s.get(0) instanceof String) || !(s.get(1) instanceof String)) {
            throw CliException.usage("'" + key + "' is not a unit file key",
                    "KEY of a unit file is Section.Key, e.g. Service.ExecStart");
        }
        return new String[] {(String) s.get(0), (String) s.get(1)};
    }
}
