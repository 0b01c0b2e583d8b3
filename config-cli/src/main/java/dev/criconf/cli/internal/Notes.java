package dev.criconf.cli.internal;

import java.util.Optional;

/** Notes {@code set} prints on standard error when the result may surprise. */
final class Notes {

    private Notes() {
    }

    /**
     * When a string is replaced by an unquoted boolean or number, say so: a config that held
     * {@code "5"} may need a string, and quoting keeps one.
     */
    static Optional<String> typeChange(String key, boolean wasString, CliValue value) {
        if (!wasString || value.kind() == CliValue.Kind.STRING) {
            return Optional.empty();
        }
        return Optional.of(key + " held a string and now holds " + value.describe()
                + "; to keep a string, quote the value: '\"" + value.text() + "\"'");
    }
}
