package dev.criconf.cli.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.io.toml.TomlString;
import dev.criconf.io.toml.TomlValue;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/** A TOML file: containerd's config.toml, CRI-O's crio.conf and drop-ins. */
final class TomlConfig implements ConfigFile {

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final TomlDocument doc;

    TomlConfig(TomlDocument doc) {
        this.doc = doc;
    }

    @Override
    public FileType type() {
        return FileType.TOML;
    }

    @Override
    public SyntaxDocument document() {
        return doc;
    }

    @Override
    public Optional<Found> get(String key, OptionalInt document) {
        return doc.get(KeyPath.toml(key)).map(v -> new Found(v.toJava(), ""));
    }

    @Override
    public Edited set(String key, CliValue value, OptionalInt document) {
        TomlPath path = KeyPath.toml(key);
        if (path.isRoot()) {
            throw CliException.usage("KEY is empty: set needs the path of a value", "");
        }
        Object v = toToml(value);
        Optional<TomlValue> old = doc.get(path);
        try {
            TomlDocument edited = doc.set(path, v);
            return new Edited(edited.text(), Notes.typeChange(key, old.filter(TomlString.class::isInstance).isPresent(),
                    value));
        } catch (EditException e) {
            throw CliException.failed(e.getMessage(), e);
        }
    }

    private static Object toToml(CliValue value) {
        switch (value.kind()) {
            case BOOLEAN:
                return value.booleanValue();
            case INTEGER:
                BigInteger i = value.integerValue();
                if (i.compareTo(MIN) < 0 || i.compareTo(MAX) > 0) {
                    throw CliException.usage(value.text() + " is out of range for a TOML integer (64-bit)",
                            "quote it to write a string: '\"" + value.text() + "\"'");
                }
                return i.longValue();
            case FLOAT:
                double d = Double.parseDouble(value.text());
                if (Double.isInfinite(d)) {
                    throw CliException.usage(value.text() + " is out of range for a TOML float", "");
                }
                return d;
            default:
                return value.text();
        }
    }
}
