package dev.criconf.io.systemd;

import dev.criconf.io.args.internal.MappedText;
import dev.criconf.io.args.internal.SystemdWords;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One command of an {@code Exec*=} setting as systemd's {@code config_parse_exec()}
 * (src/core/load-fragment.c) reads it: words split with quotes and C escapes
 * ({@code EXTRACT_UNQUOTE|EXTRACT_CUNESCAPE}), special prefixes on the executable, specifiers
 * expanded in every word, and an unquoted lone {@code ;} separating commands ({@code \;} is a
 * literal {@code ;}).
 */
public final class ExecCommand {

    /** Prefixes of the executable path. */
    public enum Prefix {
        /** {@code -}: a failure exit code is ignored */
        IGNORE_FAILURE,
        /** {@code @}: the second word is argv[0] */
        SEPARATE_ARGV0,
        /** {@code :}: no environment variable expansion */
        NO_ENV_EXPANSION,
        /** {@code +}: full privileges */
        FULL_PRIVILEGES,
        /** {@code !}: no user/group change */
        NO_SETUID,
        /** {@code !!}: ambient capabilities magic */
        AMBIENT_MAGIC,
        /** {@code |}: run through the user's shell (systemd 258) */
        VIA_SHELL
    }

    private final UnitAssignment assignment;
    private final Set<Prefix> prefixes;
    private final ExecWord program;
    private final String path;
    private final List<ExecWord> argv;
    private final List<int[]> spans;

    private ExecCommand(UnitAssignment assignment, Set<Prefix> prefixes, ExecWord program, String path,
            List<ExecWord> argv, List<int[]> spans) {
        this.assignment = assignment;
        this.prefixes = Collections.unmodifiableSet(prefixes);
        this.program = program;
        this.path = path;
        this.argv = List.copyOf(argv);
        this.spans = List.copyOf(spans);
    }

    /** The assignment it comes from. */
    public UnitAssignment assignment() {
        return assignment;
    }

    /** The prefixes of the executable. */
    public Set<Prefix> prefixes() {
        return prefixes;
    }

    /** Whether the executable has prefix {@code p}. */
    public boolean has(Prefix p) {
        return prefixes.contains(p);
    }

    /** The first word, prefixes included. */
    public ExecWord program() {
        return program;
    }

    /** The executable: the first word without prefixes, specifiers expanded. */
    public String path() {
        return path;
    }

    /** argv as stored: argv[0] (the path, or with {@code @} the second word) and the arguments. */
    public List<ExecWord> argv() {
        return argv;
    }

    /** Spans of the written words in the assignment's value: the program word first, then each word after it. */
    List<int[]> wordSpans() {
        return spans;
    }

    /** The commands of an assignment, with located problems; an empty value (a reset) has none. */
    public record Parsed(List<ExecCommand> commands, List<Problem> problems) {
        /** Copies the lists. */
        public Parsed {
            commands = List.copyOf(commands);
            problems = List.copyOf(problems);
        }
    }

    /** Reads the commands of an {@code Exec*=} assignment. */
    public static Parsed parse(UnitAssignment a, Specifiers specifiers) {
        Objects.requireNonNull(a);
        Objects.requireNonNull(specifiers);
        if (!a.specifierFree()) {
            return read(a, specifiers);
        }
        Parsed p = a.execReading();
        if (p == null) {
            p = read(a, specifiers);
            a.execReading(p);
        }
        return p;
    }

