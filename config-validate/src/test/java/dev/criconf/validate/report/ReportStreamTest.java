package dev.criconf.validate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.validate.Finding;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streamed documents ({@link ReportRenderer#stream}) are the documents rendered whole. */
class ReportStreamTest {

    private static List<ReportRenderer> renderers() {
        return List.of(TextRenderer.plain(), new TextRenderer(true), new JsonRenderer(Fixtures.TOOL),
                new SarifRenderer(Fixtures.TOOL));
    }

    private static String streamed(ReportRenderer renderer, List<Report> reports) throws IOException {
        StringWriter out = new StringWriter();
        try (ReportStream s = renderer.stream(out)) {
            for (Report r : reports) {
                s.write(r);
            }
        }
        return out.toString();
    }

    @Test
    void aStreamedDocumentIsTheDocumentRenderedWhole() throws IOException {
        for (ReportRenderer r : renderers()) {
            for (List<Report> reports : List.of(Fixtures.fleet(), List.of(Fixtures.worker1()), List.<Report>of())) {
                assertEquals(r.render(reports), streamed(r, reports), r.getClass().getSimpleName() + " " + reports.size());
            }
        }
    }

    @Test
    void textAndJsonAreWrittenNodeByNode() throws IOException {
        for (ReportRenderer r : List.of(TextRenderer.plain(), new JsonRenderer(Fixtures.TOOL))) {
            StringWriter out = new StringWriter();
            try (ReportStream s = r.stream(out)) {
                s.write(Fixtures.worker1());
                String first = out.toString();
                assertTrue(first.contains("kubelet uses cgroupfs but containerd"), r + ": " + first);
                s.write(Fixtures.worker2());
            }
        }
    }

    @Test
    void eachReportIsRedactedWithTheSecretsGivenSoFar() throws IOException {
        String password = "s3cr3t-Pa55word";
        Finding leaky = new Finding("registry-auth", Severity.WARNING, "password = \"" + password + "\"",
                Fixtures.at("etc/containerd/config.toml", 14, 12), List.of(), List.of());
        Report a = new Report("nodes/a", List.of("etc/containerd/config.toml"), List.of(leaky), List.of(),
                Secrets.of(password));
        Report b = new Report("nodes/b", List.of("etc/containerd/config.toml"), List.of(leaky), List.of(),
                Secrets.none());
        for (ReportRenderer r : renderers()) {
            String out = streamed(r, List.of(a, b));
            assertFalse(out.contains(password), r.getClass().getSimpleName() + ": " + out);
        }
    }
}
