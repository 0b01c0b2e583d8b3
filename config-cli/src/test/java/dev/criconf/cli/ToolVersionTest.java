package dev.criconf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.criconf.validate.report.ToolInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ToolVersionTest {

    @Test
    void theVersionIsTheProjectVersion() throws IOException {
        // the parent pom is the one place the version is written
        Path pom = Path.of("..", "pom.xml");
        Matcher m = Pattern.compile("<artifactId>criconf-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(pom));
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "the parent pom names its version");
        assertEquals(m.group(1), ToolVersion.current().version());
        assertFalse(ToolVersion.current().version().contains("${"));
    }

    @Test
    void reportsNameTheTool() {
        ToolInfo info = ToolVersion.current().toolInfo();
        assertEquals("criconf", info.name());
        assertEquals(ToolVersion.current().version(), info.version());
        assertEquals(Optional.of(ToolVersion.INFORMATION_URI), info.informationUri());
        assertEquals("criconf " + info.version(), ToolVersion.current().toString());
    }

    @Test
    void aVersionHasANameAndANumber() {
        assertThrows(IllegalArgumentException.class, () -> new ToolVersion("criconf", " "));
        assertThrows(IllegalArgumentException.class, () -> new ToolVersion("", "1.0"));
    }
}
