package dev.criconf.validate;

import java.util.Collection;

/**
 * How many findings there are of each severity.
 *
 * @param errors   findings of severity error
 * @param warnings findings of severity warning
 * @param infos    findings of severity info
 */
public record Summary(int errors, int warnings, int infos) {

    /** Checks the components and copies collections; see the class description. */
    public Summary {
        if (errors < 0 || warnings < 0 || infos < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Counts the findings. */
    public static Summary of(Collection<Finding> findings) {
        int e = 0;
        int w = 0;
        int i = 0;
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR:
                    e++;
                    break;
                case WARNING:
                    w++;
                    break;
                default:
                    i++;
            }
        }
        return new Summary(e, w, i);
    }

    /** The totals over several reports. */
    public static Summary ofReports(Collection<Report> reports) {
        Summary total = new Summary(0, 0, 0);
        for (Report r : reports) {
            total = total.plus(r.summary());
        }
        return total;
    }

    /** The sum of both counts. */
    public Summary plus(Summary other) {
        return new Summary(errors + other.errors, warnings + other.warnings, infos + other.infos);
    }

    /** The count for one severity. */
    public int count(Severity severity) {
        switch (severity) {
            case ERROR:
                return errors;
            case WARNING:
                return warnings;
            default:
                return infos;
        }
    }

    /** All findings, whatever their severity. */
    public int total() {
        return errors + warnings + infos;
    }
}
