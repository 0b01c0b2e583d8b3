package dev.criconf.bench;

import java.nio.file.Path;

/**
 * Names the benchmark inputs (JMH {@code @Param} values) and turns a name into bytes, so that the
 * report can give every figure its file and size.
 *
 * <ul>
 *   <li>{@code synthetic-60k}: the 60 KB synthetic containerd config or kubeadm/kubelet YAML;</li>
 *   <li>{@code corpus-COMPONENT-N}: the N-th largest cleanly parsed corpus file of a component;</li>
 *   <li>{@code size-BYTES}: a synthetic file of about that size (size sweep).</li>
 * </ul>
 */
public final class Inputs {

    /** The size of the synthetic files the issue asks for: 60 KB. */
    public static final int SIXTY_KB = 60 * 1024;

    private Inputs() {}

    /** What an input is: a display name and the bytes. */
    public record Input(String name, String description, byte[] bytes) {}

    /** A TOML input by name. */
    public static Input toml(String name) {
        if (name.equals("synthetic-60k")) {
            return new Input(name, "synthetic containerd config.toml (seed " + SyntheticConfigs.SEED + ")",
                    SyntheticConfigs.containerdToml(SIXTY_KB, SyntheticConfigs.SEED));
        }
        if (name.startsWith("size-")) {
            int size = Integer.parseInt(name.substring("size-".length()));
            return new Input(name, "synthetic containerd config.toml", SyntheticConfigs.containerdToml(size, SyntheticConfigs.SEED));
        }
        return corpus(name, ".toml", ".conf");
    }

    /** A YAML input by name. */
    public static Input yaml(String name) {
        if (name.equals("synthetic-60k")) {
            return new Input(name, "synthetic kubeadm/kubelet multi-document YAML (seed " + SyntheticConfigs.SEED + ")",
                    SyntheticConfigs.kubeadmYaml(SIXTY_KB, SyntheticConfigs.SEED));
        }
        if (name.startsWith("size-")) {
            int size = Integer.parseInt(name.substring("size-".length()));
            return new Input(name, "synthetic kubeadm/kubelet YAML", SyntheticConfigs.kubeadmYaml(size, SyntheticConfigs.SEED));
        }
        return corpus(name, ".yaml", ".yml");
    }

    private static Input corpus(String name, String... suffixes) {
        if (!name.startsWith("corpus-")) {
            throw new IllegalArgumentException("unknown input " + name);
        }
        String rest = name.substring("corpus-".length());
        int dash = rest.lastIndexOf('-');
        String component = rest.substring(0, dash);
        int rank = Integer.parseInt(rest.substring(dash + 1));
        Path file = Corpus.largest(component, rank, suffixes);
        return new Input(name, "corpus " + component + "/" + file.getFileName(), Corpus.read(file));
    }
}
