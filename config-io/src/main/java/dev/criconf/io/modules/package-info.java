/**
 * modules-load.d files ({@link dev.criconf.io.modules.ModulesLoadFile}) and the modules a node
 * loads at boot ({@link dev.criconf.io.modules.ModulesLoadSettings}), e.g. {@code overlay} and
 * {@code br_netfilter}.
 */
package dev.criconf.io.modules;
