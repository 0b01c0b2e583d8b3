package dev.criconf.validate.report;

import dev.criconf.validate.Report;
import java.io.IOException;

/**
 * One document written a node at a time ({@link ReportRenderer#stream}), for runs over many nodes:
 * each report is written when it is given, so a fleet's reports need not be held until the end.
 * Reports appear in the order given. Not thread-safe: one writer feeds it.
 */
public interface ReportStream extends AutoCloseable {

    /** Writes one node's report. */
    void write(Report report) throws IOException;

    /** Ends the document (e.g. the summary) and flushes; the writer stays open (it is the caller's). */
    @Override
    void close() throws IOException;
}
