package dev.criconf.validate.internal.rules;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.FileFormat;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Setting;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.EnvAssignment;
import dev.criconf.model.kubelet.KubeadmFlagsEnv;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.VersionSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the kubelet and kubeadm rules share: the Kubernetes release to check against, the kubelet's
 * command line, its configuration documents and its effective configuration.
 */
final class KubeletRuleSupport {

    /**
     * The release assumed when neither an option, the node profile nor a kubeadm configuration
     * names one: the newest release criconf's examples target. Messages then say "assuming
     * Kubernetes 1.35".
     */
    static final ComponentVersion ASSUMED_KUBERNETES = ComponentVersion.of(1, 35);

    private KubeletRuleSupport() {
    }

    /**
     * The Kubernetes release to check against: the validator's (an option, or what the caller knew
     * about the node), else the node's own files (profile, then kubeadm's
     * {@code kubernetesVersion}), else {@link #ASSUMED_KUBERNETES}, marked as an assumption.
     */
    static TargetVersion kubernetes(NodeConfig node, RuleContext ctx) {
        Optional<TargetVersion> given = ctx.versions().kubernetes();
        if (given.isPresent()) {
            return given.get();
        }
        Optional<Setting<KubernetesVersion>> fromNode = node.kubernetesVersion();
        if (fromNode.isPresent()) {
            KubernetesVersion k = fromNode.get().value();
            boolean profile = node.profile().flatMap(NodeProfile::kubernetesVersion).isPresent();
            String basis = fromNode.get().origin().map(Origin::toString).orElse(profile ? "criconf.yaml" : "kubeadm");
            return new TargetVersion(TargetComponent.KUBERNETES, toComponent(k),
                    profile ? VersionSource.PROFILE : VersionSource.FILES, basis);
        }
        return ctx.versions().orAssume(TargetComponent.KUBERNETES, ASSUMED_KUBERNETES);
    }

    /** The release as the model's catalogs take it. */
    static KubernetesVersion kubelet(TargetVersion target) {
        ComponentVersion v = target.version();
        return new KubernetesVersion(v.major(), v.minor(), v.patch(), v.preRelease());
    }

    private static ComponentVersion toComponent(KubernetesVersion k) {
        return new ComponentVersion(k.major(), k.minor(), k.patch(), k.preRelease());
    }

    /** {@code " (assuming Kubernetes 1.35)"} when the version is an assumption, else nothing. */
    static String assumption(TargetVersion target) {
        return target.isAssumed() ? " (" + target.describe() + ")" : "";
    }

    /** {@code 1.35} for messages. */
    static String minor(KubernetesVersion v) {
        return v.major() + "." + v.minor();
    }

    /** The kubelet's effective configuration for the target release, computed from the node's parts. */
    static EffectiveKubeletConfig effective(NodeConfig node, KubernetesVersion version) {
        // the loader computed it from the same parts; usually for the same release
        Optional<EffectiveKubeletConfig> given = node.effectiveKubelet();
        if (given.isPresent() && given.get().version().equals(version)) {
            return given.get();
        }
        return EffectiveKubeletConfig.compute(version, node.kubeletConfiguration(), node.kubeletDropIns(),
                node.kubeletFlags());
    }

    /** Whether the node runs Windows according to its profile. */
    static boolean isWindows(NodeConfig node) {
        return node.profile().flatMap(NodeProfile::os).map(s -> s.value() == NodeProfile.NodeOs.WINDOWS).orElse(false);
    }

    /** A KubeletConfiguration document and what reads it. */
    record KubeletDocument(KubeletConfiguration config, Kind kind) {
        /** Which of the kubelet's inputs the document is. */
        enum Kind {
            /** The {@code --config} file. */
            CONFIG_FILE,
            /** A {@code --config-dir} drop-in. */
            DROP_IN,
            /** The {@code KubeletConfiguration} document of a kubeadm configuration file. */
            KUBEADM
        }

        String file() {
            return config.file();
        }

        /** Who complains about the document's keys, for messages. */
        String reader() {
            return kind == Kind.KUBEADM ? "kubeadm" : "the kubelet";
        }
    }

    /** The config file, the drop-ins and kubeadm's embedded document, in that order. */
    static List<KubeletDocument> kubeletDocuments(NodeConfig node) {
        List<KubeletDocument> out = new ArrayList<>();
        node.kubeletConfiguration().ifPresent(c -> out.add(new KubeletDocument(c, KubeletDocument.Kind.CONFIG_FILE)));
        for (KubeletConfiguration d : node.kubeletDropIns()) {
            out.add(new KubeletDocument(d, KubeletDocument.Kind.DROP_IN));
        }
        node.kubeadm().flatMap(k -> k.kubeletConfiguration())
                .ifPresent(c -> out.add(new KubeletDocument(c, KubeletDocument.Kind.KUBEADM)));
        return List.copyOf(out);
    }

