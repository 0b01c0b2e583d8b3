/**
 * Lossless syntax trees for every node configuration format, codecs to the model, node discovery
 * and safe writes. Public signatures use model types ({@code NodeConfig}, {@code Origin}, ...), so
 * the model is required transitively; snakeyaml-engine is an implementation detail and never
 * appears in a public signature. The {@code ...internal} packages are not exported.
 */
module dev.criconf.io {
    requires transitive dev.criconf.model;
    requires org.snakeyaml.engine;

    exports dev.criconf.io;
    exports dev.criconf.io.args;
    exports dev.criconf.io.env;
    exports dev.criconf.io.json;
    exports dev.criconf.io.modules;
    exports dev.criconf.io.node;
    exports dev.criconf.io.sysctl;
    exports dev.criconf.io.systemd;
    exports dev.criconf.io.toml;
    exports dev.criconf.io.yaml;
}
