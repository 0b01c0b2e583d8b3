package dev.criconf.validate.internal.rules;

import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.KeyPath;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.ScalarWalk;
import dev.criconf.validate.internal.rules.Yaml11Readings.Ambiguity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code kubelet-yaml11-ambiguity}: an unquoted scalar in a kubelet or kubeadm YAML file that YAML
 * 1.1 (what the kubelet and kubeadm read, through sigs.k8s.io/yaml and go-yaml v2) and YAML 1.2
 * (yq, editors, linters, most generators) read differently: {@code yes}/{@code no}/{@code on}/
 * {@code off}/{@code y}/{@code n} (booleans vs strings), {@code 0755} (493 vs 755), {@code 0b101},
 * {@code 1_000}, {@code +0x1F}. Works from each scalar's text as written.
 */
public final class KubeletYaml11AmbiguityRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-yaml11-ambiguity", Severity.WARNING)
            .title("A YAML value means different things in YAML 1.1 and 1.2")
            .rationale("The kubelet and kubeadm convert YAML to JSON with sigs.k8s.io/yaml, which uses go-yaml v2 "
                    + "and therefore YAML 1.1: unquoted yes, no, on, off, y and n are booleans and 0755 is the "
                    + "octal number 493. YAML 1.2 tools (yq, editors, linters, configuration generators) read "
                    + "the same words as strings and 0755 as 755. 'failSwapOn: no' happens to work for the "
                    + "kubelet, but the next tool that rewrites the file may turn it into the string \"no\" "
                    + "and the kubelet then refuses to start; 'cgroupDriver: yes' fails right away. Write "
                    + "true/false and plain decimal numbers, and quote strings that look like these words.")
            .reference("https://yaml.org/spec/1.2.2/ext/changes/")
            .reference("https://github.com/kubernetes-sigs/yaml")
            .reference("https://github.com/go-yaml/yaml/blob/v2.4.0/resolve.go")
            .example("var/lib/kubelet/config.yaml", "failSwapOn: no\n", "failSwapOn: false\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Map<String, Source> sources = new LinkedHashMap<>();
        for (ParsedFile pf : node.parsedFiles()) {
            if (pf.format() == FileFormat.YAML && (pf.component() == Component.KUBELET || pf.component() == Component.KUBEADM)) {
                sources.put(pf.path(), new Source(pf.documents(), pf.component() == Component.KUBEADM ? "kubeadm" : "the kubelet"));
            }
        }
        for (KubeletRuleSupport.KubeletDocument d : KubeletRuleSupport.kubeletDocuments(node)) {
            if (!sources.containsKey(d.file()) && KubeletRuleSupport.isYaml(node, d.file())) {
                sources.put(d.file(), new Source(List.of(d.config().tree()), d.reader()));
            }
        }
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            Source src = e.getValue();
            for (ConfigValue doc : src.documents()) {
                boolean kubeletDoc = src.reader().equals("the kubelet") || doc.asTable()
                        .flatMap(t -> t.string("kind")).map(KubeletFieldCatalog.KIND::equals).orElse(false);
                boolean singleDocument = src.documents().size() == 1;
                // paths only for findings: few scalars are ambiguous
                ScalarWalk.scalars(doc, (s, at) -> Yaml11Readings.ambiguity(s).ifPresent(a ->
                        report(ctx, e.getKey(), ScalarWalk.Step.path(at), s, a, kubeletDoc ? "the kubelet" : src.reader(), kubeletDoc,
                                singleDocument)));
            }
        }
    }

    private record Source(List<ConfigValue> documents, String reader) {
    }

    private static void report(RuleContext ctx, String file, KeyPath path, ConfigScalar value, Ambiguity a,
            String reader, boolean kubeletDoc, boolean singleDocument) {
        Optional<List<String>> keys = path.keys().filter(k -> !k.isEmpty());
        Optional<KubeletFieldCatalog.Field> field = kubeletDoc
                ? keys.flatMap(k -> KubeletFieldCatalog.find(String.join(".", k))) : Optional.empty();
        String name = path.segments().isEmpty() ? "" : path + ": ";
        Optional<String> canonical = canonical(a.yaml11());
        String advice;
        if (field.isPresent() && isStringType(field.get().type()) && !(a.yaml11() instanceof Yaml11Readings.Str)) {
            advice = reader + " cannot use " + a.yaml11().describe() + " as " + field.get().path()
                    + " and refuses to start; quote it: \"" + a.text() + "\"";
            canonical = Optional.empty();
        } else if (canonical.isPresent()) {
            advice = "write " + canonical.get() + " to keep " + reader + "'s reading, or quote it to mean the string";
        } else {
            advice = "quote it if you mean the string";
        }
        Finding.Builder f = ctx.finding(value.origin(), name + "'" + a.text() + "' is " + a.yaml11().describe()
                + " for " + reader + " (YAML 1.1) but " + a.yaml12().describe() + " for YAML 1.2 tools such as yq; "
                + advice);
        if (canonical.isPresent() && keys.isPresent() && singleDocument) {
            // a suggestion: the editor keeps the replaced value's type, which depends on how the codec read it
            f.fix(Fix.suggestion("write " + canonical.get() + " instead of " + a.text(),
                    new NodeEdit.SetValue(file, keys.get(), canonical.get())));
        }
        f.report();
    }

    private static boolean isStringType(KubeletFieldCatalog.FieldType t) {
        return t == KubeletFieldCatalog.FieldType.STRING || t == KubeletFieldCatalog.FieldType.DURATION;
    }

    private static Optional<String> canonical(Yaml11Readings.Reading r) {
        if (r instanceof Yaml11Readings.Bool b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        if (r instanceof Yaml11Readings.Num num && num.integer().isPresent()) {
            return Optional.of(num.text());
        }
        return Optional.empty();
    }
}
