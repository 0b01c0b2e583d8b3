package dev.criconf.model.kubelet;

import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.catalog.KubeletFieldCatalog.FieldType;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One kubelet setting after the kubelet's merge: its default in the target release, every explicit
 * contribution in precedence order (config file, then drop-ins in lexical order, then flags in
 * command-line order), and the result.
 *
 * @param path          the field's dotted JSON path, e.g. {@code cgroupDriver} or {@code authentication.anonymous.enabled}
 * @param type          the field's type
 * @param defaultValue  the kubelet's default in the target release, as text; empty when it leaves the field unset
 * @param contributions every explicit value in precedence order, lowest first; a drop-in's {@code null}
 *                      (which removes the value) is included as a {@link dev.criconf.model.value.ConfigNull}
 * @param explicitValue the explicit result, empty when the default applies; for map fields the merged
 *                      map of explicit entries (each entry keeps its own origin)
 * @param mapEntries    for map fields, every entry in effect with its source, defaults included
 *                      (e.g. the {@code evictionHard} thresholds a file did not replace); empty otherwise
 */
public record EffectiveSetting(String path, FieldType type, Optional<Setting<String>> defaultValue,
        List<Setting<ConfigValue>> contributions, Optional<Setting<ConfigValue>> explicitValue,
        Map<String, Setting<String>> mapEntries) {

    /** Rejects nulls and copies the collections. */
    public EffectiveSetting {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        contributions = List.copyOf(contributions);
        Objects.requireNonNull(explicitValue, "explicitValue");
        mapEntries = mapEntries.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapEntries));
    }

    /** Whether a file or flag sets the value in effect (as opposed to the default). */
    public boolean isExplicit() {
        return explicitValue.isPresent();
    }

    /** Whether anything applies at all (an explicit value or a default). */
    public boolean isSet() {
        return explicitValue.isPresent() || defaultValue.isPresent();
    }

    /** Where the value in effect comes from. */
    public Optional<Source> source() {
        return explicitValue.map(Setting::source).or(() -> defaultValue.map(Setting::source));
    }

    /** The value in effect as a string (an explicit non-string gives empty). */
    public Optional<Setting<String>> asString() {
        if (explicitValue.isPresent()) {
            Setting<ConfigValue> e = explicitValue.get();
            return e.value().asString().map(s -> new Setting<>(s, e.source()));
        }
        return defaultValue;
    }

    /** The value in effect as a boolean. */
    public Optional<Setting<Boolean>> asBoolean() {
        if (explicitValue.isPresent()) {
            Setting<ConfigValue> e = explicitValue.get();
            return e.value().asBoolean().map(b -> new Setting<>(b, e.source()));
        }
        return defaultValue.filter(d -> d.value().equals("true") || d.value().equals("false"))
                .map(d -> d.map(Boolean::parseBoolean));
    }

    /** The value in effect as an integer. */
    public Optional<Setting<Long>> asLong() {
        if (explicitValue.isPresent()) {
            Setting<ConfigValue> e = explicitValue.get();
            return e.value().asLong().map(l -> new Setting<>(l, e.source()));
        }
        return defaultValue.filter(d -> d.value().matches("-?[0-9]{1,18}")).map(d -> d.map(Long::parseLong));
    }

    /** The value in effect as a list of strings (a default is written {@code a,b}). */
    public Optional<Setting<List<String>>> asStringList() {
        if (explicitValue.isPresent()) {
            Setting<ConfigValue> e = explicitValue.get();
            return e.value().asArray().flatMap(a -> a.asStrings()).map(l -> new Setting<>(l, e.source()));
        }
        return defaultValue.map(d -> d.map(v -> {
            List<String> out = new ArrayList<>();
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return List.copyOf(out);
        }));
    }

    /** The value in effect rendered on one line for people, e.g. {@code "systemd"} or {@code {memory.available: "100Mi"}}. */
    public String render() {
        if (!mapEntries.isEmpty() || (type.isMap() && isSet())) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<String, Setting<String>> e : mapEntries.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(e.getKey()).append(": ").append(e.getValue().value());
            }
            return sb.append('}').toString();
        }
        if (explicitValue.isPresent()) {
            return ConfigValues.render(explicitValue.get().value(), 200);
        }
        return defaultValue.map(Setting::value).orElse("(unset)");
    }
}
