package dev.criconf.io.node;

import dev.criconf.model.CriconfException;

/**
 * The path given as a node root is not a directory (missing, a file, unreadable). This is a request
 * that cannot be carried out, unlike bad configuration files, which are problems in the result.
 */
public final class NodeRootException extends CriconfException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message naming the path and what is wrong with it. */
    public NodeRootException(String message) {
        super(message);
    }
}
