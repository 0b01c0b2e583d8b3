package dev.criconf.bench;

import dev.criconf.bench.BenchMain.Figure;
import dev.criconf.bench.BenchMain.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one run's figures into Markdown tables and target verdicts. */
final class Report {

    /** A missed target: which benchmark and input to profile, and what was missed. */
    record Miss(String benchmark, Map<String, String> params, String what) {}

    /** A line of the summary table at the top of RESULTS.md. */
    record Row(String what, String measured, String target, boolean met, boolean metOnCpu) {

        Row(String what, String measured, String target, boolean met) {
            this(what, measured, target, met, met);
        }

        String markdown() {
            String verdict = met ? "met" : metOnCpu ? "**missed** on the wall clock; met on CPU time (machine load)" : "**missed**";
            return "| " + what + " | " + measured + " | " + target + " | " + verdict + " |";
        }
    }

    static final double TOML_MBPS_TARGET = 40.0;
    static final double TOML_VS_TOMLJ_TARGET = 6.0;
    static final double EDIT_VS_PARSE_TARGET = 3.0;
    static final double YAML_VS_SNAKEYAML_TARGET = 0.7;

    private final Figures figures;
    private final List<Miss> misses = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    Report(Figures figures) {
        this.figures = figures;
    }

    List<Miss> misses() {
        return List.copyOf(misses);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String render() {
        misses.clear();
        rows.clear();
        StringBuilder sb = new StringBuilder();
        tomlParse(sb);
        tomlEdit(sb);
        yamlParse(sb);
        sweep(sb);
        return sb.toString();
    }

    // ---------------------------------------------------------------- sections

    private static final String TOML = "TomlParseBenchmark.parse";
    private static final String EDIT = "TomlEditBenchmark.run";
    private static final String YAML = "YamlParseBenchmark.parse";

    private void tomlParse(StringBuilder sb) {
        List<String> inputs = figures.values(TOML, "input", "parser", "criconf-print");
        if (inputs.isEmpty()) {
            return;
        }
        sb.append("### TOML lossless parse (+ unedited print)\n\n");
        sb.append("Targets: >= ").append(fmt(TOML_MBPS_TARGET)).append(" MB/s and >= ").append(fmt(TOML_VS_TOMLJ_TARGET))
                .append("x tomlj 2.x `Toml.parse` in the same run. jackson-dataformat-toml `readTree` is a read-only "
                        + "reference (it keeps no comments or layout). All parse from the file's bytes; the parsers of "
                        + "one input run back to back.\n\n");
        sb.append("| input | bytes | criconf parse+print µs | criconf MB/s | tomlj µs | tomlj MB/s | criconf speed / tomlj "
                + "| jackson µs | jackson MB/s | criconf parse+view µs |\n");
        sb.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        List<String> verdicts = new ArrayList<>();
        for (String input : inputs) {
            Inputs.Input in = Inputs.toml(input);
            int bytes = in.bytes().length;
            Figure c = figures.get(TOML, "input", input, "parser", "criconf-print");
            Figure t = figures.get(TOML, "input", input, "parser", "tomlj");
            Figure j = figures.get(TOML, "input", input, "parser", "jackson");
            Figure v = figures.get(TOML, "input", input, "parser", "criconf-view");
            sb.append("| ").append(in.description()).append(" | ").append(bytes)
                    .append(" | ").append(micros(c)).append(" | ").append(mbps(bytes, c))
                    .append(" | ").append(micros(t)).append(" | ").append(mbps(bytes, t))
                    .append(" | ").append(speedRatio(t, c))
                    .append(" | ").append(micros(j)).append(" | ").append(mbps(bytes, j))
                    .append(" | ").append(micros(v)).append(" |\n");
            double mb = bytes / c.micros();
            rows.add(new Row("TOML parse+print, " + input, mbps(bytes, c) + " MB/s" + cpuNote(bytes / c.cpuMicros(), " MB/s"),
                    ">= " + fmt(TOML_MBPS_TARGET) + " MB/s", mb >= TOML_MBPS_TARGET, bytes / c.cpuMicros() >= TOML_MBPS_TARGET));
            verdicts.add(verdict(mb >= TOML_MBPS_TARGET, input + ": " + fmt(mb) + " MB/s vs >= " + fmt(TOML_MBPS_TARGET),
                    shortBy(mb, TOML_MBPS_TARGET)));
            Map<String, String> params = Map.of("input", input, "parser", "criconf-print");
            if (mb < TOML_MBPS_TARGET) {
                misses.add(new Miss("TomlParseBenchmark.parse", params, "TOML MB/s on " + input));
            }
            if (t != null) {
                double ratio = t.micros() / c.micros();
                rows.add(new Row("TOML parse+print vs tomlj, " + input, ratioText(t, c)
                        + cpuNote(t.cpuMicros() / c.cpuMicros(), "x"), ">= " + fmt(TOML_VS_TOMLJ_TARGET) + "x",
                        ratio >= TOML_VS_TOMLJ_TARGET, t.cpuMicros() / c.cpuMicros() >= TOML_VS_TOMLJ_TARGET));
                verdicts.add(verdict(ratio >= TOML_VS_TOMLJ_TARGET, input + ": " + fmt(ratio) + "x tomlj vs >= "
                        + fmt(TOML_VS_TOMLJ_TARGET) + "x", shortBy(ratio, TOML_VS_TOMLJ_TARGET)));
                if (ratio < TOML_VS_TOMLJ_TARGET && mb >= TOML_MBPS_TARGET) {
                    misses.add(new Miss("TomlParseBenchmark.parse", params, "TOML vs tomlj on " + input));
                }
            }
        }
        sb.append('\n');
        cpuTable(sb, TOML, inputs, name -> Inputs.toml(name).bytes().length,
                List.of("criconf-print", "criconf-view", "tomlj", "jackson"), "tomlj");
        allocations(sb, TOML, inputs, name -> Inputs.toml(name).bytes().length,
                List.of("criconf-print", "criconf-view", "tomlj", "jackson"));
        verdicts(sb, verdicts);
    }

    private void tomlEdit(StringBuilder sb) {
        Figure parse = figures.get(EDIT, "operation", "parse");
        Figure edit = figures.get(EDIT, "operation", "edit");
        Figure both = figures.get(EDIT, "operation", "parse-then-edit");
        if (parse == null || edit == null) {
            return;
        }
        int bytes = Inputs.toml("synthetic-60k").bytes().length;
        sb.append("### TOML single-value edit, re-parse verification included\n\n");
        sb.append("The 60 KB synthetic containerd config (").append(bytes).append(" bytes); the edit sets "
                + "`plugins.\"io.containerd.grpc.v1.cri\".sandbox_image` on a document already parsed and read "
                + "(its view built once), which splices the value, parses the whole result again and compares it "
                + "with the intended value everywhere. Target: edit <= ").append(fmt(EDIT_VS_PARSE_TARGET))
                .append("x one parse.\n\n");
        sb.append("| operation | µs | CPU µs | allocated per op |\n|---|--:|--:|--:|\n");
        sb.append("| one parse | ").append(micros(parse)).append(" | ").append(fmt(parse.cpuMicros())).append(" | ")
                .append(alloc(parse)).append(" |\n");
        sb.append("| edit (document already read) | ").append(micros(edit)).append(" | ").append(fmt(edit.cpuMicros()))
                .append(" | ").append(alloc(edit)).append(" |\n");
        if (both != null) {
            sb.append("| parse, then edit | ").append(micros(both)).append(" | ").append(fmt(both.cpuMicros()))
                    .append(" | ").append(alloc(both)).append(" |\n");
        }
        sb.append('\n');
        double ratio = edit.micros() / parse.micros();
        rows.add(new Row("TOML edit / one parse, synthetic-60k", micros(edit) + " µs / " + micros(parse) + " µs = "
                + ratioText(edit, parse) + cpuNote(edit.cpuMicros() / parse.cpuMicros(), "x"),
                "<= " + fmt(EDIT_VS_PARSE_TARGET) + "x", ratio <= EDIT_VS_PARSE_TARGET,
                edit.cpuMicros() / parse.cpuMicros() <= EDIT_VS_PARSE_TARGET));
        List<String> verdicts = new ArrayList<>();
        verdicts.add(verdict(ratio <= EDIT_VS_PARSE_TARGET, "edit / parse = " + ratioText(edit, parse) + " vs <= "
                + fmt(EDIT_VS_PARSE_TARGET) + "x", overBy(ratio, EDIT_VS_PARSE_TARGET)));
        if (both != null) {
            verdicts.add("(information) parse-then-edit / parse = " + ratioText(both, parse));
        }
        if (ratio > EDIT_VS_PARSE_TARGET) {
            misses.add(new Miss(EDIT, Map.of("operation", "edit"), "TOML edit vs parse"));
        }
        verdicts(sb, verdicts);
    }

    private void yamlParse(StringBuilder sb) {
        List<String> inputs = figures.values(YAML, "input", "parser", "criconf");
        if (inputs.isEmpty()) {
            return;
        }
        sb.append("### YAML lossless parse\n\n");
        sb.append("Target: >= ").append(fmt(YAML_VS_SNAKEYAML_TARGET)).append("x the speed of snakeyaml-engine `Parse` "
                + "events alone (same settings: marks on, comments off), both from the file's bytes, back to back. "
                + "Judged on the 60 KB multi-document kubeadm/kubelet file; the largest corpus kubelet file is shown "
                + "for information.\n\n");
        sb.append("| input | bytes | criconf µs | criconf MB/s | snakeyaml events µs | snakeyaml MB/s | criconf speed / snakeyaml |\n");
        sb.append("|---|--:|--:|--:|--:|--:|--:|\n");
        List<String> verdicts = new ArrayList<>();
        for (String input : inputs) {
            Inputs.Input in = Inputs.yaml(input);
            int bytes = in.bytes().length;
            Figure c = figures.get(YAML, "input", input, "parser", "criconf");
            Figure s = figures.get(YAML, "input", input, "parser", "snakeyaml-events");
            sb.append("| ").append(in.description()).append(" | ").append(bytes)
                    .append(" | ").append(micros(c)).append(" | ").append(mbps(bytes, c))
                    .append(" | ").append(micros(s)).append(" | ").append(mbps(bytes, s))
                    .append(" | ").append(speedRatio(s, c)).append(" |\n");
            if (s != null && input.equals("synthetic-60k")) {
                double ratio = s.micros() / c.micros();
                rows.add(new Row("YAML parse vs snakeyaml events, " + input, mbps(bytes, c) + " MB/s vs " + mbps(bytes, s)
                        + " MB/s = " + ratioText(s, c) + cpuNote(s.cpuMicros() / c.cpuMicros(), "x"),
                        ">= " + fmt(YAML_VS_SNAKEYAML_TARGET) + "x", ratio >= YAML_VS_SNAKEYAML_TARGET,
                        s.cpuMicros() / c.cpuMicros() >= YAML_VS_SNAKEYAML_TARGET));
                verdicts.add(verdict(ratio >= YAML_VS_SNAKEYAML_TARGET, input + ": " + fmt(ratio) + "x snakeyaml vs >= "
                        + fmt(YAML_VS_SNAKEYAML_TARGET) + "x", shortBy(ratio, YAML_VS_SNAKEYAML_TARGET)));
                if (ratio < YAML_VS_SNAKEYAML_TARGET) {
                    misses.add(new Miss(YAML, Map.of("input", input, "parser", "criconf"), "YAML vs snakeyaml on " + input));
                }
            }
        }
        sb.append('\n');
        cpuTable(sb, YAML, inputs, name -> Inputs.yaml(name).bytes().length, List.of("criconf", "snakeyaml-events"),
                "snakeyaml-events");
        allocations(sb, YAML, inputs, name -> Inputs.yaml(name).bytes().length, List.of("criconf", "snakeyaml-events"));
        verdicts(sb, verdicts);
    }

    private void sweep(StringBuilder sb) {
        List<String> tomlSizes = figures.values("SizeSweepBenchmark.toml", "size");
        List<String> yamlSizes = figures.values("SizeSweepBenchmark.yaml", "size");
        if (tomlSizes.isEmpty() && yamlSizes.isEmpty()) {
            return;
        }
        sb.append("### Parse time vs file size\n\n");
        sb.append("Synthetic files of the same kind of sections (containerd TOML; kubeadm/kubelet YAML), 1 KB to 4 MB. "
                + "Linear growth means constant ns per byte; *k* is the exponent of a least-squares fit "
                + "time ∝ size^k (k = 1 is linear, k < 1 means a fixed cost per file still shows).\n\n");
        for (String format : List.of("toml", "yaml")) {
            List<String> sizes = format.equals("toml") ? tomlSizes : yamlSizes;
            if (sizes.isEmpty()) {
                continue;
            }
            String label = format.toUpperCase(Locale.ROOT);
            sb.append("| ").append(label).append(" target size | bytes | µs | MB/s | ns/byte | CPU ns/byte "
                    + "| allocated bytes per input byte |\n");
            sb.append("|--:|--:|--:|--:|--:|--:|--:|\n");
            List<double[]> points = new ArrayList<>();
            List<double[]> cpuPoints = new ArrayList<>();
            for (String size : sizes) {
                String name = "size-" + size;
                int bytes = (format.equals("toml") ? Inputs.toml(name) : Inputs.yaml(name)).bytes().length;
                Figure f = figures.get("SizeSweepBenchmark." + format, "size", size);
                points.add(new double[] {bytes, f.micros()});
                cpuPoints.add(new double[] {bytes, f.cpuMicros()});
                sb.append("| ").append(human(Integer.parseInt(size))).append(" | ").append(bytes)
                        .append(" | ").append(micros(f)).append(" | ").append(mbps(bytes, f))
                        .append(" | ").append(fmt(f.micros() * 1000 / bytes))
                        .append(" | ").append(fmt(f.cpuMicros() * 1000 / bytes))
                        .append(" | ").append(Double.isNaN(f.allocBytes()) ? "-" : fmt(f.allocBytes() / bytes)).append(" |\n");
            }
            double kAll = slope(points);
            double kLarge = slope(points.subList(Math.min(1, points.size() - 1), points.size()));
            double kCpu = slope(cpuPoints.subList(Math.min(1, cpuPoints.size() - 1), cpuPoints.size()));
            rows.add(new Row(label + " parse time vs size (1 KB..4 MB)", "k = " + fmt(kLarge)
                    + " from 8 KB up (" + fmt(kAll) + " overall; CPU time: " + fmt(kCpu) + ")", "linear (k <= 1.1)",
                    kLarge <= 1.1, kCpu <= 1.1));
            sb.append('\n').append(label).append(": k = ").append(fmt(kAll))
                    .append(" over all sizes, k = ").append(fmt(kLarge)).append(" from 8 KB up (CPU time: k = ")
                    .append(fmt(kCpu)).append("): ")
                    .append(kLarge >= 0.9 && kLarge <= 1.1 ? "**linear**" : kLarge > 1.1 ? "**super-linear**" : "sub-linear")
                    .append(".\n\n");
        }
    }

    // ---------------------------------------------------------------- helpers

    private void allocations(StringBuilder sb, String benchmark, List<String> inputs,
            java.util.function.ToIntFunction<String> size, List<String> parsers) {
        sb.append("Allocated bytes per input byte (`gc.alloc.rate.norm` / size): ");
        List<String> parts = new ArrayList<>();
        for (String input : inputs) {
            List<String> each = new ArrayList<>();
            for (String parser : parsers) {
                Figure f = figures.get(benchmark, "input", input, "parser", parser);
                if (f != null && !Double.isNaN(f.allocBytes())) {
                    each.add(parser + " " + fmt(f.allocBytes() / size.applyAsInt(input)));
                }
            }
            parts.add(input + ": " + String.join(", ", each));
        }
        sb.append(String.join("; ", parts)).append(".\n\n");
    }

    /** CPU-time figures of a benchmark's parsers per input, and each one's speed relative to a peer's. */
    private void cpuTable(StringBuilder sb, String benchmark, List<String> inputs,
            java.util.function.ToIntFunction<String> size, List<String> parsers, String peer) {
        sb.append("CPU time per operation (µs; MB/s; speed relative to ").append(peer).append("):\n\n| input |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String parser : parsers) {
            sb.append(' ').append(parser).append(" |");
            rule.append("--:|");
        }
        sb.append('\n').append(rule).append('\n');
        for (String input : inputs) {
            sb.append("| ").append(input).append(" |");
            Figure p = figures.get(benchmark, "input", input, "parser", peer);
            for (String parser : parsers) {
                Figure f = figures.get(benchmark, "input", input, "parser", parser);
                if (f == null || Double.isNaN(f.cpuMicros())) {
                    sb.append(" - |");
                    continue;
                }
                sb.append(' ').append(fmt(f.cpuMicros())).append("; ").append(fmt(size.applyAsInt(input) / f.cpuMicros()));
                if (p != null && !parser.equals(peer)) {
                    sb.append("; ").append(fmt(p.cpuMicros() / f.cpuMicros())).append('x');
                }
                sb.append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }

    private static String cpuNote(double value, String unit) {
        return Double.isNaN(value) ? "" : " (CPU time: " + fmt(value) + unit + ")";
    }

    private static void verdicts(StringBuilder sb, List<String> verdicts) {
        for (String v : verdicts) {
            sb.append("- ").append(v).append('\n');
        }
        sb.append('\n');
    }

    private static String verdict(boolean met, String figure, String gap) {
        return (met ? "**met**: " : "**MISSED**: ") + figure + (met ? "" : " (" + gap + ")");
    }

    private static String shortBy(double value, double target) {
        return String.format(Locale.ROOT, "%.0f %% short; needs %.2fx faster", 100 * (1 - value / target), target / value);
    }

    private static String overBy(double value, double target) {
        return String.format(Locale.ROOT, "%.0f %% over; needs %.2fx faster", 100 * (value / target - 1), value / target);
    }

    private static String micros(Figure f) {
        if (f == null) {
            return "-";
        }
        return fmt(f.micros()) + " ± " + fmt(Double.isNaN(f.error()) ? 0 : f.error());
    }

    private static String mbps(int bytes, Figure f) {
        if (f == null) {
            return "-";
        }
        double mb = bytes / f.micros();
        return fmt(mb) + " ± " + fmt(mb * f.relativeError());
    }

    /** How many times faster {@code ours} is than {@code peer}, with error. */
    private static String speedRatio(Figure peer, Figure ours) {
        if (peer == null || ours == null) {
            return "-";
        }
        return ratioText(peer, ours);
    }

    private static String ratioText(Figure num, Figure den) {
        double r = num.micros() / den.micros();
        double rel = Math.hypot(num.relativeError(), den.relativeError());
        return fmt(r) + "x ± " + fmt(r * rel);
    }

    private static String alloc(Figure f) {
        return Double.isNaN(f.allocBytes()) ? "-" : String.format(Locale.ROOT, "%,.0f B", f.allocBytes());
    }

    private static String human(int bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    /** Least-squares slope of log(time) against log(size). */
    static double slope(List<double[]> points) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            double x = Math.log(p[0]);
            double y = Math.log(p[1]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
