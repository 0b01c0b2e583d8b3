package dev.criconf.validate.internal.rules;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import java.util.Locale;

/**
 * {@code duplicate-key}: a key defined twice. Fatal in TOML (containerd, CRI-O); in YAML the
 * Kubernetes components fall back to lenient decoding and keep one value, so those findings are
 * lowered to warnings. Other formats (JSON, env files) keep the rule's severity.
 */
public final class DuplicateKeyRule implements Rule {

    static final String YAML_NOTE = " (in YAML the kubelet and kubeadm only log this: they decode the file "
            + "again leniently and keep one of the values)";

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("duplicate-key", Severity.ERROR)
            .title("A key is defined twice")
            .rationale("TOML forbids defining a key or a table twice, and containerd and CRI-O refuse to "
                    + "load such a file ('key ... is already defined', 'duplicated tables'), so the runtime "
                    + "does not start. In a YAML file the kubelet's and kubeadm's strict decoder rejects "
                    + "duplicate keys too, but they then decode the file again leniently, log the error and "
                    + "keep only one of the values: the node works, yet the file does not mean what one of "
                    + "its lines says. Duplicates in YAML files are therefore reported as warnings. Remove "
                    + "the copy that is not meant.")
            .reference("https://toml.io/en/v1.0.0#keys")
            .reference("https://github.com/kubernetes/kubernetes/pull/83204")
            .example("etc/crio/crio.conf",
                    "[crio.runtime]\n"
                            + "cgroup_manager = \"systemd\"\n"
                            + "conmon_cgroup = \"pod\"\n"
                            + "cgroup_manager = \"cgroupfs\"\n",
                    "[crio.runtime]\n"
                            + "cgroup_manager = \"systemd\"\n"
                            + "conmon_cgroup = \"pod\"\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        for (Problem p : node.problems()) {
            if (p.kind() != Problem.Kind.DUPLICATE_KEY) {
                continue;
            }
            if (isYaml(p.origin().file())) {
                ctx.finding(p.origin(), p.message() + YAML_NOTE).lowerTo(Severity.WARNING).report();
            } else {
                ctx.report(p.origin(), p.message());
            }
        }
    }

    /**
     * YAML as the Kubernetes components read it: {@code .yaml}/{@code .yml} files, and the kubelet's
     * drop-ins, which are YAML despite their {@code .conf} suffix ({@code kubelet.conf.d/*.conf}).
     */
    static boolean isYaml(String file) {
        String f = file.toLowerCase(Locale.ROOT);
        return f.endsWith(".yaml") || f.endsWith(".yml")
                || (f.endsWith(".conf") && (f.startsWith("kubelet.conf.d/") || f.contains("/kubelet.conf.d/")));
    }
}
