/**
 * Command-line argument lists as the kubelet and cri-dockerd read them (spf13/pflag):
 * {@link dev.criconf.io.args.ParsedArgs#parse} gives every flag occurrence with the origin of its
 * name and value, positional words, the errors pflag would stop at, and each flag's combined
 * value ({@link dev.criconf.io.args.EffectiveFlag}); {@link dev.criconf.io.args.FlagSpec} says which
 * flags are boolean and how repeated ones combine; {@link dev.criconf.io.args.FlagEdit} is a change
 * that env files and unit files apply to the words that hold the flags.
 */
package dev.criconf.io.args;
