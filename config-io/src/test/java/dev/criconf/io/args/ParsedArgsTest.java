package dev.criconf.io.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedArgsTest {

    private static ParsedArgs kubelet(String... words) {
        return ParsedArgs.parse(Argument.of(words), FlagSpec.kubelet());
    }

    @Test
    void equalsAndSeparateValues() {
        ParsedArgs p = kubelet("--config=/var/lib/kubelet/config.yaml", "--node-ip", "10.0.0.1");
        assertEquals(Map.of("config", "/var/lib/kubelet/config.yaml", "node-ip", "10.0.0.1"), p.values());
        FlagOccurrence ip = p.occurrences("node-ip").get(0);
        assertEquals(FlagOccurrence.Form.SEPARATE, ip.form());
        assertEquals(2, ip.valueIndex().getAsInt());
        assertEquals("<argv>:1:49", ip.valueOrigin().orElseThrow().toString());
        assertTrue(p.issues().isEmpty());
        assertTrue(p.positionals().isEmpty());
    }

    @Test
    void aValueFlagTakesTheNextWordWhateverItIs() {
        ParsedArgs p = kubelet("--node-labels", "--v=2");
        assertEquals("--v=2", p.effective("node-labels").orElseThrow().value());
        assertFalse(p.effective("v").isPresent());
    }

    @Test
    void booleansNeverTakeTheNextWord() {
        ParsedArgs p = kubelet("--fail-swap-on", "false", "--rotate-certificates=false");
        assertEquals("true", p.effective("fail-swap-on").orElseThrow().value());
        assertEquals(FlagOccurrence.Form.IMPLICIT, p.occurrences("fail-swap-on").get(0).form());
        assertEquals("false", p.effective("rotate-certificates").orElseThrow().value());
        assertEquals(List.of("false"), p.positionals().stream().map(x -> x.argument().text()).toList());
    }

    @Test
    void badBooleanIsAnIssue() {
        ParsedArgs p = kubelet("--fail-swap-on=no");
        assertEquals(ArgIssue.Kind.INVALID_VALUE, p.issues().get(0).kind());
        assertTrue(p.issues().get(0).message().startsWith("invalid argument \"no\" for \"--fail-swap-on\" flag"));
    }

    @Test
    void lastOccurrenceWinsForScalars() {
        ParsedArgs p = kubelet("--cgroup-driver=cgroupfs", "--cgroup-driver", "systemd");
        EffectiveFlag f = p.effective("cgroup-driver").orElseThrow();
        assertEquals("systemd", f.value());
        assertEquals(2, f.occurrences().size());
        assertEquals(1, f.last().nameIndex());
    }

    @Test
    void featureGatesMergePerKeyAndReplaceTheDefault() {
        ParsedArgs p = kubelet("--feature-gates=A=true,B=false", "--feature-gates", "B=true, C=false");
        EffectiveFlag f = p.effective("feature-gates").orElseThrow();
        assertEquals(List.of("A", "B", "C"), List.copyOf(f.entries().keySet()));
        assertEquals("true", f.entries().get("B").value());
        assertEquals(2, f.entries().get("B").setBy().valueIndex().getAsInt());
        assertTrue(f.replacesDefault());
        assertTrue(p.issues().isEmpty());
        assertEquals(ArgIssue.Kind.INVALID_VALUE, kubelet("--feature-gates=A").issues().get(0).kind());
        assertEquals(ArgIssue.Kind.INVALID_VALUE, kubelet("--feature-gates=A=yes").issues().get(0).kind());
    }

    @Test
    void nodeLabelsAreAConfigurationMap() {
        ParsedArgs p = kubelet("--node-labels=a=b,c", "--node-labels=d= e ");
        EffectiveFlag f = p.effective("node-labels").orElseThrow();
        assertEquals(Map.of("a", "b", "c", "", "d", "e"),
                Map.copyOf(f.entries().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().value()))));
        assertFalse(f.replacesDefault());
        assertTrue(p.issues().isEmpty());
    }

    @Test
    void evictionUsesLeftAngleAndSlicesAppend() {
        ParsedArgs p = kubelet("--eviction-hard=memory.available<100Mi,nodefs.available<10%", "--cluster-dns=10.0.0.10",
                "--cluster-dns", "10.0.0.11,\"10.0.0.12\"");
        assertEquals("100Mi", p.effective("eviction-hard").orElseThrow().entries().get("memory.available").value());
        assertEquals(List.of("10.0.0.10", "10.0.0.11", "10.0.0.12"), p.effective("cluster-dns").orElseThrow().items());
    }

    @Test
    void wordSeparatorsAreNormalisedForTheKubeletOnly() {
        assertEquals("1.2.3.4", kubelet("--node_ip=1.2.3.4").effective("node-ip").orElseThrow().value());
        ParsedArgs cd = ParsedArgs.parse(Argument.of("--network_plugin=cni"), FlagSpec.criDockerd());
        assertTrue(cd.effective("network_plugin").isPresent());
    }

    @Test
    void singleDashIsForShorthandsOnly() {
        ParsedArgs p = kubelet("-v=4", "-node-ip=1.2.3.4", "-v", "5", "-v6");
        List<FlagOccurrence> v = p.occurrences("v");
        assertEquals(List.of("4", "5", "6"), v.stream().map(o -> o.value().orElseThrow()).toList());
        assertEquals(List.of(FlagOccurrence.Form.SHORTHAND_EQUALS, FlagOccurrence.Form.SHORTHAND_SEPARATE,
                FlagOccurrence.Form.SHORTHAND_ATTACHED), v.stream().map(FlagOccurrence::form).toList());
        ArgIssue issue = p.issues().get(0);
        assertEquals(ArgIssue.Kind.UNKNOWN_SHORTHAND, issue.kind());
        assertEquals("unknown shorthand flag: 'n' in -node-ip=1.2.3.4", issue.message());
        assertEquals(1, issue.index());
    }

    @Test
    void terminatorAndPositionals() {
        ParsedArgs p = kubelet("a", "-", "--v=1", "--", "--v=2", "b");
        assertEquals(3, p.terminator().getAsInt());
        assertEquals(List.of("a", "-", "--v=2", "b"), p.positionals().stream().map(x -> x.argument().text()).toList());
        assertEquals(List.of(false, false, true, true), p.positionals().stream().map(Positional::afterTerminator).toList());
        assertEquals("1", p.effective("v").orElseThrow().value());
    }

    @Test
    void badSyntaxAndMissingValue() {
        ParsedArgs p = kubelet("---x", "--=y", "--config");
        assertEquals(List.of(ArgIssue.Kind.BAD_SYNTAX, ArgIssue.Kind.BAD_SYNTAX, ArgIssue.Kind.MISSING_VALUE),
                p.issues().stream().map(ArgIssue::kind).toList());
        assertEquals("flag needs an argument: --config", p.issues().get(2).message());
    }

    @Test
    void closedSpecsReportUnknownFlagsAndSkipTheirValueLikePflagsWhitelist() {
        FlagSpec spec = FlagSpec.builder().flags(FlagKind.STRING, "known").closed().build();
        ParsedArgs p = ParsedArgs.parse(Argument.of("--unknown", "val", "--other", "--known=1", "--x=2", "pos"), spec);
        assertEquals(List.of("unknown flag: --unknown", "unknown flag: --other", "unknown flag: --x"),
                p.issues().stream().map(ArgIssue::message).toList());
        assertEquals(List.of("pos"), p.positionals().stream().map(x -> x.argument().text()).toList());
        assertEquals("1", p.values().get("known"));
    }

    @Test
    void openSpecFromABooleanPredicate() {
        FlagSpec spec = FlagSpec.booleans(n -> n.startsWith("enable-"));
        ParsedArgs p = ParsedArgs.parse(Argument.of("--enable-x", "--name", "v", "pos"), spec);
        assertEquals(Map.of("enable-x", "true", "name", "v"), p.values());
        assertEquals(1, p.positionals().size());
    }

    @Test
    void shorthandGroupsOfBooleans() {
        FlagSpec spec = FlagSpec.builder().flag("all", FlagKind.BOOLEAN).flag("brief", FlagKind.BOOLEAN)
                .flag("count", FlagKind.STRING).shorthand('a', "all").shorthand('b', "brief").shorthand('c', "count").build();
        ParsedArgs p = ParsedArgs.parse(Argument.of("-abc3"), spec);
        assertEquals(Map.of("all", "true", "brief", "true", "count", "3"), p.values());
    }

    @Test
    void versionTakesAnOptionalValue() {
        assertEquals("raw", kubelet("--version=raw").values().get("version"));
        ParsedArgs p = kubelet("--version", "x");
        assertEquals("true", p.values().get("version"));
        assertEquals(1, p.positionals().size());
    }
}