    private static Parsed read(UnitAssignment a, Specifiers specifiers) {
        List<ExecCommand> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        MappedText u = a.mappedValue();
        String s = u.text();
        int p = 0;
        final int flags = SystemdWords.UNQUOTE | SystemdWords.CUNESCAPE;
        boolean semicolon;
        do {
            semicolon = false;
            SystemdWords.Extracted first = SystemdWords.extractWithWarn(u, p, flags, SystemdWords.wordCodec(true));
            if (first.error().isPresent()) {
                problems.add(problem(a, first.errorAt(), s.length(), "unbalanced quoting in " + a.key()
                        + "=: systemd ignores the setting and the unit fails to load"));
                break;
            }
            if (first.word().isEmpty()) {
                break;
            }
            p = first.next();
            SystemdWords.Word fw = first.word().get();
            if (fw.value().equals(";")) {
                semicolon = true;
                continue;
            }
            EnumSet<Prefix> prefixes = EnumSet.noneOf(Prefix.class);
            String f = fw.value();
            int k = 0;
            while (k < f.length()) {
                char c = f.charAt(k);
                if (c == '-' && !prefixes.contains(Prefix.IGNORE_FAILURE)) {
                    prefixes.add(Prefix.IGNORE_FAILURE);
                } else if (c == '@' && !prefixes.contains(Prefix.SEPARATE_ARGV0)) {
                    prefixes.add(Prefix.SEPARATE_ARGV0);
                } else if (c == ':' && !prefixes.contains(Prefix.NO_ENV_EXPANSION)) {
                    prefixes.add(Prefix.NO_ENV_EXPANSION);
                } else if (c == '|' && !prefixes.contains(Prefix.VIA_SHELL)) {
                    prefixes.add(Prefix.VIA_SHELL);
                } else if (c == '+' && !prefixes.contains(Prefix.FULL_PRIVILEGES) && !prefixes.contains(Prefix.NO_SETUID)
                        && !prefixes.contains(Prefix.AMBIENT_MAGIC)) {
                    prefixes.add(Prefix.FULL_PRIVILEGES);
                } else if (c == '!' && !prefixes.contains(Prefix.FULL_PRIVILEGES) && !prefixes.contains(Prefix.NO_SETUID)
                        && !prefixes.contains(Prefix.AMBIENT_MAGIC)) {
                    prefixes.add(Prefix.NO_SETUID);
                } else if (c == '!' && prefixes.contains(Prefix.NO_SETUID) && !prefixes.contains(Prefix.AMBIENT_MAGIC)) {
                    prefixes.remove(Prefix.NO_SETUID);
                    prefixes.add(Prefix.AMBIENT_MAGIC);
                } else {
                    break;
                }
                k++;
            }
            Specifiers.Expansion pathExp = specifiers.expand(f.substring(k));
            Origin fwOrigin = origin(a, fw.rawStart(), fw.rawEnd());
            ExecWord program = new ExecWord(fw.value(), pathExp.value(), fwOrigin, pathExp.unresolved());
            String path = pathExp.value();
            if (path.isEmpty()) {
                problems.add(new Problem(Problem.Kind.SYNTAX, fwOrigin, "empty executable path in " + a.key() + "="));
            } else if (path.endsWith("/")) {
                problems.add(new Problem(Problem.Kind.SYNTAX, fwOrigin, "executable path names a directory: " + path));
            } else if (!path.startsWith("/") && path.contains("/")) {
                problems.add(new Problem(Problem.Kind.SYNTAX, fwOrigin,
                        "neither an absolute path nor a plain executable name: " + path));
            }
            List<ExecWord> argv = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            spans.add(new int[] {fw.rawStart(), fw.rawEnd()});
            if (!prefixes.contains(Prefix.SEPARATE_ARGV0)) {
                argv.add(new ExecWord(f.substring(k), path, fwOrigin, pathExp.unresolved()));
            }
            boolean failed = false;
            while (p < s.length()) {
                if (s.charAt(p) == ';' && (p + 1 == s.length() || blank(s.charAt(p + 1)))) {
                    p++;
                    while (p < s.length() && blank(s.charAt(p))) {
                        p++;
                    }
                    semicolon = true;
                    break;
                }
                if (s.charAt(p) == '\\' && p + 1 < s.length() && s.charAt(p + 1) == ';'
                        && (p + 2 == s.length() || blank(s.charAt(p + 2)))) {
                    argv.add(new ExecWord(";", ";", origin(a, p, p + 2), List.of()));
                    spans.add(new int[] {p, p + 2});
                    p += 2;
                    while (p < s.length() && blank(s.charAt(p))) {
                        p++;
                    }
                    continue;
                }
                SystemdWords.Extracted e = SystemdWords.extractWithWarn(u, p, flags, SystemdWords.wordCodec(true));
                if (e.error().isPresent()) {
                    problems.add(problem(a, e.errorAt(), s.length(), "unbalanced quoting in " + a.key()
                            + "=: systemd ignores the setting and the unit fails to load"));
                    failed = true;
                    break;
                }
                if (e.word().isEmpty()) {
                    break;
                }
                SystemdWords.Word w = e.word().get();
                Specifiers.Expansion x = specifiers.expand(w.value());
                argv.add(new ExecWord(w.value(), x.value(), origin(a, w.rawStart(), w.rawEnd()), x.unresolved()));
                spans.add(new int[] {w.rawStart(), w.rawEnd()});
                p = e.next();
            }
            if (failed) {
                return new Parsed(List.of(), problems);
            }
            if (argv.isEmpty()) {
                problems.add(new Problem(Problem.Kind.SYNTAX, fwOrigin, "empty executable name or argv[0] in " + a.key() + "="));
                continue;
            }
            out.add(new ExecCommand(a, prefixes, program, path, argv, spans));
        } while (semicolon);
        return new Parsed(out, problems);
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static Origin origin(UnitAssignment a, int from, int to) {
        return a.originOf(from, to);
    }

    private static Problem problem(UnitAssignment a, int from, int to, String message) {
        return new Problem(Problem.Kind.SYNTAX, a.originOf(Math.min(from, to), to), message);
    }

    @Override
    public String toString() {
        return argv.stream().map(ExecWord::value).toList().toString();
    }
}
