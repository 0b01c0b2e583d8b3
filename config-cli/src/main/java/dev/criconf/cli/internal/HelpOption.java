package dev.criconf.cli.internal;

import picocli.CommandLine.Option;

/** {@code -h, --help} for a subcommand. */
public final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
