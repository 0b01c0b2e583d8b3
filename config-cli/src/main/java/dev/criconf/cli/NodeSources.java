package dev.criconf.cli;

import java.util.Optional;

/**
 * The {@link NodeSource} the shipped command line uses. None yet: the node loader is not part of
 * the build, so {@code lint}, {@code fix} and {@code effective} are not offered (they must not
 * pretend to check anything). Wiring them is one line here: return the loader-backed source.
 */
final class NodeSources {

    private NodeSources() {
    }

    static Optional<NodeSource> installed() {
        return Optional.empty();
    }
}
