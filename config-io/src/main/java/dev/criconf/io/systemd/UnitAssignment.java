package dev.criconf.io.systemd;

import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.internal.SourceText;
import dev.criconf.model.Origin;

/**
 * One {@code Key=value} line of a unit file (a logical line: continuation lines joined), with the
 * value as systemd's unit parser hands it to the setting's parser.
 */
public final class UnitAssignment {

    private final int index;
    private final String section;
    private final int sectionIndex;
    private final String key;
    private final MappedText value;
    private final SourceText source;
    private final int keyStart;
    private final int keyEnd;
    private final int firstLineStart;
    private final int lastLineEnd;
    // An Exec*= or Environment= value is read when its file is parsed (for the file's problems) and
    // again when the unit's commands are expanded, with the unit's specifiers. Without '%' or a
    // backslash in the value no specifier can appear in its words, so the specifiers play no part
    // and the first reading is kept here for the next. The results are immutable (final fields
    // only), so a racy second computation is harmless.
    private ExecCommand.Parsed execReading;
    private EnvironmentEntry.Parsed environmentReading;

    UnitAssignment(int index, String section, int sectionIndex, String key, MappedText value, SourceText source,
            int keyStart, int keyEnd, int firstLineStart, int lastLineEnd) {
        this.index = index;
        this.section = section;
        this.sectionIndex = sectionIndex;
        this.key = key;
        this.value = value;
        this.source = source;
        this.keyStart = keyStart;
        this.keyEnd = keyEnd;
        this.firstLineStart = firstLineStart;
        this.lastLineEnd = lastLineEnd;
    }

    /** Position among the file's assignments, from 0. */
    public int index() {
        return index;
    }

    /** The section's name, e.g. {@code Service}. */
    public String section() {
        return section;
    }

    /** Position of the section among the file's sections (sections may repeat). */
    public int sectionIndex() {
        return sectionIndex;
    }

    /** The key, e.g. {@code ExecStart}. */
    public String key() {
        return key;
    }

    /**
     * The value: blanks around it trimmed; each backslash-newline continuation is a blank and the
     * next line follows as written (comment lines between continuation lines are skipped).
     */
    public String value() {
        return value.text();
    }

    /** Whether the value is empty: for list settings ({@code ExecStart=}, {@code Environment=}) a reset. */
    public boolean isEmpty() {
        return value.length() == 0;
    }

    /** The file it was read from (as named in origins). */
    public String file() {
        return source.name();
    }

    /** From the key to the end of the value. */
    public Origin origin() {
        return source.span(keyStart, Math.max(keyEnd, value.rawEnd()));
    }

    /** Where the key is written. */
    public Origin keyOrigin() {
        return source.span(keyStart, keyEnd);
    }

    /** The value as written (zero-length after {@code =} when empty); may span continuation lines. */
    public Origin valueOrigin() {
        return source.span(value.rawStart(), value.rawEnd());
    }

    /** Where value chars {@code [from, to)} are written. */
    public Origin originOf(int from, int to) {
        if (from < 0 || to > value.length() || from > to) {
            throw new IndexOutOfBoundsException(from + ".." + to + " of " + value.length());
        }
        int[] span = value.fileSpan(from, to);
        return source.span(span[0], span[1]);
    }

    /** Whether reading the value's words cannot meet a specifier: no {@code %}, and no escape that could give one. */
    boolean specifierFree() {
        String v = value.text();
        return v.indexOf('%') < 0 && v.indexOf('\\') < 0;
    }

    ExecCommand.Parsed execReading() {
        return execReading;
    }

    void execReading(ExecCommand.Parsed p) {
        execReading = p;
    }

    EnvironmentEntry.Parsed environmentReading() {
        return environmentReading;
    }

    void environmentReading(EnvironmentEntry.Parsed p) {
        environmentReading = p;
    }

    MappedText mappedValue() {
        return value;
    }

    SourceText source() {
        return source;
    }

    int firstLineStart() {
        return firstLineStart;
    }

    int lastLineEnd() {
        return lastLineEnd;
    }

    @Override
    public String toString() {
        return "[" + section + "] " + key + "=" + value.text() + " @" + keyOrigin();
    }
}
