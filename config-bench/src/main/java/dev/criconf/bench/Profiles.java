package dev.criconf.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Profiles one benchmark with Java Flight Recorder (execution samples are taken off safepoints,
 * unlike JMH's stack profiler) and summarises where the samples fall.
 */
final class Profiles {

    private static final int TOP = 15;

    private Profiles() {}

    static String profile(Path out, BenchMain.Settings settings, Report.Miss miss) throws IOException, RunnerException {
        String id = (miss.benchmark() + "-" + String.join("-", new java.util.TreeMap<>(miss.params()).values()))
                .replaceAll("[^A-Za-z0-9.-]", "_");
        Path jfr = out.resolve("profile-" + id + ".jfr").toAbsolutePath();
        Files.deleteIfExists(jfr);
        int delay = settings.warmup() * settings.seconds() + 2;
        ChainedOptionsBuilder b = settings.apply(new OptionsBuilder())
                .include(BenchMain.PACKAGE + miss.benchmark().replace(".", "\\.") + "$")
                .measurementIterations(Math.max(settings.iterations(), 8))
                .jvmArgsAppend("-XX:StartFlightRecording=delay=" + delay + "s,settings=profile,filename=" + jfr)
                .output(out.resolve("profile-" + id + ".log").toString());
        miss.params().forEach(b::param);
        new Runner(b.build()).run();
        if (!Files.exists(jfr)) {
            return "#### " + miss.what() + "\n\nno recording was written (" + jfr + ").\n\n";
        }
        return "#### " + miss.what() + " (`" + miss.benchmark() + "` " + new java.util.TreeMap<>(miss.params())
                + ")\n\n" + summarise(jfr) + "\n";
    }

    /** Top methods by self and inclusive samples of the benchmark thread. */
    static String summarise(Path jfr) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty() || frames.stream().noneMatch(f -> name(f).contains("jmh_generated"))) {
                continue; // not the benchmark thread
            }
            total++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        if (total == 0) {
            return "no samples of the benchmark thread were recorded.\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(" samples of the benchmark thread.\n\n");
        sb.append("| self % | method (top frame) |\n|--:|---|\n");
        for (Map.Entry<String, Integer> e : top(self)) {
            sb.append(String.format(Locale.ROOT, "| %.1f | `%s` |%n", 100.0 * e.getValue() / total, e.getKey()));
        }
        sb.append("\n| incl. % | method (anywhere on the stack; criconf and snakeyaml code) |\n|--:|---|\n");
        Map<String, Integer> ours = new HashMap<>();
        for (Map.Entry<String, Integer> e : inclusive.entrySet()) {
            String k = e.getKey();
            if ((k.startsWith("dev.criconf.io") || k.startsWith("org.snakeyaml")) && e.getValue() < total) {
                ours.put(k, e.getValue());
            }
        }
        for (Map.Entry<String, Integer> e : top(ours)) {
            sb.append(String.format(Locale.ROOT, "| %.1f | `%s` |%n", 100.0 * e.getValue() / total, e.getKey()));
        }
        return sb.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list.subList(0, Math.min(TOP, list.size()));
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
