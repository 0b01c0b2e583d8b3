/**
 * An application on the module path that lints nodes with criconf. It requires only the two
 * modules it calls: {@code dev.criconf.model} comes with them ({@code requires transitive}), and
 * snakeyaml-engine and jackson-core are resolved as their dependencies without being readable here.
 * It also contributes a rule the way a module does: with {@code provides}, not META-INF/services.
 */
module dev.criconf.examples.modular {
    requires dev.criconf.io;
    requires dev.criconf.validate;

    provides dev.criconf.validate.Rule with dev.criconf.examples.modular.FileCountRule;
}
