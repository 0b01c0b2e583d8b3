package dev.criconf.io.fuzz;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.args.ArgIssue;
import dev.criconf.io.args.Argument;
import dev.criconf.io.args.EffectiveFlag;
import dev.criconf.io.args.FlagKind;
import dev.criconf.io.args.FlagOccurrence;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.args.Positional;
import dev.criconf.io.env.EnvAssignment;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonValue;
import dev.criconf.io.modules.ModuleEntry;
import dev.criconf.io.modules.ModulesLoadFile;
import dev.criconf.io.sysctl.SysctlEntry;
import dev.criconf.io.sysctl.SysctlFile;
import dev.criconf.io.sysctl.SysctlKeys;
import dev.criconf.io.sysctl.SysctlSettings;
import dev.criconf.io.systemd.ArgWord;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.io.systemd.EffectiveUnit;
import dev.criconf.io.systemd.EffectiveValue;
import dev.criconf.io.systemd.EnvVariable;
import dev.criconf.io.systemd.EnvironmentEntry;
import dev.criconf.io.systemd.EnvironmentFileRef;
import dev.criconf.io.systemd.ExecCommand;
import dev.criconf.io.systemd.ExecWord;
import dev.criconf.io.systemd.Specifiers;
import dev.criconf.io.systemd.UnitAssignment;
import dev.criconf.io.systemd.UnitEnvironment;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.systemd.UnitResolver;
import dev.criconf.io.systemd.UnitSection;
import dev.criconf.io.toml.TomlArray;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlOptions;
import dev.criconf.io.toml.TomlTable;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.io.toml.TomlVersion;
import dev.criconf.io.yaml.AmbiguousScalar;
import dev.criconf.io.yaml.YamlAlias;
import dev.criconf.io.yaml.YamlDocument;
import dev.criconf.io.yaml.YamlMapping;
import dev.criconf.io.yaml.YamlNode;
import dev.criconf.io.yaml.YamlScalar;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlSequence;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.CriconfException;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The bodies of the fuzz targets, one per reader, shared by the Jazzer fuzz tests (over the
 * committed seeds, or fuzzing) and by {@link CorpusThroughFuzzTargetsTest} (over the shared
 * corpus). Each checks one property for any input:
 * <ul>
 *   <li>nothing escapes but the library's own exceptions ({@link CriconfException}); an
 *       {@link Error} such as {@link StackOverflowError} propagates and fails the target;</li>
 *   <li>every problem, and every origin the result reports, points into the text it names, with
 *       the line and column of its offset;</li>
 *   <li>for input that is valid UTF-8 and within the size limit, the unedited document prints back
 *       byte for byte; invalid UTF-8 is a located problem;</li>
 * </ul>
 * each reader being run with {@link ParseLimits#DEFAULTS} and with {@link #TIGHT} limits, so that
 * small inputs reach the limit checks too. Hangs are bounded by the callers (a per-input timeout).
 */
final class FuzzTargets {

    /** Limits small enough for fuzz-sized inputs to exceed them. */
    static final ParseLimits TIGHT = new ParseLimits(512, 4, 2, 2);

    static final List<ParseLimits> LIMITS = List.of(ParseLimits.DEFAULTS, TIGHT);

    private FuzzTargets() {}

    /** Runs a target body: only the library's own exceptions may escape it. */
    static void run(Runnable body) {
        try {
            body.run();
        } catch (CriconfException allowed) {
            // a request the library refuses, with its own exception type: allowed
        } catch (RuntimeException e) {
            throw new AssertionError("an exception that is not a CriconfException escaped: " + e, e);
        }
    }

    // ------------------------------------------------------------------ TOML

    static void toml(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                for (TomlVersion version : TomlVersion.values()) {
                    TomlDocument doc = TomlDocument.parse("fuzz.toml", input, new TomlOptions(version, limits));
                    Located located = checkDocument(doc, input, limits);
                    Deque<TomlValue> todo = new ArrayDeque<>();
                    todo.push(doc.root());
                    while (!todo.isEmpty()) {
                        TomlValue v = todo.pop();
                        located.check("TOML value", v.origin());
                        v.keyOrigin().ifPresent(o -> located.check("TOML key", o));
                        if (v instanceof TomlTable t) {
                            t.entries().values().forEach(todo::push);
                        } else if (v instanceof TomlArray a) {
                            a.items().forEach(todo::push);
                        }
                    }
                    doc.toJava();
                }
            }
        });
    }

    // ------------------------------------------------------------------ YAML

    static void yaml(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                YamlStream stream = YamlStream.parse("fuzz.yaml", input, limits);
                Located located = checkDocument(stream, input, limits);
                for (YamlDocument d : stream.documents()) {
                    located.check("YAML document", d.origin());
                    Deque<YamlNode> todo = new ArrayDeque<>();
                    todo.push(d.root());
                    while (!todo.isEmpty()) {
                        YamlNode n = todo.pop();
                        located.check("YAML node", n.origin());
                        located.check("YAML node with properties", n.nodeOrigin());
                        if (n instanceof YamlMapping m) {
                            for (YamlMapping.Entry e : m.entries()) {
                                todo.push(e.key());
                                todo.push(e.value());
                            }
                        } else if (n instanceof YamlSequence s) {
                            s.items().forEach(todo::push);
                        } else if (n instanceof YamlAlias a) {
                            d.resolve(a);
                        } else if (n instanceof YamlScalar s) {
                            s.isPlainUntagged();
                        }
                    }
                }
                for (YamlSchema schema : YamlSchema.values()) {
                    stream.values(schema);
                }
                for (AmbiguousScalar a : stream.ambiguousScalars()) {
                    located.check("ambiguous scalar", a.origin());
                }
            }
        });
    }

    // ------------------------------------------------------------------ systemd units

    static void unitFile(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                UnitFile unit = UnitFile.parse("kubelet.service.d/10-fuzz.conf", input, limits);
                Located located = checkDocument(unit, input, limits);
                checkUnit(unit, located);
                // the commands as they run, with the file's own Environment= entries
                List<EnvironmentEntry> entries = new ArrayList<>();
                Specifiers specifiers = Specifiers.systemUnit(unit.unitName().orElse("kubelet.service"));
                for (UnitAssignment a : unit.assignments("Service", "Environment")) {
                    if (a.isEmpty()) {
                        entries.clear();
                    } else {
                        entries.addAll(EnvironmentEntry.parse(a, specifiers).entries());
                    }
                }
                UnitEnvironment env = UnitEnvironment.of(entries, List.of());
                for (String key : UnitFile.EXEC_KEYS) {
                    for (UnitAssignment a : unit.assignments("Service", key)) {
                        for (ExecCommand c : ExecCommand.parse(a, specifiers).commands()) {
                            checkCommandLine(CommandLine.expand(c, env), located);
                        }
                    }
                }
            }
        });
    }

    /** The file's own structure, and what its {@code Exec*=} and {@code Environment=} lines say. */
    private static void checkUnit(UnitFile unit, Located located) {
        Specifiers specifiers = Specifiers.systemUnit(unit.unitName().orElse("kubelet.service"));
        for (UnitSection s : unit.sections()) {
            located.check("unit section", s.origin());
        }
        for (UnitAssignment a : unit.assignments()) {
            located.check("unit assignment", a.origin());
            located.check("unit key", a.keyOrigin());
            located.check("unit value", a.valueOrigin());
            if (UnitFile.EXEC_KEYS.contains(a.key())) {
                ExecCommand.Parsed parsed = ExecCommand.parse(a, specifiers);
                located.checkAll("Exec", parsed.problems());
                for (ExecCommand c : parsed.commands()) {
                    located.check("program", c.program().origin());
                    for (ExecWord w : c.argv()) {
                        located.check("Exec word", w.origin());
                    }
                }
            }
            if (a.key().equals("Environment")) {
                EnvironmentEntry.Parsed parsed = EnvironmentEntry.parse(a, specifiers);
                located.checkAll("Environment", parsed.problems());
                for (EnvironmentEntry e : parsed.entries()) {
                    located.check("Environment entry", e.origin());
                    checkArguments(e.words(), located);
                }
            }
        }
        for (String section : List.of("Service", "Unit")) {
            for (String key : List.of("ExecStart", "Environment", "EnvironmentFile", "Description")) {
                unit.values(section, key);
                unit.value(section, key);
            }
        }
    }

    private static void checkCommandLine(CommandLine line, Located located) {
        List<Argument> arguments = line.arguments();
        for (ArgWord w : line.argv()) {
            located.check("argv word", w.origin());
            located.check("argv word's unit word", w.unitWord());
        }
        for (int i = 0; i < arguments.size(); i++) {
            line.wordOf(i);
        }
        line.unsetVariables();
        line.invalidVariables();
        for (FlagSpec spec : SPECS) {
            checkParsedArgs(ParsedArgs.parse(arguments, spec), arguments, located::check);
        }
    }

    // ------------------------------------------------------------------ environment files

    static void envFile(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                EnvFile env = EnvFile.parse("kubeadm-flags.env", input, limits);
                Located located = checkDocument(env, input, limits);
                checkEnv(env, located);
            }
        });
    }

    private static void checkEnv(EnvFile env, Located located) {
        for (EnvAssignment a : env.assignments()) {
            located.check("env assignment", a.origin());
            located.check("env name", a.nameOrigin());
            located.check("env value", a.valueOrigin());
            checkArguments(a.words(), located);
            for (FlagSpec spec : SPECS) {
                checkParsedArgs(ParsedArgs.parse(a.words(), spec), a.words(), located::check);
            }
        }
        for (Map.Entry<String, String> v : env.variables().entrySet()) {
            String value = env.get(v.getKey()).map(EnvAssignment::value).orElse(null);
            if (!v.getValue().equals(value)) {
                throw new AssertionError("variables() gives " + v.getKey() + "=" + v.getValue() + " but get() gives " + value);
            }
            env.flags(v.getKey(), FlagSpec.kubelet());
        }
    }

    private static void checkArguments(List<Argument> arguments, Located located) {
        for (Argument a : arguments) {
            located.check("argument '" + a.text() + "'", a.origin());
        }
    }

    // ------------------------------------------------------------------ argument lists

    /** The kubelet's and cri-dockerd's specs, and a closed one with every kind of flag and shorthands. */
    static final List<FlagSpec> SPECS = List.of(FlagSpec.kubelet(), FlagSpec.criDockerd(), closedSpec());

    private static FlagSpec closedSpec() {
        FlagSpec.Builder b = FlagSpec.builder().closed().normalizeWordSeparators();
        char letter = 'a';
        for (FlagKind kind : FlagKind.values()) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            b.flag(name, kind).shorthand(letter++, name);
        }
        return b.build();
    }

    /**
     * Words from fuzz data: one argument per line ({@code \n}; a final newline ends the last one),
     * decoded leniently so that every input gives words.
     */
    static List<String> words(byte[] input) {
        String s = new String(input, StandardCharsets.UTF_8);
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (s.endsWith("\n")) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static void parsedArgs(byte[] input) {
        run(() -> {
            List<Argument> arguments = Argument.of(words(input));
            // Argument.of places the words on one line of a pseudo file, joined by single spaces
            String joined = String.join(" ", words(input));
            for (Argument a : arguments) {
                checkArgvOrigin("argument", a.origin(), joined);
            }
            for (FlagSpec spec : SPECS) {
                checkParsedArgs(ParsedArgs.parse(arguments, spec), arguments, (what, o) -> checkArgvOrigin(what, o, joined));
            }
        });
    }

    private static void checkArgvOrigin(String what, Origin o, String joined) {
        if (!o.file().equals(Argument.PLAIN) || o.line() != 1 || o.column() != o.offset() + 1
                || (long) o.offset() + o.length() > joined.length()) {
            throw new AssertionError(what + " at " + Located.describe(o) + " is not within the " + joined.length()
                    + " chars of " + Argument.PLAIN);
        }
    }

    private interface OriginCheck {
        void check(String what, Origin o);
    }

    private static void checkParsedArgs(ParsedArgs parsed, List<Argument> arguments, OriginCheck located) {
        int n = arguments.size();
        for (FlagOccurrence f : parsed.flags()) {
            inRange("flag name index", f.nameIndex(), n);
            f.valueIndex().ifPresent(i -> inRange("flag value index", i, n));
            located.check("flag " + f.written(), f.origin());
            f.valueOrigin().ifPresent(o -> located.check("flag value", o));
            if (parsed.occurrences(f.name()).isEmpty()) {
                throw new AssertionError("no occurrences of " + f.name() + " although it occurs");
            }
        }
        for (Positional p : parsed.positionals()) {
            inRange("positional index", p.index(), n);
            located.check("positional", p.argument().origin());
        }
        for (ArgIssue issue : parsed.issues()) {
            inRange("issue index", issue.index(), n);
            located.check("issue '" + issue.message() + "'", issue.origin());
        }
        parsed.terminator().ifPresent(i -> inRange("terminator", i, n));
        for (Map.Entry<String, EffectiveFlag> e : parsed.effectiveFlags().entrySet()) {
            if (parsed.effective(e.getKey()).isEmpty()) {
                throw new AssertionError("effectiveFlags() has " + e.getKey() + " but effective() does not");
            }
        }
        parsed.values();
    }

    private static void inRange(String what, int index, int size) {
        if (index < 0 || index >= size) {
            throw new AssertionError(what + " " + index + " is not an index of the " + size + " arguments");
        }
    }

    // ------------------------------------------------------------------ sysctl.d, modules-load.d

    static void sysctl(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                SysctlFile file = SysctlFile.parse("99-fuzz.conf", input, limits);
                Located located = checkDocument(file, input, limits);
                SysctlSettings settings = SysctlSettings.of(List.of(file));
                for (SysctlEntry e : file.entries()) {
                    located.check("sysctl entry", e.origin());
                    located.check("sysctl key", e.keyOrigin());
                    e.valueOrigin().ifPresent(o -> located.check("sysctl value", o));
                    e.path();
                    if (!e.isExclusion() && file.get(e.rawKey()).isEmpty()) {
                        throw new AssertionError("the file assigns " + e.rawKey() + " but get() does not find it");
                    }
                    // the normal form is stable and names the same path (FUZZING.md, finding 1)
                    if (!SysctlKeys.normalize(e.key()).equals(e.key())) {
                        throw new AssertionError("the normal form " + e.key() + " of " + e.rawKey() + " normalizes to "
                                + SysctlKeys.normalize(e.key()));
                    }
                    if (!SysctlKeys.toPath(e.key()).equals(SysctlKeys.toPath(e.rawKey()))) {
                        throw new AssertionError("the normal form " + e.key() + " of " + e.rawKey() + " is the path "
                                + SysctlKeys.toPath(e.key()) + ", not " + SysctlKeys.toPath(e.rawKey()));
                    }
                    if (!e.isExclusion() && file.get(e.key()).isEmpty()) {
                        throw new AssertionError("the file assigns " + e.key() + " but get() does not find it");
                    }
                    if (!e.isExclusion() && settings.effective(e.key()).isEmpty() != settings.effective(e.rawKey()).isEmpty()) {
                        throw new AssertionError("effective() of " + e.key() + " and of " + e.rawKey() + " differ");
                    }
                    // glob patterns of the file are matched against every key it names
                    settings.effective(e.rawKey());
                }
                settings.settings();
                settings.patterns();
            }
        });
    }

    static void modulesLoad(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                ModulesLoadFile file = ModulesLoadFile.parse("fuzz.conf", input, limits);
                Located located = checkDocument(file, input, limits);
                for (ModuleEntry m : file.modules()) {
                    located.check("module", m.origin());
                    if (!file.contains(m.name())) {
                        throw new AssertionError("the file lists " + m.name() + " but contains() says no");
                    }
                }
            }
        });
    }

    // ------------------------------------------------------------------ JSON

    static void json(byte[] input) {
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                JsonDocument doc = JsonDocument.parse("daemon.json", input, limits);
                Located located = checkDocument(doc, input, limits);
                Deque<JsonValue> todo = new ArrayDeque<>();
                doc.root().ifPresent(todo::push);
                while (!todo.isEmpty()) {
                    JsonValue v = todo.pop();
                    located.check("JSON value", v.origin());
                    if (v instanceof JsonValue.JsonObject o) {
                        for (JsonValue.JsonMember m : o.members()) {
                            located.check("JSON key", m.keyOrigin());
                            todo.push(m.value());
                        }
                    } else if (v instanceof JsonValue.JsonArray a) {
                        a.items().forEach(todo::push);
                    }
                }
                doc.data();
            }
        });
    }

    // ------------------------------------------------------------------ a node's files together

    /**
     * Writes fuzz data into a node tree ({@link NodeTree}) and resolves the kubelet unit there:
     * unit file, drop-ins (one of them possibly a symlink), environment files, then every command
     * line expanded and its flags parsed.
     */
    static void unitResolverAndCommandLine(NodeTree tree, byte[] input) {
        Path root = tree.write(input);
        run(() -> {
            for (ParseLimits limits : LIMITS) {
                UnitResolver resolver = new UnitResolver(root, limits);
                EffectiveUnit unit = resolver.resolve(NodeTree.UNIT);
                Located located = new Located();
                for (UnitFile f : unit.files()) {
                    located.add(f.sourceName(), f.text());
                    located.checkAll("unit file", f.problems());
                }
                for (EnvironmentFileRef ref : unit.environmentFiles()) {
                    for (EnvFile f : ref.files()) {
                        located.add(f.sourceName(), f.text());
                    }
                }
                for (Problem p : unit.problems()) {
                    checkNodeProblem(p, located);
                }
                for (UnitFile f : unit.files()) {
                    checkUnit(f, located);
                }
                for (EnvironmentFileRef ref : unit.environmentFiles()) {
                    located.check("EnvironmentFile=", ref.declaredBy().origin());
                    for (EnvFile f : ref.files()) {
                        checkEnv(f, located);
                    }
                }
                for (EnvVariable v : unit.environment().variables().values()) {
                    located.check("variable " + v.name(), v.origin());
                    located.check("value of " + v.name(), v.valueOrigin());
                }
                for (String key : UnitFile.EXEC_KEYS) {
                    for (EffectiveValue v : unit.values("Service", key)) {
                        located.check(key, v.origin());
                    }
                    for (CommandLine line : unit.commandLines(key)) {
                        checkCommandLine(line, located);
                    }
                }
                unit.execStart();
                unit.masked();
                unit.maskedDropIns();
                unit.shadowedDropIns();
                List<Problem> problems = new ArrayList<>();
                resolver.readEnvFile(NodeTree.DEFAULT_KUBELET, problems).ifPresent(f -> {
                    Located own = new Located().add(f.sourceName(), f.text());
                    checkEnv(f, own);
                });
                for (Problem p : problems) {
                    checkNodeProblem(p, located);
                }
            }
        });
    }

    /**
     * A problem of a resolved unit points into a file that was read, or names a file (or a path)
     * as a whole: line 1, column 1, nothing covered.
     */
    private static void checkNodeProblem(Problem p, Located located) {
        Origin o = p.origin();
        if (located.knows(o.file())) {
            located.check("node problem '" + p.message() + "'", o);
        } else if (!o.equals(Origin.ofFile(o.file()))) {
            throw new AssertionError("problem '" + p.message() + "' at " + Located.describe(o)
                    + " points into a file that was not read");
        }
    }

    // ------------------------------------------------------------------ common to every document

    /**
     * The checks every {@link SyntaxDocument} gets: its source name, located problems in source order, a located
     * problem for invalid UTF-8 and for an input over the size limit, and printing back byte for
     * byte when neither applies.
     */
    static Located checkDocument(SyntaxDocument doc, byte[] input, ParseLimits limits) {
        Located located = new Located().add(doc.sourceName(), doc.text());
        located.checkAll("document", doc.problems());
        for (int i = 1; i < doc.problems().size(); i++) {
            if (doc.problems().get(i).origin().offset() < doc.problems().get(i - 1).origin().offset()) {
                throw new AssertionError("problems are not in source order: " + doc.problems());
            }
        }
        boolean tooLarge = input.length > limits.maxFileBytes();
        if (tooLarge) {
            if (doc.problems().stream().noneMatch(p -> p.kind() == Problem.Kind.LIMIT_EXCEEDED)) {
                throw new AssertionError("an input of " + input.length + " bytes over the limit of "
                        + limits.maxFileBytes() + " has no LIMIT_EXCEEDED problem");
            }
            return located;
        }
        if (!isUtf8(input)) {
            if (doc.problems().isEmpty()) {
                throw new AssertionError("invalid UTF-8 without a problem");
            }
            return located;
        }
        if (!Arrays.equals(input, doc.text().getBytes(StandardCharsets.UTF_8))) {
            throw new AssertionError("text() differs from the input: " + firstDifference(input, doc.text()));
        }
        byte[] printed;
        try {
            printed = doc.toBytes();
        } catch (CriconfException e) {
            if (doc.problems().isEmpty()) {
                throw new AssertionError("toBytes() of a document without problems threw " + e, e);
            }
            return located; // a document with problems may refuse to be written back (TOML does)
        }
        if (!Arrays.equals(input, printed)) {
            throw new AssertionError("toBytes() differs from the input: "
                    + firstDifference(input, new String(printed, StandardCharsets.UTF_8)));
        }
        return located;
    }

    static boolean isUtf8(byte[] input) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String firstDifference(byte[] input, String text) {
        String expected = new String(input, StandardCharsets.UTF_8);
        int i = 0;
        while (i < expected.length() && i < text.length() && expected.charAt(i) == text.charAt(i)) {
            i++;
        }
        return "first difference at char " + i + " of " + expected.length() + " (printed " + text.length() + " chars)";
    }
}
