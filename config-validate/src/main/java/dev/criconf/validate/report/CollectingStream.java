package dev.criconf.validate.report;

import dev.criconf.validate.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** A {@link ReportStream} for formats written as a whole: collects the reports and renders them on close. */
final class CollectingStream implements ReportStream {

    private final ReportRenderer renderer;
    private final Writer out;
    private final List<Report> reports = new ArrayList<>();

    CollectingStream(ReportRenderer renderer, Writer out) {
        this.renderer = renderer;
        this.out = out;
    }

    @Override
    public void write(Report report) {
        reports.add(report);
    }

    @Override
    public void close() throws IOException {
        renderer.render(reports, out);
    }
}
