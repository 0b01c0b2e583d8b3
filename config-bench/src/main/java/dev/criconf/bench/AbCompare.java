package dev.criconf.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Compares the parse cost of two builds of config-io in one JVM, for work on the parsers: each
 * build is loaded by its own class loader and the two parse the same 60 KB synthetic file in
 * alternating one-second slices of thread CPU time, so that the load of a shared machine falls on
 * both alike.
 *
 * <pre>
 * java -cp config-bench/target/classes dev.criconf.bench.AbCompare toml|yaml A_CLASSES B_CLASSES COMMON_CLASSPATH [ROUNDS]
 * </pre>
 *
 * A_CLASSES and B_CLASSES are config-io class directories or jars (e.g. one built from another
 * commit with {@code git archive} and {@code javac}); COMMON_CLASSPATH holds config-model and
 * snakeyaml-engine.
 */
public final class AbCompare {

    private AbCompare() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: AbCompare toml|yaml A_CLASSES B_CLASSES COMMON_CLASSPATH [ROUNDS]");
            System.exit(2);
            return;
        }
        boolean yaml = args[0].equals("yaml");
        byte[] bytes = yaml ? SyntheticConfigs.kubeadmYaml(Inputs.SIXTY_KB, SyntheticConfigs.SEED)
                : SyntheticConfigs.containerdToml(Inputs.SIXTY_KB, SyntheticConfigs.SEED);
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int warmup = 3;
        URL[] common = Arrays.stream(args[3].split(File.pathSeparator)).map(AbCompare::url).toArray(URL[]::new);
        Method[] parse = new Method[2];
        Object[] extra = new Object[2];
        for (int i = 0; i < 2; i++) {
            URL[] urls = new URL[common.length + 1];
            urls[0] = url(args[1 + i]);
            System.arraycopy(common, 0, urls, 1, common.length);
            ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            if (yaml) {
                Class<?> limits = cl.loadClass("dev.criconf.io.ParseLimits");
                parse[i] = cl.loadClass("dev.criconf.io.yaml.YamlStream").getMethod("parse", String.class, byte[].class, limits);
                extra[i] = limits.getField("DEFAULTS").get(null);
            } else {
                parse[i] = cl.loadClass("dev.criconf.io.toml.TomlDocument").getMethod("parse", String.class, byte[].class);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] sum = new double[2];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < 2; i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                int n = 0;
                while (threads.getCurrentThreadCpuTime() - t0 < 1_000_000_000L) {
                    if (yaml) {
                        parse[i].invoke(null, "kubeadm.yaml", bytes, extra[i]);
                    } else {
                        parse[i].invoke(null, "config.toml", bytes);
                    }
                    n++;
                }
                double micros = (threads.getCurrentThreadCpuTime() - t0) / 1000.0 / n;
                if (r >= warmup) {
                    sum[i] += micros;
                }
                System.out.printf(Locale.ROOT, "round %d %s %.0f us%n", r, i == 0 ? "A" : "B", micros);
            }
        }
        int measured = Math.max(1, rounds - warmup);
        System.out.printf(Locale.ROOT, "CPU µs per parse after %d warm-up rounds: A %.0f, B %.0f, B/A %.3f%n",
                warmup, sum[0] / measured, sum[1] / measured, sum[1] / sum[0]);
    }

    private static URL url(String path) {
        try {
            return new File(path).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
