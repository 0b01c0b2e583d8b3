package dev.criconf.io.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.env.EnvFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ExecStart= lines with their environment, and the argv systemd gives the program. */
class ExecExpansionTest {

    /** The last ExecStart= command of one unit file, expanded with its Environment= and the env files. */
    static CommandLine commandLine(String unit, String... envFiles) {
        UnitFile u = UnitFile.parse("kubelet.service", unit);
        assertTrue(u.problems().isEmpty(), () -> u.problems().toString());
        Specifiers sp = Specifiers.systemUnit("kubelet.service");
        List<EnvironmentEntry> entries = new ArrayList<>();
        for (UnitAssignment a : u.assignments("Service", "Environment")) {
            if (a.isEmpty()) {
                entries.clear();
            } else {
                entries.addAll(EnvironmentEntry.parse(a, sp).entries());
            }
        }
        List<EnvFile> files = new ArrayList<>();
        for (int i = 0; i < envFiles.length; i++) {
            files.add(EnvFile.parse("env" + i, envFiles[i]));
        }
        UnitAssignment last = null;
        for (UnitAssignment a : u.assignments("Service", "ExecStart")) {
            last = a.isEmpty() ? null : a;
        }
        ExecCommand cmd = ExecCommand.parse(last, sp).commands().get(0);
        return CommandLine.expand(cmd, UnitEnvironment.of(entries, files));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row("$VAR splits on blanks", "Environment=\"A=x  y\"\nExecStart=/bin/p $A", "/bin/p|x|y"),
                row("${VAR} stays one word", "Environment=\"A=x  y\"\nExecStart=/bin/p ${A}", "/bin/p|x  y"),
                row("quotes around $VAR are gone before expansion", "Environment=\"A=x y\"\nExecStart=/bin/p \"$A\"", "/bin/p|x|y"),
                row("quotes around ${VAR}", "Environment=\"A=x y\"\nExecStart=/bin/p \"${A}\"", "/bin/p|x y"),
                row("${VAR} inside a word", "Environment=\"A=x y\"\nExecStart=/bin/p --l=${A},z", "/bin/p|--l=x y,z"),
                row("$VAR inside a word is not expanded", "Environment=A=x\nExecStart=/bin/p a$A", "/bin/p|a$A"),
                row("$VAR followed by more is not a name: dropped", "Environment=A=x\nExecStart=/bin/p $A/b c", "/bin/p|c"),
                row("$$ is a dollar", "Environment=A=x\nExecStart=/bin/p $$A a$$b", "/bin/p|$A|a$b"),
                row("unset $VAR: the word goes", "ExecStart=/bin/p $UNSET z", "/bin/p|z"),
                row("unset ${VAR}: an empty word stays", "ExecStart=/bin/p ${UNSET} z", "/bin/p||z"),
                row("empty $VAR gives no word", "Environment=A=\nExecStart=/bin/p $A z", "/bin/p|z"),
                row("quotes in a value group the split", "Environment=\"A=\\\"a b\\\" 'c d' e\"\nExecStart=/bin/p $A",
                        "/bin/p|a b|c d|e"),
                row("${A:-x} is not supported", "ExecStart=/bin/p ${A:-x}", "/bin/p|${A:-x}"),
                row("continuation lines", "ExecStart=/bin/p \\\n  --a=1 \\\n  --b=2", "/bin/p|--a=1|--b=2"),
                row("empty ExecStart= resets", "ExecStart=/bin/old x\nExecStart=\nExecStart=/bin/new y", "/bin/new|y"),
                row("- prefix", "ExecStart=-/bin/p a", "/bin/p|a"),
                row("@ prefix: the second word is argv[0]", "ExecStart=@/bin/p name a", "name|a"),
                row(": prefix: no expansion", "Environment=A=x\nExecStart=:/bin/p $A ${A}", "/bin/p|$A|${A}"),
                row("+ and - prefixes", "ExecStart=+-/bin/p a", "/bin/p|a"),
                row("!! prefix", "ExecStart=!!/bin/p a", "/bin/p|a"),
                row("quotes and C escapes", "ExecStart=/bin/p \"a\\tb\" 'c d' e\\x41 f\"g h\"i \\; \"\"",
                        "/bin/p|a\tb|c d|eA|fg hi|;|"),
                row("invalid escapes stay as written", "ExecStart=/bin/p a\\qb", "/bin/p|a\\qb"),
                row("specifiers", "ExecStart=/bin/p --sock=%t/x.sock %% %n %N %p %S", "/bin/p|--sock=/run/x.sock|%|kubelet.service|kubelet|kubelet|/var/lib"),
                row("the environment file overrides Environment=", "Environment=A=1 B=1\nEnvironmentFile=/e\nExecStart=/bin/p $A $B",
                        "/bin/p|2|1", "A=2\n"),
                row("a later Environment= replaces an earlier one; an empty one clears",
                        "Environment=A=1 B=1\nEnvironment=\nEnvironment=A=3\nExecStart=/bin/p $A $B", "/bin/p|3"),
                row("kubeadm writes the flags in double quotes: a value with a blank splits",
                        "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\nExecStart=/usr/bin/kubelet $KUBELET_KUBEADM_ARGS",
                        "/usr/bin/kubelet|--node-labels=a=b,|c=d|--v=2",
                        "KUBELET_KUBEADM_ARGS=\"--node-labels=a=b, c=d --v=2\"\n"),
                row("quotes inside an unquoted env value survive the file and group the split",
                        "EnvironmentFile=-/etc/default/kubelet\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS",
                        "/usr/bin/kubelet|--node-labels=a=b, c=d",
                        "KUBELET_EXTRA_ARGS=--node-labels=\"a=b, c=d\"\n"),
                row("the kubeadm drop-in layout",
                        "Environment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf "
                                + "--kubeconfig=/etc/kubernetes/kubelet.conf\"\n"
                                + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n"
                                + "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\nEnvironmentFile=-/etc/default/kubelet\n"
                                + "ExecStart=\nExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS "
                                + "$KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS",
                        "/usr/bin/kubelet|--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf"
                                + "|--kubeconfig=/etc/kubernetes/kubelet.conf|--config=/var/lib/kubelet/config.yaml"
                                + "|--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock"
                                + "|--pod-infra-container-image=registry.k8s.io/pause:3.9|--v=4",
                        "KUBELET_KUBEADM_ARGS=\"--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock "
                                + "--pod-infra-container-image=registry.k8s.io/pause:3.9\"\n",
                        "KUBELET_EXTRA_ARGS=--v=4\n"));
    }

    private static Arguments row(String name, String service, String argv, String... envFiles) {
        return Arguments.of(name, "[Service]\n" + service + "\n", argv, envFiles);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void argvAsTheProgramGetsIt(String name, String unit, String expected, String[] envFiles) {
        CommandLine cl = commandLine(unit, envFiles);
        assertEquals(List.of(expected.split("\\|", -1)), cl.strings());
    }

    @Test
    void wordsKnowWhereTheyAreWritten() {
        CommandLine cl = commandLine("[Service]\nEnvironmentFile=/x\nExecStart=/usr/bin/kubelet --v=1 $KUBELET_KUBEADM_ARGS\n",
                "# generated\nKUBELET_KUBEADM_ARGS=\"--a=1  --node-labels=a=b, c=d\"\n");
        List<ArgWord> argv = cl.argv();
        assertEquals("kubelet.service:3:28", argv.get(1).origin().toString());
        assertEquals(ArgWord.Kind.LITERAL, argv.get(1).kind());
        ArgWord c = argv.get(4);
        assertEquals("c=d", c.text());
        assertEquals("env0:2:49", c.origin().toString());
        assertEquals(ArgWord.Kind.SPLIT, c.kind());
        assertEquals("KUBELET_KUBEADM_ARGS", c.splitFrom().orElseThrow());
        assertEquals(2, c.splitIndex());
        assertEquals(3, c.splitCount());
        assertEquals("kubelet.service:3:34", c.unitWord().toString());
        assertEquals(List.of("--a=1", "--node-labels=a=b,", "c=d"),
                cl.wordsFrom("KUBELET_KUBEADM_ARGS").stream().map(ArgWord::text).toList());
    }

    @Test
    void splitValueShowsUpAsAStrayPositional() {
        CommandLine cl = commandLine("[Service]\nEnvironmentFile=/x\nExecStart=/usr/bin/kubelet $KUBELET_EXTRA_ARGS\n",
                "KUBELET_EXTRA_ARGS=\"--node-labels=a=b, c=d\"\n");
        ParsedArgs args = cl.flags(FlagSpec.kubelet());
        assertEquals(1, args.positionals().size());
        ArgWord stray = cl.wordOf(args.positionals().get(0).index());
        assertEquals("c=d", stray.text());
        assertEquals(ArgWord.Kind.SPLIT, stray.kind());
        assertEquals("env0:1:40", stray.origin().toString());
        assertEquals("a=b,", args.effective("node-labels").orElseThrow().value().substring("a=b,".length() - 4));
    }

    @Test
    void unsetAndInvalidVariablesAreListed() {
        CommandLine cl = commandLine("[Service]\nExecStart=/bin/p $A ${B} $C/d $\n");
        assertEquals(List.of("A", "B"), cl.unsetVariables());
        assertEquals(List.of("C/d", ""), cl.invalidVariables());
    }

    @Test
    void unresolvedSpecifiersAreKeptAndReported() {
        UnitFile u = UnitFile.parse("kubelet.service", "[Service]\nExecStart=/bin/p --host=%H\n");
        ExecCommand c = ExecCommand.parse(u.assignments().get(0), Specifiers.systemUnit("kubelet.service")).commands().get(0);
        assertEquals("--host=%H", c.argv().get(1).value());
        assertEquals(List.of("%H"), c.argv().get(1).unresolved());
    }

    @Test
    void semicolonSeparatesCommands() {
        UnitFile u = UnitFile.parse("x.service", "[Service]\nExecStartPre=/bin/a 1 ; /bin/b \";\" \\; 2\n");
        List<ExecCommand> cs = ExecCommand.parse(u.assignments().get(0), Specifiers.systemUnit("x.service")).commands();
        assertEquals(2, cs.size());
        assertEquals("[/bin/a, 1]", cs.get(0).toString());
        assertEquals("[/bin/b, ;, ;, 2]", cs.get(1).toString());
    }
}
