package dev.criconf.cli;

import dev.criconf.validate.report.ToolInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The name and version of this build of the command line, as {@code criconf --version} prints them
 * and as JSON and SARIF reports name the tool ({@code tool.version}). The version comes from
 * {@code criconf-version.properties}, which Maven resource filtering fills with
 * {@code ${project.version}}.
 *
 * @param name    the tool's name, {@code criconf}
 * @param version the build's version, e.g. {@code 0.1.0-SNAPSHOT}
 */
public record ToolVersion(String name, String version) {

    /** The tool's name in output and reports. */
    public static final String NAME = "criconf";

    /** Where to read about the tool; SARIF's {@code tool.driver.informationUri}. */
    public static final URI INFORMATION_URI = URI.create("https://github.com/criconf/criconf");

    private static final String RESOURCE = "criconf-version.properties";

    private static final ToolVersion CURRENT = load();

    /** Checks that neither part is blank. */
    public ToolVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        if (name.isBlank() || version.isBlank()) {
            throw new IllegalArgumentException("a tool needs a name and a version");
        }
    }

    /** The version of the running build. */
    public static ToolVersion current() {
        return CURRENT;
    }

    /** The tool as the report renderers name it (JSON {@code tool}, SARIF {@code tool.driver}). */
    public ToolInfo toolInfo() {
        return new ToolInfo(name, version, Optional.of(INFORMATION_URI));
    }

    /** {@code criconf 0.1.0}: what {@code --version} prints. */
    @Override
    public String toString() {
        return name + " " + version;
    }

    private static ToolVersion load() {
        Properties p = new Properties();
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String v = p.getProperty("version", "").trim();
        // an unfiltered copy (a build that skipped resource filtering) must not print "${project.version}"
        if (v.isEmpty() || v.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build: version=" + v);
        }
        return new ToolVersion(NAME, v);
    }
}
