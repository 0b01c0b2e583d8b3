package dev.criconf.cli;

import dev.criconf.cli.internal.LoaderNodeSource;
import java.util.Optional;

/** The {@link NodeSource} the shipped command line uses: config-io's node loader and editor. */
final class NodeSources {

    private NodeSources() {
    }

    static Optional<NodeSource> installed() {
        return Optional.of(new LoaderNodeSource());
    }
}
