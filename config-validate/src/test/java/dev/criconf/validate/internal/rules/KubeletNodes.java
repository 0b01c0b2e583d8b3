package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.kubelet.EnvAssignment;
import dev.criconf.model.kubelet.KubeadmFlagsEnv;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds kubelet command lines and nodes for the kubelet rule tests, and runs rules at a version. */
final class KubeletNodes {

    static final String FLAGS_ENV = "var/lib/kubelet/kubeadm-flags.env";
    static final String DEFAULT_KUBELET = "etc/default/kubelet";
    static final String CONFIG = "var/lib/kubelet/config.yaml";

    private KubeletNodes() {
    }

    /** Runs one rule with the Kubernetes version given as an option ({@code null}: none given). */
    static List<Finding> run(Rule rule, String kubernetes, NodeConfig node) {
        TargetVersions versions = kubernetes == null ? TargetVersions.none()
                : TargetVersions.of(TargetVersion.option(TargetComponent.KUBERNETES, kubernetes, "--kubernetes-version"));
        return Validator.builder().ruleSet(RuleSet.of(rule)).targetVersions(versions).build().validate(node).findings();
    }

    /**
     * The words of {@code VARIABLE="w1 w2 ..."} on line 1 of {@code file}: each word located where it
     * stands after {@code VARIABLE="}.
     */
    static final class Line {
        final String file;
        final String variable;
        final int line;
        int column;
        final List<CommandLineFlag> flags = new ArrayList<>();
        final List<StrayArgument> strays = new ArrayList<>();
        final StringBuilder value = new StringBuilder();

        Line(String file, String variable, int line) {
            this.file = file;
            this.variable = variable;
            this.line = line;
            this.column = variable.length() + 3;
        }

        private Origin next(String word) {
            if (value.length() > 0) {
                value.append(' ');
                column++;
            }
            Origin o = new Origin(file, line, column, (line - 1) * 200 + column - 1, word.length());
            value.append(word);
            column += word.length();
            return o;
        }

        /** {@code --name=value}. */
        Line flag(String name, String v) {
            String written = "--" + name + "=" + v;
            Origin o = next(written);
            Origin vo = new Origin(file, line, o.column() + name.length() + 3, o.offset() + name.length() + 3, v.length());
            flags.add(new CommandLineFlag(name, written, Optional.of(v), CommandLineFlag.Form.EQUALS, o, Optional.of(vo),
                    Optional.of(variable)));
            return this;
        }

        /** {@code --name} alone. */
        Line bare(String name) {
            String written = "--" + name;
            flags.add(new CommandLineFlag(name, written, Optional.empty(), CommandLineFlag.Form.BARE, next(written),
                    Optional.empty(), Optional.of(variable)));
            return this;
        }

        /** A word that is no flag and no flag's value. */
        Line stray(String text) {
            strays.add(new StrayArgument(text, next(text), Optional.of(variable)));
            return this;
        }

        Origin flagAt(int i) {
            return flags.get(i).origin();
        }

        Origin strayAt(int i) {
            return strays.get(i).origin();
        }

        /** The env file holding this line, quoted as kubeadm writes it. */
        KubeadmFlagsEnv env() {
            Origin nameAt = new Origin(file, line, 1, (line - 1) * 200, variable.length());
            Origin valueAt = new Origin(file, line, variable.length() + 2, (line - 1) * 200 + variable.length() + 1,
                    value.length() + 2);
            return new KubeadmFlagsEnv(file, List.of(new EnvAssignment(variable, value.toString(),
                    "\"" + value + "\"", nameAt, valueAt)));
        }
    }

    static Line kubeadmArgs() {
        return new Line(FLAGS_ENV, KubeadmFlagsEnv.KUBEADM_ARGS, 1);
    }

    static Line extraArgs() {
        return new Line(DEFAULT_KUBELET, KubeadmFlagsEnv.EXTRA_ARGS, 2);
    }

    /** The kubelet's command line from these lines, in order. */
    static KubeletFlags flags(Line... lines) {
        List<CommandLineFlag> flags = new ArrayList<>();
        List<StrayArgument> strays = new ArrayList<>();
        for (Line l : lines) {
            flags.addAll(l.flags);
            strays.addAll(l.strays);
        }
        return new KubeletFlags(flags, strays, Optional.empty());
    }

    /** A node with the command line and its env files. */
    static NodeConfig node(Line... lines) {
        NodeConfig.Builder b = NodeConfig.builder("node").kubeletFlags(flags(lines));
        for (Line l : lines) {
            b.addFile(l.file).addKubeletEnvFile(l.env());
        }
        return b.build();
    }

    /** A node with only the env files: no systemd unit, so no parsed command line. */
    static NodeConfig envOnly(Line... lines) {
        NodeConfig.Builder b = NodeConfig.builder("node");
        for (Line l : lines) {
            b.addFile(l.file).addKubeletEnvFile(l.env());
        }
        return b.build();
    }
}
