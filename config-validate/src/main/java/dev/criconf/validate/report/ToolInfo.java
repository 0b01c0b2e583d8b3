package dev.criconf.validate.report;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The tool that produced a report, as JSON's {@code tool} and SARIF's {@code tool.driver} name it.
 *
 * @param name           e.g. {@code criconf}
 * @param version        e.g. {@code 0.1.0}
 * @param informationUri where to read about the tool, for SARIF
 */
public record ToolInfo(String name, String version, Optional<URI> informationUri) {

    /** Checks the components and copies collections; see the class description. */
    public ToolInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(informationUri, "informationUri");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name and a version");
        }
    }

    /** A tool without an information URI. */
    public static ToolInfo of(String name, String version) {
        return new ToolInfo(name, version, Optional.empty());
    }
}
