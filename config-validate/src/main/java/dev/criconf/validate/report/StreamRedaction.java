package dev.criconf.validate.report;

import dev.criconf.validate.Redactor;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;

/**
 * Redaction for a streamed document: every report is redacted with the secrets of all reports
 * written so far, itself included (a document rendered whole uses those of every report).
 */
final class StreamRedaction {

    private Secrets secrets = Secrets.none();
    private Redactor redactor = Redactor.of(Secrets.none());

    /** The redactor for {@code report}, which is about to be written. */
    Redactor next(Report report) {
        Secrets more = secrets.union(report.secrets());
        if (!more.equals(secrets)) {
            secrets = more;
            redactor = Redactor.of(more);
        }
        return redactor;
    }
}
