/** Does not compile: it imports criconf's internal packages, which no criconf module exports. */
module dev.criconf.examples.internalaccess {
    requires dev.criconf.io;
    requires dev.criconf.validate;
}
