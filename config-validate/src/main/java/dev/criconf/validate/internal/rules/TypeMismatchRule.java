package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.KeyPath;
import dev.criconf.model.value.TypeMismatch;
import dev.criconf.model.value.ValueType;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.KubeletRuleSupport.KubeletDocument;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code type-mismatch}: a value of a type the component cannot decode, e.g.
 * {@code SystemdCgroup = "true"} in containerd (a string where runc's options want a boolean),
 * {@code failSwapOn: "false"} or {@code cgroupDriver: yes} in a KubeletConfiguration (YAML 1.1 makes
 * the unquoted {@code yes} a boolean), or a non-list {@code exec-opts} in Docker's {@code daemon.json}.
 * KubeletConfiguration YAML is typed as the kubelet reads it (YAML 1.1), whatever the parser used.
 */
public final class TypeMismatchRule implements Rule {

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("type-mismatch", Severity.ERROR)
            .title("A configuration value has the wrong type")
            .rationale("Components decode their configuration into typed structures and stop on a value of the "
                    + "wrong type: containerd exits with \"Can't convert ... to ...\" for its top-level and plugin "
                    + "settings (runc options are only decoded when a pod starts, so then every sandbox of that "
                    + "runtime fails), the kubelet exits with 'failed to load kubelet config file ... failed to "
                    + "decode', and dockerd refuses to start. A quoted \"true\" is a string, not a boolean; in "
                    + "the kubelet's YAML 1.1 an unquoted yes or on is a boolean, not a string.")
            .reference("https://github.com/containerd/containerd/blob/main/docs/cri/config.md")
            .reference("https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/")
            .reference("https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file")
            .example("etc/containerd/config.toml",
                    "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                            + "  SystemdCgroup = \"true\"\n",
                    "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                            + "  SystemdCgroup = true\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        for (KubeletDocument d : KubeletRuleSupport.kubeletDocuments(node)) {
            KubeletConfiguration config = d.config();
            boolean yaml = KubeletRuleSupport.isYaml(node, d.file());
            if (yaml) {
                config = new KubeletConfiguration(d.file(), (ConfigTable) Yaml11Readings.asKubeletReadsIt(d.config().tree()));
            }
            String consequence = d.kind() == KubeletDocument.Kind.KUBEADM
                    ? "kubeadm fails to load the file"
                    : "the kubelet refuses to start (\"failed to decode\")";
            for (TypeMismatch t : config.typeMismatches()) {
                ctx.report(t.origin(), message(t, "the kubelet", yaml) + "; " + consequence + advice(t));
            }
        }
        node.containerd().ifPresent(c -> {
            for (TypeMismatch t : c.typeMismatches()) {
                String consequence = isRuntimeOptions(t.path())
                        ? "containerd starts, but every pod sandbox of this runtime fails to start"
                        : "containerd refuses to start";
                ctx.report(t.origin(), message(t, "containerd", false) + "; " + consequence + advice(t));
            }
        });
        node.dockerDaemon().ifPresent(d -> {
            for (TypeMismatch t : d.typeMismatches()) {
                ctx.report(t.origin(), message(t, "Docker", false) + "; dockerd refuses to start" + advice(t));
            }
        });
    }

    private static String message(TypeMismatch t, String reader, boolean yaml11) {
        ConfigValue actual = t.actual();
        String shown;
        if (actual instanceof ConfigScalar s) {
            // strings as JSON renders them, so the message does not depend on the quoting style
            shown = "the " + actual.type() + " " + (s instanceof ConfigString ? ConfigValues.render(s, 80) : s.raw().strip());
            if (yaml11 && Yaml11Readings.isPlain(s) && !(s instanceof ConfigString)
                    && Yaml11Readings.ambiguity(s).isPresent()) {
                shown = "the unquoted " + s.raw().strip() + ", which YAML 1.1 reads as "
                        + Yaml11Readings.yaml11(s.raw().strip()).describe() + ",";
            }
        } else {
            shown = "a" + (actual.type() == ValueType.ARRAY ? "n " : " ") + actual.type();
        }
        return "'" + t.path() + "' is " + shown + " but " + reader + " expects " + expected(t.expected());
    }

    private static String expected(java.util.Set<ValueType> types) {
        List<String> names = types.stream().map(ValueType::displayName).sorted().collect(Collectors.toList());
        String joined = String.join(" or ", names);
        return (joined.startsWith("a") || joined.startsWith("i") ? "an " : "a ") + joined;
    }

    private static String advice(TypeMismatch t) {
        ConfigValue actual = t.actual();
        if (actual instanceof ConfigString s && t.expected().contains(ValueType.BOOLEAN)
                && (s.value().equals("true") || s.value().equals("false"))) {
            return "; write " + s.value() + " without quotes";
        }
        if (actual instanceof ConfigString s && t.expected().contains(ValueType.INTEGER) && s.value().matches("-?[0-9]+")) {
            return "; write " + s.value() + " without quotes";
        }
        if (actual instanceof ConfigScalar s && !(actual instanceof ConfigString) && t.expected().contains(ValueType.STRING)) {
            return "; quote it: \"" + s.raw().strip() + "\"";
        }
        return "";
    }

    private static boolean isRuntimeOptions(KeyPath path) {
        List<KeyPath.Segment> s = path.segments();
        for (int i = 0; i + 2 < s.size(); i++) {
            if (s.get(i).equals(new KeyPath.Key("runtimes")) && s.get(i + 2).equals(new KeyPath.Key("options"))) {
                return true;
            }
        }
        return false;
    }
}
