package dev.criconf.io.node.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.NodeConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The kubelet half of a node load (unit, flags, config file, drop-ins, kubeadm, profile), written in
 * parallel as {@code KubeletReader.readInto(Path, ParseLimits, NodeConfig.Builder)}. Until that class
 * is on the class path the load reads the runtime side only.
 */
public interface KubeletSide {

    /** Adds the kubelet's files, problems and configuration to the builder. */
    void readInto(Path root, ParseLimits limits, NodeConfig.Builder builder);

    /** The kubelet reader when it is present, else one that reads nothing. */
    static KubeletSide find() {
        try {
            Class<?> c = Class.forName("dev.criconf.io.node.internal.KubeletReader");
            Method m = c.getDeclaredMethod("readInto", Path.class, ParseLimits.class, NodeConfig.Builder.class);
            return (root, limits, builder) -> {
                try {
                    m.invoke(null, root, limits, builder);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return (root, limits, builder) -> { };
        }
    }
}
