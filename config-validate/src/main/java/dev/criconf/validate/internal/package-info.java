/** Implementation of config-validate; not API, may change in any release. */
package dev.criconf.validate.internal;
