/** Host prerequisites: kernel parameters from {@code sysctl.d} and modules from {@code modules-load.d}. */
package dev.criconf.model.host;
