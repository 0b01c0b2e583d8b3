package dev.criconf.io.env;

import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.env.internal.EnvValueCodec;
import dev.criconf.io.internal.SourceText;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A char-for-char port of systemd's {@code parse_env_file_internal()} (src/basic/env-file.c, as of
 * v254+) that also records where every value char came from. Notable rules it keeps:
 * <ul>
 *   <li>comments are lines whose first non-blank char is {@code #} or {@code ;}; a comment ending in
 *       a backslash does not continue (it did before v254);</li>
 *   <li>the key is everything before {@code =}, trailing blanks removed, so {@code export A=b} has the
 *       key {@code export A}, which the unit loader then drops as invalid;</li>
 *   <li>quotes are special only where a value (part) starts: {@code A="x y"} is {@code x y}, but in
 *       {@code A=--l="a b"} the quotes are ordinary chars; after a closing quote blanks are skipped
 *       and the value goes on ({@code A="x" y} is {@code xy});</li>
 *   <li>backslash-newline is removed in unquoted and double-quoted values; in double quotes only
 *       {@code " \ ` $} lose their backslash; single quotes keep everything;</li>
 *   <li>CR, LF end a line; a NUL ends the file.</li>
 * </ul>
 */
final class EnvParser {

    private enum State { PRE_KEY, KEY, PRE_VALUE, VALUE, VALUE_ESCAPE, SINGLE_QUOTE, DOUBLE_QUOTE, DOUBLE_QUOTE_ESCAPE,
        COMMENT, COMMENT_ESCAPE }

    private final SourceText source;
    private final String t;
    private final List<EnvAssignment> assignments = new ArrayList<>();
    private final List<Problem> problems;

    private int keyStart;
    private int keyEnd;
    private int eq;
    private MappedText.Builder value;
    private int lastValueWhitespace;
    private int rawStart;
    private int lastSyntaxEnd;
    private int emptyPoint;
    private byte emptyCtx;
    private int escapeAt;
    private int segments;
    private byte segmentKind;

    private EnvParser(SourceText source, List<Problem> problems) {
        this.source = source;
        this.t = source.text();
        this.problems = problems;
    }

    record Result(List<EnvAssignment> assignments, List<Problem> problems) {}

    static Result parse(SourceText source, List<Problem> initialProblems) {
        EnvParser p = new EnvParser(source, new ArrayList<>(initialProblems));
        p.run();
        // problems are found out of order (bad UTF-8 and a NUL before the lines they follow);
        // SyntaxDocument promises source order, and the sort is stable for problems at one place
        p.problems.sort(Comparator.comparingInt(problem -> problem.origin().offset()));
        return new Result(List.copyOf(p.assignments), List.copyOf(p.problems));
    }

    private static boolean newline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void run() {
        int n = t.length();
        int nul = t.indexOf('\0');
        if (nul >= 0) {
            problems.add(Problem.syntax(source.originAt(nul, 1), "NUL character: systemd stops reading the file here"));
            n = nul;
        }
        State state = State.PRE_KEY;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            switch (state) {
                case PRE_KEY:
                    if (c == '#' || c == ';') {
                        state = State.COMMENT;
                    } else if (!blank(c)) {
                        state = State.KEY;
                        keyStart = i;
                        keyEnd = i + 1;
                    }
                    break;
                case KEY:
                    if (newline(c)) {
                        state = State.PRE_KEY;
                        problems.add(Problem.syntax(source.span(keyStart, keyEnd),
                                "no '=' in this line; systemd ignores it"));
                    } else if (c == '=') {
                        state = State.PRE_VALUE;
                        startValue(i);
                    } else if (!blank(c)) {
                        keyEnd = i + 1;
                    }
                    break;
                case PRE_VALUE:
                    if (newline(c)) {
                        state = State.PRE_KEY;
                        push(i);
                    } else if (c == '\'') {
                        state = State.SINGLE_QUOTE;
                        openQuote(i, EnvValueCodec.SQ);
                    } else if (c == '"') {
                        state = State.DOUBLE_QUOTE;
                        openQuote(i, EnvValueCodec.DQ);
                    } else if (c == '\\') {
                        state = State.VALUE_ESCAPE;
                        markStart(i);
                        segment(EnvValueCodec.UNQ);
                        escapeAt = i;
                    } else if (!blank(c)) {
                        state = State.VALUE;
                        markStart(i);
                        segment(EnvValueCodec.UNQ);
                        value.append(c, i, i + 1, EnvValueCodec.UNQ);
                        lastSyntaxEnd = i + 1;
                    }
                    break;
                case VALUE:
                    if (newline(c)) {
                        state = State.PRE_KEY;
                        chomp();
                        push(i);
                    } else if (c == '\\') {
                        state = State.VALUE_ESCAPE;
                        escapeAt = i;
                        lastValueWhitespace = -1;
                    } else {
                        if (!blank(c)) {
                            // the run of plain chars, in one piece
                            int q = i + 1;
                            while (q < n && !blank(t.charAt(q)) && t.charAt(q) != '\\') {
                                q++;
                            }
                            lastValueWhitespace = -1;
                            lastSyntaxEnd = q;
                            value.appendRun(t, i, q, EnvValueCodec.UNQ);
                            i = q - 1;
                            break;
                        } else if (lastValueWhitespace < 0) {
                            lastValueWhitespace = value.length();
                        }
                        value.append(c, i, i + 1, EnvValueCodec.UNQ);
                    }
                    break;
                case VALUE_ESCAPE:
                    state = State.VALUE;
                    if (!newline(c)) {
                        // an escaped newline is removed entirely
                        value.append(c, escapeAt, i + 1, EnvValueCodec.UNQ);
                        lastSyntaxEnd = i + 1;
                    }
                    break;
                case SINGLE_QUOTE:
                    if (c == '\'') {
                        state = State.PRE_VALUE;
                        lastSyntaxEnd = i + 1;
                    } else {
                        int q = i + 1;
                        while (q < n && t.charAt(q) != '\'') {
                            q++;
                        }
                        value.appendRun(t, i, q, EnvValueCodec.SQ);
                        i = q - 1;
                    }
                    break;
                case DOUBLE_QUOTE:
                    if (c == '"') {
                        state = State.PRE_VALUE;
                        lastSyntaxEnd = i + 1;
                    } else if (c == '\\') {
                        state = State.DOUBLE_QUOTE_ESCAPE;
                        escapeAt = i;
                    } else {
                        int q = i + 1;
                        while (q < n && t.charAt(q) != '"' && t.charAt(q) != '\\') {
                            q++;
                        }
                        value.appendRun(t, i, q, EnvValueCodec.DQ);
                        i = q - 1;
                    }
                    break;
                case DOUBLE_QUOTE_ESCAPE:
                    state = State.DOUBLE_QUOTE;
                    if ("\"\\`$".indexOf(c) >= 0) {
                        value.append(c, escapeAt, i + 1, EnvValueCodec.DQ);
                    } else if (c != '\n') {
                        // other chars keep their backslash, like a shell does
                        value.append('\\', escapeAt, i, EnvValueCodec.DQ);
                        value.append(c, i, i + 1, EnvValueCodec.DQ);
                    }
                    break;
                case COMMENT:
                    if (c == '\\') {
                        state = State.COMMENT_ESCAPE;
                    } else if (newline(c)) {
                        state = State.PRE_KEY;
                    }
                    break;
                case COMMENT_ESCAPE:
                    state = newline(c) ? State.PRE_KEY : State.COMMENT;
                    break;
                default:
                    throw new IllegalStateException(state.name());
            }
        }
        switch (state) {
            case KEY:
                problems.add(Problem.syntax(source.span(keyStart, keyEnd), "no '=' in this line; systemd ignores it"));
                break;
            case VALUE:
                chomp();
                push(n);
                break;
            case SINGLE_QUOTE:
            case DOUBLE_QUOTE:
            case DOUBLE_QUOTE_ESCAPE:
                problems.add(Problem.syntax(source.span(rawStart, n),
                        "quote not closed: systemd takes the rest of the file as the value"));
                lastSyntaxEnd = n;
                push(n);
                break;
            case PRE_VALUE:
            case VALUE_ESCAPE:
                push(n);
                break;
            default:
                break;
        }
    }

    private void startValue(int at) {
        eq = at;
        value = MappedText.builder(null, EnvValueCodec.INSTANCE);
        lastValueWhitespace = -1;
        rawStart = -1;
        lastSyntaxEnd = -1;
        emptyPoint = -1;
        emptyCtx = EnvValueCodec.UNQ;
        segments = 0;
        segmentKind = EnvValueCodec.UNQ;
    }

    private void markStart(int i) {
        if (rawStart < 0) {
            rawStart = i;
        }
    }

    private void segment(byte kind) {
        segments++;
        segmentKind = kind;
    }

    private void openQuote(int i, byte ctx) {
        markStart(i);
        segment(ctx);
        if (value.length() == 0) {
            emptyPoint = i + 1;
            emptyCtx = ctx;
        }
        lastSyntaxEnd = i + 1;
    }

    private void chomp() {
        if (lastValueWhitespace >= 0) {
            value.truncate(lastValueWhitespace);
        }
    }

    private void push(int endAt) {
        String name = t.substring(keyStart, keyEnd);
        int rs = rawStart >= 0 ? rawStart : eq + 1;
        int re = lastSyntaxEnd >= 0 ? Math.max(lastSyntaxEnd, rs) : rs;
        int ep = emptyPoint >= 0 ? emptyPoint : rs;
        MappedText v = value.build(rs, re, ep, emptyCtx);
        EnvAssignment.Quoting quoting;
        if (segments == 0) {
            quoting = EnvAssignment.Quoting.NONE;
        } else if (segments > 1) {
            quoting = EnvAssignment.Quoting.MIXED;
        } else {
            quoting = switch (segmentKind) {
                case EnvValueCodec.DQ -> EnvAssignment.Quoting.DOUBLE;
                case EnvValueCodec.SQ -> EnvAssignment.Quoting.SINGLE;
                default -> EnvAssignment.Quoting.NONE;
            };
        }
        int lineEnd = endAt;
        if (endAt < t.length() && newline(t.charAt(endAt))) {
            lineEnd = endAt + 1;
            if (t.charAt(endAt) == '\r' && endAt + 1 < t.length() && t.charAt(endAt + 1) == '\n') {
                lineEnd++;
            }
        }
        boolean valid = validName(name);
        if (!valid) {
            String why = name.startsWith("\uFEFF")
                    ? "a byte order mark makes systemd read this name as part of it, which is not a valid name; "
                            + "systemd ignores the assignment"
                    : "'" + name + "' is not a valid variable name (letters, digits and '_', not starting with a "
                            + "digit); systemd ignores the assignment";
            problems.add(Problem.syntax(source.span(keyStart, keyEnd), why));
        }
        int lineStart = source.lineStart(source.lineOf(keyStart));
        assignments.add(new EnvAssignment(assignments.size(), name, valid, v, source, keyStart, keyEnd, lineStart,
                lineEnd, quoting));
    }

    /** src/basic/env-util.c {@code env_name_is_valid}. */
    static boolean validName(String name) {
        if (name.isEmpty() || (name.charAt(0) >= '0' && name.charAt(0) <= '9')) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