    /**
     * Whether a kubelet or kubeadm file is YAML (the components read YAML 1.1) rather than JSON:
     * by the parsed file's format when the node has it, else by the name.
     */
    static boolean isYaml(NodeConfig node, String file) {
        Optional<ParsedFile> parsed = node.parsedFile(file);
        if (parsed.isPresent()) {
            return parsed.get().format() == FileFormat.YAML;
        }
        return !file.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** The kubelet's command line: flags and stray words, in order. */
    record CommandLine(List<CommandLineFlag> flags, List<StrayArgument> strays) {
    }

    /**
     * The kubelet's command line: {@link NodeConfig#kubeletFlags()} when the node has its systemd
     * unit; otherwise what the environment files alone give ({@code KUBELET_KUBEADM_ARGS}, then
     * {@code KUBELET_EXTRA_ARGS}), split at whitespace as systemd's {@code $VAR} does.
     */
    static CommandLine commandLine(NodeConfig node) {
        if (node.kubeletFlags().isPresent()) {
            return new CommandLine(node.kubeletFlags().get().flags(), node.kubeletFlags().get().strayArguments());
        }
        List<CommandLineFlag> flags = new ArrayList<>();
        List<StrayArgument> strays = new ArrayList<>();
        for (String variable : List.of(KubeadmFlagsEnv.KUBEADM_ARGS, KubeadmFlagsEnv.EXTRA_ARGS)) {
            for (KubeadmFlagsEnv env : node.kubeletEnvFiles()) {
                env.get(variable).ifPresent(a -> parseWords(a, flags, strays));
            }
        }
        return new CommandLine(List.copyOf(flags), List.copyOf(strays));
    }

    private record Word(String text, Origin origin) {
    }

    // pflag's reading of the words: --name=value, --name value (non-boolean), --bool, anything else is stray
    private static void parseWords(EnvAssignment a, List<CommandLineFlag> flags, List<StrayArgument> strays) {
        List<Word> words = wordsWithOrigins(a);
        Optional<String> variable = Optional.of(a.name());
        for (int i = 0; i < words.size(); i++) {
            Word w = words.get(i);
            String t = w.text();
            if (!t.startsWith("-") || t.equals("-") || t.equals("--")) {
                strays.add(new StrayArgument(t, w.origin(), variable));
                continue;
            }
            int eq = t.indexOf('=');
            if (eq > 0) {
                String name = KubeletFlagCatalog.normalize(t.substring(0, eq));
                Origin valueAt = shift(w.origin(), eq + 1, t.length() - eq - 1);
                flags.add(new CommandLineFlag(name, t, Optional.of(t.substring(eq + 1)), CommandLineFlag.Form.EQUALS,
                        w.origin(), Optional.of(valueAt), variable));
                continue;
            }
            String name = KubeletFlagCatalog.normalize(t);
            Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(name);
            boolean takesNext = spec.map(s -> !s.isBoolean()).orElse(false)
                    || (spec.isEmpty() && i + 1 < words.size() && !words.get(i + 1).text().startsWith("-"));
            if (takesNext && i + 1 < words.size()) {
                Word value = words.get(++i);
                flags.add(new CommandLineFlag(name, t, Optional.of(value.text()), CommandLineFlag.Form.SEPARATE,
                        w.origin(), Optional.of(value.origin()), variable));
            } else {
                flags.add(new CommandLineFlag(name, t, Optional.empty(), CommandLineFlag.Form.BARE, w.origin(),
                        Optional.empty(), variable));
            }
        }
    }

    /** The words of an assignment, each located in the file by finding it in the raw text. */
    private static List<Word> wordsWithOrigins(EnvAssignment a) {
        List<Word> out = new ArrayList<>();
        String raw = a.raw();
        int from = 0;
        for (String word : a.words()) {
            int idx = raw.indexOf(word, from);
            if (idx < 0) {
                out.add(new Word(word, a.valueOrigin()));
                continue;
            }
            out.add(new Word(word, within(a.valueOrigin(), raw, idx, word.length())));
            from = idx + word.length();
        }
        return out;
    }

    /** The origin of {@code text.substring(idx, idx + length)} when {@code text} starts at {@code start}. */
    static Origin within(Origin start, String text, int idx, int length) {
        int line = start.line();
        int column = start.column();
        for (int i = 0; i < idx; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Origin(start.file(), line, column, start.offset() + idx, length);
    }

    private static Origin shift(Origin o, int by, int length) {
        return new Origin(o.file(), o.line(), o.column() + by, o.offset() + by, Math.max(0, length));
    }

    /** Groups items by a key, keeping first-seen order. */
    static <K, V> Map<K, List<V>> groupInOrder(List<V> items, java.util.function.Function<V, K> key) {
        Map<K, List<V>> out = new LinkedHashMap<>();
        for (V v : items) {
            out.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v);
        }
        return out;
    }
}
