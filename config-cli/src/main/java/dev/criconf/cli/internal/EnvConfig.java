package dev.criconf.cli.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.env.EnvAssignment;
import dev.criconf.io.env.EnvFile;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An environment file (kubeadm-flags.env, /etc/default/kubelet). KEY is the variable's name; its
 * value is what a unit gets: the last assignment's, quotes removed. Values are text.
 */
final class EnvConfig implements ConfigFile {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final EnvFile file;

    EnvConfig(EnvFile file) {
        this.file = file;
    }

    @Override
    public FileType type() {
        return FileType.ENV;
    }

    @Override
    public SyntaxDocument document() {
        return file;
    }

    @Override
    public Optional<Found> get(String key, OptionalInt document) {
        return file.get(name(key)).map(EnvAssignment::value).map(v -> new Found(v, ""));
    }

    @Override
    public Edited set(String key, CliValue value, OptionalInt document) {
        try {
            return new Edited(file.set(name(key), value.text()).text(), Optional.empty());
        } catch (EditException e) {
            throw CliException.failed(e.getMessage(), e);
        }
    }

    private static String name(String key) {
        if (!NAME.matcher(key).matches()) {
            throw CliException.usage("'" + key + "' is not a variable name",
                    "KEY of an environment file is the variable's name, e.g. KUBELET_EXTRA_ARGS");
        }
        return key;
    }
}
