package dev.criconf.model.edit;

import dev.criconf.model.CgroupDriver;
import java.util.List;
import java.util.Objects;

/**
 * A change to a node's configuration, stated in the model's terms. Fixes are lists of these;
 * config-io turns each into a minimal lossless edit of the file that holds the effective value
 * (or the conventional file when none does).
 */
public sealed interface NodeEdit {

    /** A short imperative description for reports, e.g. {@code set cgroupDriver: systemd}. */
    String describe();

    /** Which side of a cross-component setting an edit changes. */
    enum Side {
        KUBELET,
        RUNTIME
    }

    /** Make one side use the driver; the other side is left as it is. */
    record SetCgroupDriver(Side side, CgroupDriver driver) implements NodeEdit {
        public SetCgroupDriver {
            Objects.requireNonNull(side);
            Objects.requireNonNull(driver);
        }

        @Override
        public String describe() {
            return side == Side.KUBELET
                    ? "set the kubelet's cgroupDriver to " + driver
                    : "set the runtime's cgroup driver to " + driver;
        }
    }

    /** Set the active runtime's sandbox (pause) image. */
    record SetSandboxImage(String image) implements NodeEdit {
        public SetSandboxImage {
            Objects.requireNonNull(image);
        }

        @Override
        public String describe() {
            return "set the runtime's sandbox image to " + image;
        }
    }

    /** Set the kubelet's container runtime endpoint. */
    record SetRuntimeEndpoint(String endpoint) implements NodeEdit {
        public SetRuntimeEndpoint {
            Objects.requireNonNull(endpoint);
        }

        @Override
        public String describe() {
            return "set the kubelet's containerRuntimeEndpoint to " + endpoint;
        }
    }

    /** Remove containerd's CRI plugin from {@code disabled_plugins}. */
    record EnableContainerdCri() implements NodeEdit {
        @Override
        public String describe() {
            return "remove the CRI plugin from containerd's disabled_plugins";
        }
    }

    /** Set (or add) a kubelet command-line flag where the node's flags are kept. */
    record SetKubeletFlag(String name, String value) implements NodeEdit {
        public SetKubeletFlag {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }

        @Override
        public String describe() {
            return "set kubelet flag --" + name + "=" + value;
        }
    }

    /** Remove a kubelet command-line flag wherever the node's flags set it. */
    record RemoveKubeletFlag(String name) implements NodeEdit {
        public RemoveKubeletFlag {
            Objects.requireNonNull(name);
        }

        @Override
        public String describe() {
            return "remove kubelet flag --" + name;
        }
    }

    /** Set CRI-O's {@code conmon_cgroup}. */
    record SetCrioConmonCgroup(String value) implements NodeEdit {
        public SetCrioConmonCgroup {
            Objects.requireNonNull(value);
        }

        @Override
        public String describe() {
            return "set CRI-O's conmon_cgroup to \"" + value + "\"";
        }
    }

    /**
     * Set one value in one file, addressed by key path (TOML table/key names, YAML mapping keys).
     * The value keeps the type of the value it replaces where that type can hold it.
     */
    record SetValue(String file, List<String> keyPath, String value) implements NodeEdit {
        public SetValue {
            Objects.requireNonNull(file);
            keyPath = List.copyOf(keyPath);
            Objects.requireNonNull(value);
        }

        @Override
        public String describe() {
            return "set " + String.join(".", keyPath) + " to " + value + " in " + file;
        }
    }

    /** Remove one key (with its line) from one file. */
    record RemoveValue(String file, List<String> keyPath) implements NodeEdit {
        public RemoveValue {
            Objects.requireNonNull(file);
            keyPath = List.copyOf(keyPath);
        }

        @Override
        public String describe() {
            return "remove " + String.join(".", keyPath) + " from " + file;
        }
    }
}
