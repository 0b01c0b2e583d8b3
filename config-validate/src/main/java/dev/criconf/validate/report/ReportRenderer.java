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

    /**
     * Starts a document that takes the reports one at a time ({@link ReportStream#write}), in the
     * order the document shows them, and ends it on {@link ReportStream#close()}. Formats that can
     * write a node as soon as it is given do (text, JSON): a fleet's reports are then never all held
     * at once. Each report is redacted with the secrets of the reports given so far, itself
     * included. The default collects the reports and renders them on close.
     */
    default ReportStream stream(Writer out) {
        return new CollectingStream(this, out);
    }

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
