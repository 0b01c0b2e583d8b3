package dev.criconf.cli.internal;

import dev.criconf.validate.FailOn;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose errors name the accepted words. */
public final class Converters {

    private Converters() {
    }

    /** {@code --type toml|yaml|json|env|unit}. */
    public static final class FileTypeConverter implements ITypeConverter<FileType> {
        @Override
        public FileType convert(String value) {
            for (FileType t : FileType.values()) {
                if (t.word().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
            throw new TypeConversionException("unknown type '" + value + "': expected toml, yaml, json, env or unit");
        }
    }

    /** {@code --fail-on error|warning|info|never}. */
    public static final class FailOnConverter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown value '" + value + "': expected error, warning, info or never");
            }
        }
    }

    /** {@code --format text|json|sarif}. */
    public static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }

    /** {@code --prefer kubelet|runtime}. */
    public static final class SideConverter implements ITypeConverter<dev.criconf.model.edit.NodeEdit.Side> {
        @Override
        public dev.criconf.model.edit.NodeEdit.Side convert(String value) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "kubelet":
                    return dev.criconf.model.edit.NodeEdit.Side.KUBELET;
                case "runtime":
                    return dev.criconf.model.edit.NodeEdit.Side.RUNTIME;
                default:
                    throw new TypeConversionException("unknown value '" + value + "': expected kubelet or runtime");
            }
        }
    }
}
