package dev.criconf.validate.report;

import dev.criconf.validate.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes reports in one output format. Implementations are immutable and thread-safe. */
public interface ReportRenderer {

    /**
     * Writes the reports, in the given order (one per node), as one document. Secrets of every
     * report are redacted from the whole output.
     */
    void render(List<Report> reports, Writer out) throws IOException;

    /** The rendered document as a string. */
    default String render(List<Report> reports) {
        StringWriter w = new StringWriter();
        try {
            render(reports, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    /** One node's report as a string. */
    default String render(Report report) {
        return render(List.of(report));
    }
}
