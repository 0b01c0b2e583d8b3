package dev.criconf.validate.report;

import static dev.criconf.validate.report.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Redactor;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plants credentials in every text a finding carries and greps all three formats for them. */
class RedactionTest {

    private static final String PASSWORD = "s3cr3t-Pa55word";
    private static final String AUTH = "YWRtaW46czNjcjN0LVBhNTV3b3Jk";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.identity";
    private static final String URL_PASSWORD = "hunter2hunter2";

    private static List<Report> fleet() {
        Finding leaky = new Finding("registry-auth", Severity.WARNING,
                "registry.configs.\"docker.io\".auth password = \"" + PASSWORD + "\", auth = " + AUTH
                        + ", mirror https://admin:" + URL_PASSWORD + "@mirror.example.com/v2",
                at("etc/containerd/config.toml", 14, 12),
                List.of(new RelatedLocation(at("etc/docker/daemon.json", 3, 5), "identitytoken " + TOKEN)),
                List.of(new Fix("replace " + PASSWORD + " with a credential helper",
                        List.of(new NodeEdit.SetValue("etc/containerd/config.toml",
                                List.of("plugins", "io.containerd.grpc.v1.cri", "registry", PASSWORD), AUTH)),
                        false)));
        Report withSecrets = new Report("nodes/a", List.of("etc/containerd/config.toml"), List.of(leaky),
                List.of(), Secrets.of(PASSWORD, AUTH));
        // node b's loader knew the token; node a's message quotes it: the fleet's secrets apply to all
        Report otherNode = new Report("nodes/b", List.of(), List.of(), List.of(), Secrets.of(TOKEN));
        return List.of(withSecrets, otherNode);
    }

    private static List<ReportRenderer> renderers() {
        return List.of(TextRenderer.plain(), new TextRenderer(true), new JsonRenderer(Fixtures.TOOL),
                new SarifRenderer(Fixtures.TOOL));
    }

    @Test
    void noFormatPrintsACredential() {
        for (ReportRenderer r : renderers()) {
            String out = r.render(fleet());
            for (String secret : List.of(PASSWORD, AUTH, TOKEN, URL_PASSWORD, "admin:")) {
                assertFalse(out.contains(secret), r.getClass().getSimpleName() + " leaks " + secret + ":\n" + out);
            }
            assertTrue(out.contains(Redactor.PLACEHOLDER), r.getClass().getSimpleName());
        }
    }

    @Test
    void theRestOfTheMessageSurvives() {
        String text = TextRenderer.plain().render(fleet());
        assertTrue(text.contains("nodes/a/etc/containerd/config.toml:14:12: warning: registry.configs.\"docker.io\".auth"
                + " password = \"<redacted>\", auth = <redacted>, mirror https://<redacted>@mirror.example.com/v2"
                + " [registry-auth]\n"), text);
        assertTrue(text.contains("  nodes/a/etc/docker/daemon.json:3:5: identitytoken <redacted>\n"), text);
        assertTrue(text.contains("  suggestion: replace <redacted> with a credential helper\n"), text);

        Object json = JsonTree.parse(new JsonRenderer(Fixtures.TOOL).render(fleet()));
        Map<String, Object> edit = JsonTree.at(json, "nodes", 0, "findings", 0, "fix", "edits", 0);
        assertEquals(List.of("plugins", "io.containerd.grpc.v1.cri", "registry", "<redacted>"), edit.get("keyPath"));
        assertEquals("<redacted>", edit.get("value"));
    }

    @Test
    void redactedSarifStillValidates() {
        String sarif = new SarifRenderer(new ToolInfo("criconf", "0.1.0", Optional.empty())).render(fleet());
        assertEquals(List.of(), SarifSchema.violations(sarif));
    }
}
