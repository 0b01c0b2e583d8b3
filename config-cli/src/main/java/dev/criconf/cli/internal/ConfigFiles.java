package dev.criconf.cli.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens a file for {@code get} and {@code set}: reads it, tells its format, parses it, refuses broken files. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** What was read: the bytes (to check the file is unchanged before writing) and the parsed file. */
    public record Opened(Path path, byte[] bytes, ConfigFile file) {
    }

    /**
     * Reads and parses a file.
     *
     * @param path        the file
     * @param displayName how messages and origins name it (the argument as given)
     * @param forced      the format from {@code --type}, if given
     * @throws CliException (exit 2) when the file cannot be read, its format cannot be told, or
     *                      it has syntax errors (the message gives the first one's location)
     */
    public static Opened open(Path path, String displayName, Optional<FileType> forced) {
        Opened opened = read(path, displayName, forced);
        ConfigFile file = opened.file();
        FileType type = file.type();
        boolean guessed = forced.isEmpty() && FileTypes.byName(path).isEmpty();
        List<Problem> blocking = file.document().problems().stream()
                .filter(p -> type == FileType.TOML || p.kind() != Problem.Kind.DUPLICATE_KEY)
                .toList();
        if (!blocking.isEmpty()) {
            int more = blocking.size() - 1;
            throw CliException.unreadable(blocking.get(0) + " (" + displayName + " is not valid "
                    + type.description() + (more == 0 ? "" : "; " + more + " more " + (more == 1 ? "problem" : "problems"))
                    + (guessed ? "; the format was guessed from the content, --type sets it" : "")
                    + ")");
        }
        return opened;
    }

    /**
     * Reads and parses a file without refusing one with problems ({@link ConfigFile#document()}
     * has them).
     *
     * @throws CliException (exit 2) when the file cannot be read or its format cannot be told
     */
    public static Opened read(Path path, String displayName, Optional<FileType> forced) {
        byte[] bytes = readBytes(path, displayName);
        FileType type = forced.or(() -> FileTypes.byName(path)).or(() -> FileTypes.byContent(bytes))
                .orElseThrow(() -> CliException.usage("cannot tell the format of " + displayName
                        + " from its name or content", "say it with --type toml|yaml|json|env|unit"));
        return new Opened(path, bytes, parse(type, displayName, bytes));
    }

    /** Parses bytes as a format; problems are left in {@link ConfigFile#document()}. */
    public static ConfigFile parse(FileType type, String name, byte[] bytes) {
        switch (type) {
            case TOML:
                return new TomlConfig(TomlDocument.parse(name, bytes));
            case YAML:
                return new YamlConfig(YamlStream.parse(name, bytes, ParseLimits.DEFAULTS));
            case JSON:
                return new JsonConfig(JsonDocument.parse(name, bytes));
            case ENV:
                return new EnvConfig(EnvFile.parse(name, bytes));
            default:
                return new UnitConfig(UnitFile.parse(name, bytes));
        }
    }

    private static byte[] readBytes(Path path, String displayName) {
        if (Files.isDirectory(path)) {
            throw CliException.unreadable(displayName + " is a directory, not a file");
        }
        try {
            long size = Files.size(path);
            long max = ParseLimits.DEFAULTS.maxFileBytes();
            if (size > max) {
                throw CliException.unreadable(displayName + " has " + size + " bytes, more than the limit of " + max);
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw CliException.unreadable(displayName + " does not exist");
        } catch (AccessDeniedException e) {
            throw CliException.unreadable("cannot read " + displayName + ": permission denied");
        } catch (IOException e) {
            throw CliException.unreadable("cannot read " + displayName + ": " + e.getMessage(), e);
        }
    }
}
