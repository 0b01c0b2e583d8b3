package dev.criconf.cli.internal;

import dev.criconf.cli.NodeSource;
import dev.criconf.cli.Progress;
import dev.criconf.cli.Terminal;
import dev.criconf.io.EditException;
import dev.criconf.io.UnifiedDiff;
import dev.criconf.io.ExpectedOriginal;
import dev.criconf.io.SafeFileWriter;
import dev.criconf.io.WriteException;
import dev.criconf.io.WriteResult;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Redactor;
import dev.criconf.validate.Report;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code criconf fix}. */
@Command(name = "fix",
        sortOptions = false,
        header = "Apply the machine-applicable fixes of a node's findings, in place.",
        descriptionHeading = "%n",
        description = {
            "Checks each --root like 'criconf lint' and applies the fixes that are right whenever their "
                    + "finding is. Each changed file gets minimal, lossless edits (only the values concerned "
                    + "change), verified by reading the result back, and is replaced atomically, keeping its "
                    + "permissions, and only if nobody changed it since it was read.",
            "",
            "When a finding can be fixed on either side (the kubelet's cgroupDriver or the runtime's), "
                    + "--prefer chooses; without it such findings are left alone and listed."
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every chosen fix was applied (or --dry-run printed them)",
            "1:a fix could not be applied or a file could not be replaced; that file is unchanged",
            "2:usage error, or an input that could not be read"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  criconf fix --root / --dry-run",
            "  criconf fix --root / --rule cgroup-driver-mismatch --prefer kubelet"
        })
public final class FixCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final NodeSource source;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--root", paramLabel = "DIR", required = true,
            description = "A node's filesystem root. Repeatable.")
    List<String> roots = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "ID", description = "Only fix this rule's findings. Repeatable.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--prefer", paramLabel = "SIDE", converter = Converters.SideConverter.class,
            description = "kubelet or runtime: the side to change when a finding could be fixed on either.")
    NodeEdit.Side prefer;

    @Option(names = "--dry-run", description = "Print the changes as a unified diff instead of writing them.")
    boolean dryRun;

    /** A fix command reading nodes from {@code source}. */
    public FixCommand(Terminal terminal, NodeSource source) {
        this.terminal = terminal;
        this.source = source;
    }

    @Override
    public Integer call() {
        RuleSet ruleSet = RuleSet.discover();
        for (String id : rules) {
            RuleOptions.requireRule(ruleSet, id, "--rule");
        }
        Validator validator = Validator.builder().ruleSet(ruleSet).build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int applied = 0;
        int files = 0;
        int left = 0;
        try (Progress progress = Progress.start(terminal, err, roots.size())) {
            for (String root : roots) {
                progress.step(root);
                NodeSource.LoadedNode node = Roots.load(source, root);
                Report report = validator.validate(node.config(), node.versions()).withSecrets(node.secrets());
                Redactor redactor = Redactor.of(report.secrets());
                List<NodeEdit> edits = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                for (Finding f : report.findings()) {
                    if (!rules.isEmpty() && !rules.contains(f.ruleId())) {
                        continue;
                    }
                    Choice c = choose(f);
                    String where = location(report.root(), f);
                    if (c.fix().isPresent()) {
                        edits.addAll(c.fix().get().edits());
                        lines.add(where + ": fixed: " + redactor.redact(c.fix().get().description())
                                + " [" + f.ruleId() + "]");
                    } else if (!c.why().isEmpty()) {
                        left++;
                        err.println("criconf: " + where + ": not fixed: " + c.why() + " [" + f.ruleId() + "]");
                    } else {
                        left++;
                    }
                }
                if (edits.isEmpty()) {
                    continue;
                }
                List<NodeSource.FileChange> changes;
                try {
                    changes = node.plan(edits);
                } catch (EditException e) {
                    throw CliException.failed(report.root() + ": the fixes cannot be applied: " + e.getMessage(), e);
                }
                if (dryRun) {
                    for (NodeSource.FileChange ch : changes) {
                        String name = join(report.root(), ch.displayName());
                        out.print(UnifiedDiff.of(name, name,
                                new String(ch.before(), StandardCharsets.UTF_8),
                                new String(ch.after(), StandardCharsets.UTF_8)));
                    }
                } else {
                    write(changes, err);
                    lines.forEach(out::println);
                }
                applied += lines.size();
                files += changes.size();
            }
        }
        if (!dryRun) {
            out.println((applied == 1 ? "1 fix" : applied + " fixes") + " applied to "
                    + (files == 1 ? "1 file" : files + " files")
                    + (left == 0 ? "" : "; " + left + (left == 1 ? " finding has" : " findings have")
                            + " no automatic fix"));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private static void write(List<NodeSource.FileChange> changes, PrintWriter err) {
        SafeFileWriter writer = SafeFileWriter.create();
        for (NodeSource.FileChange ch : changes) {
            try {
                WriteResult r = writer.write(ch.file(), ch.after(), ExpectedOriginal.content(ch.before()));
                r.notes().forEach(n -> err.println("criconf: note: " + n));
            } catch (WriteException e) {
                throw CliException.failed(e.getMessage(), e);
            }
        }
    }

    /** The fix to apply to a finding, or why there is none to apply without asking. */
    private record Choice(Optional<Fix> fix, String why) {
    }

    private Choice choose(Finding f) {
        List<Fix> machine = f.fixes().stream().filter(Fix::machineApplicable).toList();
        if (machine.isEmpty()) {
            return new Choice(Optional.empty(), f.fixes().isEmpty() ? "" : "the suggested fix needs a person's judgement");
        }
        if (machine.size() == 1) {
            return new Choice(Optional.of(machine.get(0)), "");
        }
        if (prefer == null) {
            return new Choice(Optional.empty(), machine.size() + " possible fixes; choose one with --prefer kubelet|runtime");
        }
        for (Fix fix : machine) {
            if (sides(fix).equals(EnumSet.of(prefer))) {
                return new Choice(Optional.of(fix), "");
            }
        }
        return new Choice(Optional.empty(), "no fix changes only the " + prefer.name().toLowerCase(java.util.Locale.ROOT)
                + " side");
    }

    /** The sides a fix changes; empty for edits that belong to no side. */
    static Set<NodeEdit.Side> sides(Fix fix) {
        Set<NodeEdit.Side> out = new LinkedHashSet<>();
        for (NodeEdit e : fix.edits()) {
            if (e instanceof NodeEdit.SetCgroupDriver d) {
                out.add(d.side());
            } else if (e instanceof NodeEdit.SetRuntimeEndpoint || e instanceof NodeEdit.SetKubeletFlag
                    || e instanceof NodeEdit.RemoveKubeletFlag) {
                out.add(NodeEdit.Side.KUBELET);
            } else if (e instanceof NodeEdit.SetSandboxImage || e instanceof NodeEdit.EnableContainerdCri
                    || e instanceof NodeEdit.SetCrioConmonCgroup) {
                out.add(NodeEdit.Side.RUNTIME);
            }
        }
        return out.isEmpty() ? Set.of() : EnumSet.copyOf(out);
    }

    private static String location(String root, Finding f) {
        String file = f.location().file();
        if (file.equals(Validator.NODE_FILE)) {
            return root.isEmpty() ? file : root;
        }
        return join(root, file) + ":" + f.location().line() + ":" + f.location().column();
    }

    private static String join(String root, String file) {
        return root.isEmpty() || file.startsWith("/") ? file : root + "/" + file;
    }
}
