/**
 * The typed node model: immutable configuration values that know where they came from, with no
 * I/O and no dependency beyond {@code java.base}. {@code dev.criconf.model.internal} is
 * implementation and is not exported.
 */
module dev.criconf.model {
    exports dev.criconf.model;
    exports dev.criconf.model.catalog;
    exports dev.criconf.model.containerd;
    exports dev.criconf.model.crio;
    exports dev.criconf.model.docker;
    exports dev.criconf.model.edit;
    exports dev.criconf.model.host;
    exports dev.criconf.model.kubelet;
    exports dev.criconf.model.value;
}
