package dev.criconf.model.kubelet;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.catalog.FlagValueKind;
import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.catalog.KubeletFieldCatalog.Field;
import dev.criconf.model.catalog.KubeletFieldCatalog.FieldType;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The kubelet's configuration as the kubelet computes it, each setting with the chain of values
 * behind it: built-in default of the target release &lt; {@code --config} file &lt; {@code --config-dir}
 * drop-ins (lexical order, JSON merge patch: maps merge key by key, lists and scalars are replaced,
 * {@code null} removes) &lt; command-line flags (the kubelet parses the command line again over the
 * loaded configuration: a scalar flag's last occurrence wins; the first occurrence of a map flag
 * replaces the configured map and later ones add keys; {@code --feature-gates} merges gate by gate;
 * the first occurrence of a list flag replaces the list and later ones append).
 *
 * <p>{@code evictionHard} follows the kubelet's loader: its defaults apply only while no file sets
 * the map (unless {@code mergeDefaultEvictionSettings} is true in the config file), and drop-ins merge
 * into whatever is in effect. Defaults are Linux defaults. The cgroup driver the runtime reports
 * ({@code KubeletCgroupDriverFromCRI}) is not applied here; rules weigh it.
 *
 * <p>Sources: kubernetes/kubernetes {@code cmd/kubelet/app/server.go} ({@code loadConfigFile},
 * {@code mergeKubeletConfigurations}, {@code kubeletConfigFlagPrecedence}); research sheet
 * {@code kubelet-kubeadm.md} §3, §11.
 *
 * @param version     the release whose defaults and fields apply
 * @param configFile  the {@code --config} file, when there is one
 * @param dropInFiles the drop-in files in the order applied
 * @param settings    every field of the release by dotted path, in struct order
 * @param flagOnly    flags that set no configuration field (e.g. {@code node-ip}, {@code pod-infra-container-image},
 *                    and flags criconf does not know), by name, last occurrence
 * @param problems    flag values the kubelet cannot parse (it exits), located at the value, in command-line order
 */
