package dev.criconf.io.args.internal;

import dev.criconf.io.args.ArgIssue;
import dev.criconf.io.args.EffectiveFlag;
import dev.criconf.io.args.FlagKind;
import dev.criconf.io.args.FlagOccurrence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Combines flag occurrences the way the flags' value types do when pflag calls {@code Set} once per occurrence. */
public final class FlagValues {

    /** strconv.ParseBool */
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

    private FlagValues() {}

    /** Go's {@code strconv.ParseBool}. */
    public static Optional<Boolean> parseBool(String s) {
        if (TRUE.contains(s)) {
            return Optional.of(true);
        }
        if (FALSE.contains(s)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    public static Map<String, EffectiveFlag> combine(List<FlagOccurrence> flags, List<ArgIssue> issues) {
        Map<String, List<FlagOccurrence>> byName = new LinkedHashMap<>();
        for (FlagOccurrence f : flags) {
            byName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
        }
        Map<String, EffectiveFlag> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<FlagOccurrence>> e : byName.entrySet()) {
            out.put(e.getKey(), combineOne(e.getKey(), e.getValue(), issues));
        }
        return out;
    }

    private static EffectiveFlag combineOne(String name, List<FlagOccurrence> occ, List<ArgIssue> issues) {
        FlagKind kind = occ.get(occ.size() - 1).kind();
        List<String> items = new ArrayList<>();
        Map<String, EffectiveFlag.Entry> entries = new LinkedHashMap<>();
        String last = "";
        for (FlagOccurrence f : occ) {
            if (f.value().isEmpty()) {
                continue;
            }
            String v = f.value().get();
            last = v;
            switch (kind) {
                case BOOLEAN:
                    if (parseBool(v).isEmpty()) {
                        invalid(issues, f, v, "strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
                    }
                    break;
                case STRING_SLICE:
                    items.addAll(csv(v));
                    break;
                case REPEATED:
                    items.add(v);
                    break;
                case MAP_STRING_STRING:
                case MAP_STRING_BOOL:
                case LANGLE_MAP:
                case CONFIGURATION_MAP:
                    pairs(kind, f, v, entries, issues);
                    break;
                case MAP_STRING_STRING_NO_SPLIT: {
                    int eq = v.indexOf('=');
                    if (eq < 0) {
                        invalid(issues, f, v, "malformed pair, expect string=string");
                    } else {
                        put(entries, v.substring(0, eq).trim(), v.substring(eq + 1).trim(), f);
                    }
                    break;
                }
                default:
                    break;
            }
        }
        boolean replaces = kind != FlagKind.CONFIGURATION_MAP;
        return new EffectiveFlag(name, kind, occ, last, items, entries, replaces);
    }

    private static void pairs(FlagKind kind, FlagOccurrence f, String v, Map<String, EffectiveFlag.Entry> entries,
            List<ArgIssue> issues) {
        char sep = kind == FlagKind.LANGLE_MAP ? '<' : '=';
        for (String s : v.split(",", -1)) {
            if (s.isEmpty()) {
                continue;
            }
            int at = s.indexOf(sep);
            if (at < 0) {
                if (kind == FlagKind.CONFIGURATION_MAP) {
                    put(entries, s.trim(), "", f);
                    continue;
                }
                invalid(issues, f, v, "malformed pair, expect string" + sep
                        + (kind == FlagKind.MAP_STRING_BOOL ? "bool" : "string"));
                return;
            }
            String k = s.substring(0, at).trim();
            String val = s.substring(at + 1).trim();
            if (kind == FlagKind.MAP_STRING_BOOL && parseBool(val).isEmpty()) {
                invalid(issues, f, v, "invalid value of " + k + ": " + val);
                return;
            }
            put(entries, k, val, f);
        }
    }

    private static void put(Map<String, EffectiveFlag.Entry> entries, String k, String v, FlagOccurrence f) {
        entries.put(k, new EffectiveFlag.Entry(k, v, f));
    }

    private static void invalid(List<ArgIssue> issues, FlagOccurrence f, String v, String why) {
        int index = f.valueIndex().orElse(f.nameIndex());
        issues.add(new ArgIssue(ArgIssue.Kind.INVALID_VALUE, index, f.valueOrigin().orElse(f.origin()),
                "invalid argument \"" + v + "\" for \"--" + f.name() + "\" flag: " + why));
    }

    /** pflag's {@code readAsCSV}: one CSV record, double quotes group commas. */
    static List<String> csv(String v) {
        List<String> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < v.length() && v.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
