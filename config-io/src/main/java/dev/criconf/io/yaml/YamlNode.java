package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.Optional;

/**
 * A node of a parsed YAML document, with its exact place in the source. Nodes are the syntax: a
 * scalar knows its text and quoting style, an alias is still an alias. For the data they stand for
 * see {@link YamlDocument#value(YamlSchema)}.
 */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar, YamlAlias {

    /**
     * Where the node's content is, without its properties: a scalar's text including its quotes or
     * block header, a flow collection from its bracket to the closing one, a block collection from
     * its first key or dash to the end of its last entry.
     */
    Origin origin();

    /** Where the whole node is, including an anchor and a tag written before it. */
    Origin nodeOrigin();

    /** The anchor ({@code &name}) defined on this node, without the {@code &}. */
    Optional<String> anchor();

    /**
     * The explicit tag as the parser resolves it: {@code !!str} becomes
     * {@code tag:yaml.org,2002:str}, a local tag stays {@code !name}, the non-specific tag is {@code !}.
     */
    Optional<String> tag();
}
