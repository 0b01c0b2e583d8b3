package dev.criconf.model.value;

/** A value that is not a table or an array. */
public sealed interface ConfigScalar extends ConfigValue
        permits ConfigString, ConfigInteger, ConfigFloat, ConfigBoolean, ConfigDateTime, ConfigNull {

    /**
     * The value's text exactly as written, quotes and escapes included (e.g. {@code "true"},
     * {@code 'C:\x'}, {@code yes}, {@code 0x1F}); for values synthesised from a command-line flag,
     * the flag's value text.
     */
    String raw();
}