public record EffectiveKubeletConfig(KubernetesVersion version, Optional<String> configFile, List<String> dropInFiles,
        Map<String, EffectiveSetting> settings, Map<String, Setting<String>> flagOnly, List<Problem> problems) {

    /** Rejects nulls and copies the collections, keeping order. */
    public EffectiveKubeletConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(configFile, "configFile");
        dropInFiles = List.copyOf(dropInFiles);
        // compute's own map is read-only and private to the result: no copy needed
        settings = settings instanceof PlannedSettings ? settings
                : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        flagOnly = Collections.unmodifiableMap(new LinkedHashMap<>(flagOnly));
        problems = List.copyOf(problems);
    }

    /** A setting by dotted path. */
    public Optional<EffectiveSetting> setting(String path) {
        return Optional.ofNullable(settings.get(path));
    }

    /** The effective {@code cgroupDriver} as text (the kubelet uses systemd only for exactly {@code systemd}). */
    public Optional<Setting<String>> cgroupDriver() {
        return setting("cgroupDriver").flatMap(EffectiveSetting::asString);
    }

    /**
     * The effective runtime endpoint: the field (1.27+) or {@code --container-runtime-endpoint};
     * before 1.27 the flag only.
     */
    public Optional<Setting<String>> containerRuntimeEndpoint() {
        Optional<Setting<String>> s = setting("containerRuntimeEndpoint").flatMap(EffectiveSetting::asString);
        return s.or(() -> Optional.ofNullable(flagOnly.get("container-runtime-endpoint")));
    }

    /** The effective image service endpoint: the runtime endpoint when unset or empty. */
    public Optional<Setting<String>> imageServiceEndpoint() {
        Optional<Setting<String>> s = setting("imageServiceEndpoint").flatMap(EffectiveSetting::asString)
                .filter(x -> !x.value().isEmpty())
                .or(() -> Optional.ofNullable(flagOnly.get("image-service-endpoint")));
        return s.or(this::containerRuntimeEndpoint);
    }

    /** A feature gate's effective value, when a file or flag sets it. */
    public Optional<Setting<Boolean>> featureGate(String gate) {
        return setting("featureGates").flatMap(s -> Optional.ofNullable(s.mapEntries().get(gate)))
                .map(e -> e.map(Boolean::parseBoolean));
    }

    /** The effective {@code evictionHard} thresholds, defaults included. */
    public Map<String, Setting<String>> evictionHard() {
        return setting("evictionHard").map(EffectiveSetting::mapEntries).orElse(Map.of());
    }

    /** {@code --pod-infra-container-image}, when given. */
    public Optional<Setting<String>> podInfraContainerImage() {
        return Optional.ofNullable(flagOnly.get("pod-infra-container-image"));
    }

    /**
     * Computes the effective configuration.
     *
     * @param version    the kubelet release (defaults and fields of this release apply); callers that
     *                   do not know it pass an assumed one and say so
     * @param configFile the {@code --config} file
     * @param dropIns    the {@code --config-dir} drop-ins, in the order the kubelet applies them
     * @param flags      the command line
     */
    public static EffectiveKubeletConfig compute(KubernetesVersion version, Optional<KubeletConfiguration> configFile,
            List<KubeletConfiguration> dropIns, Optional<KubeletFlags> flags) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(flags, "flags");
        List<Problem> problems = new ArrayList<>();
        Map<CommandLineFlag, Integer> position = new java.util.IdentityHashMap<>();
        LinePlan line = LinePlan.of(version);
        // the flags of each field, by the field's position in the line; made when a flag sets a field
        List<CommandLineFlag>[] byField = null;
        Map<String, Setting<String>> flagOnly = new LinkedHashMap<>();
        for (CommandLineFlag f : flags.map(KubeletFlags::flags).orElse(List.of())) {
            position.put(f, position.size());
            Optional<KubeletFlagCatalog.Flag> spec = KubeletFlagCatalog.find(f.name());
            Optional<Field> field = spec.flatMap(KubeletFlagCatalog.Flag::configField).flatMap(KubeletFieldCatalog::find);
            if (field.isPresent() && field.get().existsIn(version)) {
                if (byField == null) {
                    byField = newFlagLists(line.plans().size());
                }
                int at = line.index().get(field.get().path());
                if (byField[at] == null) {
                    byField[at] = new ArrayList<>(2);
                }
                byField[at].add(f);
            } else if (field.isPresent() && spec.get().existsIn(version)) {
                // a flag older than its field (e.g. --container-runtime-endpoint before 1.27)
                flagOnly.put(f.name(), f.asSetting());
            } else if (field.isEmpty()) {
                flagOnly.put(f.name(), f.asSetting());
            }
        }
        boolean mergeEvictionDefaults = configFile
                .flatMap(KubeletConfiguration::mergeDefaultEvictionSettings).map(Setting::value).orElse(false);
        EffectiveSetting[] settings = new EffectiveSetting[line.plans().size()];
        List<Map.Entry<Integer, Problem>> flagProblems = new ArrayList<>();
        // a field is looked up in a file only when the file has its top-level key (most fields are in
        // no file); which fields those are is found from the file's few keys, not by asking each field
        boolean[] fileKeys = configFile.map(c -> fieldsUnder(line, c.tree())).orElse(null);
        List<boolean[]> dropInKeys = new ArrayList<>(dropIns.size());
        for (KubeletConfiguration d : dropIns) {
            dropInKeys.add(fieldsUnder(line, d.tree()));
        }
        for (int p = 0; p < settings.length; p++) {
            FieldPlan plan = line.plans().get(p);
            List<CommandLineFlag> fieldFlags = byField == null ? null : byField[p];
            if (fieldFlags == null && !inAnyFile(p, fileKeys, dropInKeys)) {
                // nothing sets the field: the setting is its release default, the same every time
                settings[p] = plan.untouched();
                continue;
            }
            Accumulator acc = new Accumulator(plan);
            if (fileKeys != null && fileKeys[p]) {
                acc.file(configFile.get(), mergeEvictionDefaults);
            }
            for (int i = 0; i < dropIns.size(); i++) {
                if (dropInKeys.get(i)[p]) {
                    acc.dropIn(dropIns.get(i));
                }
            }
            boolean first = true;
            for (CommandLineFlag f : fieldFlags == null ? List.<CommandLineFlag>of() : fieldFlags) {
                List<Problem> found = new ArrayList<>();
                acc.flag(f, first, found);
                for (Problem problem : found) {
                    flagProblems.add(Map.entry(position.get(f), problem));
                }
                first = false;
            }
            settings[p] = acc.result();
        }
        flagProblems.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Integer, Problem> e : flagProblems) {
            problems.add(e.getValue());
        }
        List<String> dropInFiles = new ArrayList<>();
        for (KubeletConfiguration d : dropIns) {
            dropInFiles.add(d.file());
        }
        return new EffectiveKubeletConfig(version, configFile.map(KubeletConfiguration::file), dropInFiles,
                new PlannedSettings(line, settings), flagOnly, problems);
    }

    @SuppressWarnings("unchecked")
    private static List<CommandLineFlag>[] newFlagLists(int fields) {
        return (List<CommandLineFlag>[]) new List<?>[fields];
    }

    private static boolean inAnyFile(int field, boolean[] fileKeys, List<boolean[]> dropInKeys) {
        if (fileKeys != null && fileKeys[field]) {
            return true;
        }
        for (boolean[] keys : dropInKeys) {
            if (keys[field]) {
                return true;
            }
        }
        return false;
    }

    /** Marks, by position in the line, the fields whose path starts with a top-level key of the tree. */
    private static boolean[] fieldsUnder(LinePlan line, ConfigTable tree) {
        boolean[] out = new boolean[line.plans().size()];
        for (ConfigEntry e : tree.entries()) {
            int[] fields = line.byTopKey().get(e.key());
            if (fields != null) {
                for (int f : fields) {
                    out[f] = true;
                }
            }
        }
        return out;
    }

    /**
     * What {@code compute} needs of one catalog field in one release line, made once per line (the
     * catalog's {@code existsIn} and defaults read only major and minor): the path split at its dots,
     * the default and, for map fields, the default's entries.
     */
    private record FieldPlan(Field field, String[] pathParts, Optional<Setting<String>> defaultValue,
            Map<String, Setting<String>> defaultEntries, EffectiveSetting untouched) {
    }

    /**
     * The fields of one release line in struct order, with each path's position: the settings map of
     * a result is an array in this order. {@code untouched} is the setting of a field nothing sets
     * (what the {@link Accumulator} gives without contributions); it is immutable and made from the
     * catalog alone, so every result of the line shares it.
     */
    private record LinePlan(List<FieldPlan> plans, Map<String, Integer> index, Map<String, int[]> byTopKey) {

        /** Plans by {@code major * 1000 + minor}; bounded, as versions come from the files read. */
        private static final Map<Integer, LinePlan> BY_LINE = new java.util.concurrent.ConcurrentHashMap<>();
        private static final int MAX_LINES = 256;

        static LinePlan of(KubernetesVersion version) {
            int key = version.major() * 1000 + version.minor();
            LinePlan line = BY_LINE.get(key);
            if (line == null) {
                line = make(version);
                if (BY_LINE.size() < MAX_LINES) {
                    BY_LINE.putIfAbsent(key, line);
                }
            }
            return line;
        }

        private static LinePlan make(KubernetesVersion version) {
            List<FieldPlan> out = new ArrayList<>();
            Map<String, Integer> index = new java.util.HashMap<>();
            for (Field f : KubeletFieldCatalog.all()) {
                if (!f.existsIn(version)) {
                    continue;
                }
                Optional<Setting<String>> d = f.defaultIn(version);
                Map<String, Setting<String>> entries = f.type().isMap() && d.isPresent()
                        ? Collections.unmodifiableMap(Accumulator.defaultEntries(d.get())) : Map.of();
                EffectiveSetting untouched = new EffectiveSetting(f.path(), f.type(), d, List.of(), Optional.empty(), entries);
                index.put(f.path(), out.size());
                out.add(new FieldPlan(f, f.path().split("\\."), d, entries, untouched));
            }
            Map<String, List<Integer>> under = new java.util.HashMap<>();
            for (int i = 0; i < out.size(); i++) {
                under.computeIfAbsent(out.get(i).pathParts()[0], k -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> byTopKey = new java.util.HashMap<>();
            under.forEach((k, v) -> byTopKey.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            // a HashMap, not Map.copyOf: get(null) and get of another type must answer null as before
            return new LinePlan(List.copyOf(out), Collections.unmodifiableMap(index), byTopKey);
        }
    }

    /**
     * The settings of one result: read-only, in struct order, looked up through the line's index
     * instead of a map built per node. Equal to (and printed as) the map of the same entries.
     */
    private static final class PlannedSettings extends java.util.AbstractMap<String, EffectiveSetting> {
        private final LinePlan line;
        private final EffectiveSetting[] values;

        PlannedSettings(LinePlan line, EffectiveSetting[] values) {
            this.line = line;
            this.values = values;
        }

        @Override
        public EffectiveSetting get(Object key) {
            Integer i = line.index().get(key);
            return i == null ? null : values[i];
        }

        @Override
        public boolean containsKey(Object key) {
            return line.index().containsKey(key);
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Set<Map.Entry<String, EffectiveSetting>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, EffectiveSetting>> iterator() {
                    return new java.util.Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < values.length;
                        }

                        @Override
                        public Map.Entry<String, EffectiveSetting> next() {
                            if (next >= values.length) {
                                throw new java.util.NoSuchElementException();
                            }
                            EffectiveSetting v = values[next];
                            return new java.util.AbstractMap.SimpleImmutableEntry<>(line.plans().get(next++).field().path(), v);
                        }
                    };
                }

                @Override
                public int size() {
                    return values.length;
                }
            };
        }
    }

    /**
     * The setting an {@link Accumulator} gives a field nothing sets, for tests that check it
     * against the shared {@code untouched} one; empty when the field is not in the release.
     */
    static Optional<EffectiveSetting> accumulatedDefault(KubernetesVersion version, String path) {
        LinePlan line = LinePlan.of(version);
        Integer i = line.index().get(path);
        return i == null ? Optional.empty() : Optional.of(new Accumulator(line.plans().get(i)).result());
    }

    /** Folds the contributions of one field. */
    private static final class Accumulator {
        private final Field field;
        private final String[] pathParts;
        private final Optional<Setting<String>> defaultValue;
        // most fields get no contribution: the list and the maps are only made for those that do
        private List<Setting<ConfigValue>> contributions = List.of();
        private ConfigValue explicit;
        private Source explicitSource;
        // map fields: every entry in effect; explicitEntries holds the ConfigValues of the explicit ones
        private Map<String, Setting<String>> entries;
        private Map<String, ConfigValue> explicitEntries;
        private boolean mapSetExplicitly;

        Accumulator(FieldPlan plan) {
            this.field = plan.field();
            this.pathParts = plan.pathParts();
            this.defaultValue = plan.defaultValue();
            if (field.type().isMap()) {
                entries = new LinkedHashMap<>(plan.defaultEntries());
                explicitEntries = new LinkedHashMap<>();
            } else {
                // clear() and remove() of these are no-ops; writes go through mutableMaps()
                entries = Collections.emptyMap();
                explicitEntries = Collections.emptyMap();
            }
        }

        private void contribute(Setting<ConfigValue> s) {
            if (contributions.isEmpty()) {
                contributions = new ArrayList<>(2);
            }
            contributions.add(s);
        }

        /** The entry maps, made mutable on the first write (non-map fields start with empty ones). */
        private void mutableMaps() {
            if (!(entries instanceof LinkedHashMap)) {
                entries = new LinkedHashMap<>(entries);
                explicitEntries = new LinkedHashMap<>(explicitEntries);
            }
        }

        private static Map<String, Setting<String>> defaultEntries(Setting<String> d) {
            Map<String, Setting<String>> out = new LinkedHashMap<>();
            for (String pair : d.value().split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), new Setting<>(pair.substring(eq + 1), d.source()));
                }
            }
            return out;
        }

        private Optional<ConfigValue> lookup(ConfigTable tree) {
            ConfigValue current = tree;
            for (String part : pathParts) {
                if (current instanceof ConfigNull) {
                    return Optional.of(current);
                }
                Optional<ConfigValue> next = current.asTable().flatMap(t -> t.get(part));
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                current = next.get();
            }
            return Optional.of(current);
        }

        void file(KubeletConfiguration c, boolean mergeEvictionDefaults) {
            Optional<ConfigValue> v = lookup(c.tree()).filter(x -> !(x instanceof ConfigNull));
            if (v.isEmpty()) {
                return;
            }
            contribute(Setting.inFile(v.get(), v.get().origin()));
            if (field.type().isMap() && v.get() instanceof ConfigTable t) {
                if (!(field.path().equals("evictionHard") && mergeEvictionDefaults)) {
                    entries.clear();
                }
                mergeTable(t);
                mapSetExplicitly = true;
                explicitSource = new Source.InFile(t.origin());
            } else {
                setExplicit(v.get(), new Source.InFile(v.get().origin()));
            }
        }

        void dropIn(KubeletConfiguration d) {
            Optional<ConfigValue> v = lookup(d.tree());
            if (v.isEmpty()) {
                return;
            }
            contribute(Setting.inFile(v.get(), v.get().origin()));
            if (v.get() instanceof ConfigNull) {
                explicit = null;
                explicitSource = null;
                entries.clear();
                explicitEntries.clear();
                mapSetExplicitly = false;
                return;
            }
            if (field.type().isMap() && v.get() instanceof ConfigTable t) {
                mergeTable(t);
                mapSetExplicitly = true;
                explicitSource = new Source.InFile(t.origin());
            } else {
                setExplicit(v.get(), new Source.InFile(v.get().origin()));
            }
        }

        private void mergeTable(ConfigTable t) {
            mutableMaps();
            for (ConfigEntry e : t.entries()) {
                if (e.value() instanceof ConfigNull) {
                    entries.remove(e.key());
                    explicitEntries.remove(e.key());
                } else {
                    entries.put(e.key(), Setting.inFile(scalarText(e.value()), e.value().origin()));
                    explicitEntries.put(e.key(), e.value());
                }
            }
        }

        private void setExplicit(ConfigValue v, Source source) {
            explicit = v;
            explicitSource = source;
        }

        void flag(CommandLineFlag f, boolean first, List<Problem> problems) {
            FlagValueKind kind = KubeletFlagCatalog.find(f.name()).map(KubeletFlagCatalog.Flag::kind).orElse(FlagValueKind.STRING);
            Origin at = f.valueOrigin().orElse(f.origin());
            Source source = new Source.Flag("--" + f.name(), f.origin());
            if (f.value().isEmpty() && kind != FlagValueKind.BOOLEAN) {
                problems.add(Problem.syntax(f.origin(), "flag needs an argument: --" + f.name()));
                return;
            }
            String text = f.value().orElse("true");
            switch (kind) {
                case BOOLEAN: {
                    Optional<Boolean> b = parseGoBool(text);
                    if (b.isEmpty()) {
                        problems.add(Problem.syntax(at, "invalid argument \"" + text + "\" for --" + f.name() + ": not a boolean"));
                        return;
                    }
                    add(new ConfigBoolean(b.get(), text, at), source);
                    return;
                }
                case INTEGER: {
                    if (!text.strip().matches("[-+]?[0-9]{1,18}")) {
                        problems.add(Problem.syntax(at, "invalid argument \"" + text + "\" for --" + f.name() + ": not an integer"));
                        return;
                    }
                    add(new ConfigInteger(new BigInteger(text.strip().replace("+", "")), text, at), source);
                    return;
                }
                case KEY_VALUE_MAP:
                case THRESHOLD_MAP:
                case FEATURE_GATES: {
                    char sep = kind == FlagValueKind.THRESHOLD_MAP ? '<' : '=';
                    ConfigTable.Builder b = ConfigTable.builder(at);
                    for (String pair : text.split(",")) {
                        if (pair.strip().isEmpty()) {
                            continue;
                        }
                        int i = pair.indexOf(sep);
                        if (i < 0) {
                            problems.add(Problem.syntax(at, "invalid argument \"" + text + "\" for --" + f.name()
                                    + ": malformed pair '" + pair.strip() + "', expected key" + sep + "value"));
                            return;
                        }
                        String k = pair.substring(0, i).strip();
                        String val = pair.substring(i + 1).strip();
                        if (kind == FlagValueKind.FEATURE_GATES) {
                            Optional<Boolean> gb = parseGoBool(val);
                            if (gb.isEmpty()) {
                                problems.add(Problem.syntax(at, "invalid value of " + k + "=" + val + " for --" + f.name() + ": not a boolean"));
                                return;
                            }
                            b.put(k, at, new ConfigBoolean(gb.get(), val, at));
                        } else {
                            b.put(k, at, new ConfigString(val, val, at));
                        }
                    }
                    ConfigTable t = b.build();
                    contribute(new Setting<>(t, source));
                    mutableMaps();
                    if (first && kind != FlagValueKind.FEATURE_GATES) {
                        entries.clear();
                        explicitEntries.clear();
                    }
                    for (ConfigEntry e : t.entries()) {
                        entries.put(e.key(), new Setting<>(scalarText(e.value()), source));
                        explicitEntries.put(e.key(), e.value());
                    }
                    mapSetExplicitly = true;
                    explicitSource = source;
                    return;
                }
                case LIST: {
                    List<ConfigValue> items = new ArrayList<>();
                    if (!first && explicit instanceof ConfigArray prev && explicitSource instanceof Source.Flag) {
                        items.addAll(prev.items());
                    }
                    for (String s : text.split(",")) {
                        if (!s.isEmpty()) {
                            items.add(new ConfigString(s, s, at));
                        }
                    }
                    contribute(new Setting<>(new ConfigString(text, text, at), source));
                    setExplicit(new ConfigArray(at, items), source);
                    return;
                }
                default:
                    add(new ConfigString(text, text, at), source);
            }
        }

        private void add(ConfigValue v, Source source) {
            contribute(new Setting<>(v, source));
            setExplicit(v, source);
        }

        EffectiveSetting result() {
            Optional<Setting<ConfigValue>> value;
            Map<String, Setting<String>> mapEntries = Map.of();
            if (field.type().isMap()) {
                mapEntries = entries;
                if (mapSetExplicitly) {
                    Origin origin = explicitSource.origin().orElseThrow();
                    ConfigTable.Builder b = ConfigTable.builder(origin);
                    for (Map.Entry<String, ConfigValue> e : explicitEntries.entrySet()) {
                        b.put(e.getKey(), e.getValue());
                    }
                    value = Optional.of(new Setting<>(b.build(), explicitSource));
                } else {
                    value = Optional.empty();
                }
            } else {
                value = explicit == null ? Optional.empty() : Optional.of(new Setting<>(explicit, explicitSource));
            }
            return new EffectiveSetting(field.path(), field.type(), defaultValue, contributions, value, mapEntries);
        }
    }

    private static String scalarText(ConfigValue v) {
        if (v instanceof ConfigString s) {
            return s.value();
        }
        if (v instanceof ConfigBoolean b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof ConfigInteger i) {
            return i.value().toString();
        }
        return dev.criconf.model.value.ConfigValues.render(v, 200);
    }

    // strconv.ParseBool
    private static Optional<Boolean> parseGoBool(String s) {
        switch (s) {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                return Optional.of(true);
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                return Optional.of(false);
            default:
                return Optional.empty();
        }
    }

    /** The type of a setting, for callers that print the chain. */
    public static Optional<FieldType> typeOf(String path) {
        return KubeletFieldCatalog.find(path).map(Field::type);
    }
}
