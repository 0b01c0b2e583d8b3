package dev.criconf.io.args;

import dev.criconf.io.args.internal.FlagValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An argument list read the way spf13/pflag's {@code FlagSet.Parse} reads it (flag.go
 * {@code parseArgs}, {@code parseLongArg}, {@code parseSingleShortArg}), which is how the kubelet
 * and cri-dockerd read their command lines:
 * <ul>
 *   <li>{@code --name=value}; {@code --name value} for flags that need a value: the next argument is
 *       taken whatever it looks like, even {@code --other};</li>
 *   <li>{@code --name} alone for booleans (and {@code --version}); a boolean never takes the next
 *       argument, so {@code --fail-swap-on false} sets true and leaves {@code false} as a positional;</li>
 *   <li>one dash is for one-letter shorthands only: {@code -v=2}, {@code -v2}, {@code -v 2}, groups of
 *       boolean shorthands {@code -abc}. A long name after one dash ({@code -node-ip=x}) is read as
 *       shorthand {@code n} and fails with {@code unknown shorthand flag};</li>
 *   <li>{@code --} ends the flags; {@code -} alone and words not starting with {@code -} are positional
 *       (flags and positionals may be interspersed);</li>
 *   <li>{@code ---x} and {@code --=x} are {@code bad flag syntax}.</li>
 * </ul>
 * Repeated flags combine as their {@link FlagKind} says. pflag stops at the first error; this
 * parser records it as an {@link ArgIssue} and carries on, so one bad word does not hide the next.
 */
public final class ParsedArgs {

    private final List<Argument> arguments;
    private final List<FlagOccurrence> flags;
    private final List<Positional> positionals;
    private final List<ArgIssue> issues;
    private final OptionalInt terminator;
    private final Map<String, EffectiveFlag> effective;

    private ParsedArgs(List<Argument> arguments, List<FlagOccurrence> flags, List<Positional> positionals,
            List<ArgIssue> issues, OptionalInt terminator, Map<String, EffectiveFlag> effective) {
        this.arguments = List.copyOf(arguments);
        this.flags = List.copyOf(flags);
        this.positionals = List.copyOf(positionals);
        this.issues = List.copyOf(issues);
        this.terminator = terminator;
        this.effective = Collections.unmodifiableMap(effective);
    }

    /** Parses arguments (without the program name, i.e. {@code argv[1:]}). */
    public static ParsedArgs parse(List<Argument> arguments, FlagSpec spec) {
        List<FlagOccurrence> flags = new ArrayList<>();
        List<Positional> positionals = new ArrayList<>();
        List<ArgIssue> issues = new ArrayList<>();
        OptionalInt terminator = OptionalInt.empty();
        int n = arguments.size();
        int i = 0;
        while (i < n) {
            Argument arg = arguments.get(i);
            String s = arg.text();
            int index = i;
            i++;
            if (s.length() < 2 || s.charAt(0) != '-') {
                positionals.add(new Positional(index, arg, false));
                continue;
            }
            if (s.charAt(1) == '-') {
                if (s.length() == 2) {
                    terminator = OptionalInt.of(index);
                    for (; i < n; i++) {
                        positionals.add(new Positional(i, arguments.get(i), true));
                    }
                    break;
                }
                i = parseLong(arguments, index, spec, flags, issues);
            } else {
                i = parseShort(arguments, index, spec, flags, issues);
            }
        }
        Map<String, EffectiveFlag> effective = FlagValues.combine(flags, issues);
        issues.sort(java.util.Comparator.comparingInt(ArgIssue::index));
        return new ParsedArgs(arguments, flags, positionals, issues, terminator, effective);
    }

    private static int parseLong(List<Argument> args, int index, FlagSpec spec, List<FlagOccurrence> flags,
            List<ArgIssue> issues) {
        Argument arg = args.get(index);
        String s = arg.text();
        String name = s.substring(2);
        int next = index + 1;
        if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
            issues.add(new ArgIssue(ArgIssue.Kind.BAD_SYNTAX, index, arg.origin(), "bad flag syntax: " + s));
            return next;
        }
        int eq = name.indexOf('=');
        String flagName = eq >= 0 ? name.substring(0, eq) : name;
        String written = eq >= 0 ? s.substring(0, eq + 2) : s;
        Optional<FlagKind> kind = spec.kind(flagName);
        String canonical = spec.normalize(flagName);
        if (kind.isEmpty()) {
            issues.add(new ArgIssue(ArgIssue.Kind.UNKNOWN_FLAG, index, arg.origin(), "unknown flag: --" + flagName));
            if (eq >= 0) {
                flags.add(new FlagOccurrence(canonical, written, Optional.of(name.substring(eq + 1)), FlagOccurrence.Form.EQUALS,
                        FlagKind.STRING, index, OptionalInt.empty(), arg.origin(), Optional.of(arg.origin())));
                return next;
            }
            // pflag's stripUnknownFlagValue: the next argument is the value unless it starts with '-'
            if (next < args.size() && !args.get(next).text().startsWith("-")) {
                Argument v = args.get(next);
                flags.add(new FlagOccurrence(canonical, written, Optional.of(v.text()), FlagOccurrence.Form.SEPARATE,
                        FlagKind.STRING, index, OptionalInt.of(next), arg.origin(), Optional.of(v.origin())));
                return next + 1;
            }
            flags.add(new FlagOccurrence(canonical, written, Optional.empty(), FlagOccurrence.Form.IMPLICIT,
                    FlagKind.STRING, index, OptionalInt.empty(), arg.origin(), Optional.empty()));
            return next;
        }
        FlagKind k = kind.get();
        if (eq >= 0) {
            flags.add(new FlagOccurrence(canonical, written, Optional.of(name.substring(eq + 1)), FlagOccurrence.Form.EQUALS,
                    k, index, OptionalInt.empty(), arg.origin(), Optional.of(arg.origin())));
        } else if (k.valueOptional()) {
            flags.add(new FlagOccurrence(canonical, written, Optional.of("true"), FlagOccurrence.Form.IMPLICIT,
                    k, index, OptionalInt.empty(), arg.origin(), Optional.empty()));
        } else if (next < args.size()) {
            Argument v = args.get(next);
            flags.add(new FlagOccurrence(canonical, written, Optional.of(v.text()), FlagOccurrence.Form.SEPARATE,
                    k, index, OptionalInt.of(next), arg.origin(), Optional.of(v.origin())));
            return next + 1;
        } else {
            issues.add(new ArgIssue(ArgIssue.Kind.MISSING_VALUE, index, arg.origin(), "flag needs an argument: " + s));
            flags.add(new FlagOccurrence(canonical, written, Optional.empty(), FlagOccurrence.Form.MISSING_VALUE,
                    k, index, OptionalInt.empty(), arg.origin(), Optional.empty()));
        }
        return next;
    }

    private static int parseShort(List<Argument> args, int index, FlagSpec spec, List<FlagOccurrence> flags,
            List<ArgIssue> issues) {
        Argument arg = args.get(index);
        String s = arg.text();
        String shorthands = s.substring(1);
        int next = index + 1;
        while (!shorthands.isEmpty()) {
            if (shorthands.startsWith("test.")) {
                // pflag leaves Go's test flags alone
                return next;
            }
            char c = shorthands.charAt(0);
            Optional<String> name = spec.shorthand(c);
            if (name.isEmpty()) {
                issues.add(new ArgIssue(ArgIssue.Kind.UNKNOWN_SHORTHAND, index, arg.origin(),
                        "unknown shorthand flag: '" + c + "' in -" + shorthands));
                return next;
            }
            FlagKind k = spec.kind(name.get()).orElse(FlagKind.STRING);
            String written = "-" + c;
            if (shorthands.length() > 2 && shorthands.charAt(1) == '=') {
                flags.add(new FlagOccurrence(name.get(), written, Optional.of(shorthands.substring(2)),
                        FlagOccurrence.Form.SHORTHAND_EQUALS, k, index, OptionalInt.empty(), arg.origin(),
                        Optional.of(arg.origin())));
                return next;
            }
            if (k.valueOptional()) {
                flags.add(new FlagOccurrence(name.get(), written, Optional.of("true"),
                        FlagOccurrence.Form.SHORTHAND_IMPLICIT, k, index, OptionalInt.empty(), arg.origin(), Optional.empty()));
                shorthands = shorthands.substring(1);
                continue;
            }
            if (shorthands.length() > 1) {
                flags.add(new FlagOccurrence(name.get(), written, Optional.of(shorthands.substring(1)),
                        FlagOccurrence.Form.SHORTHAND_ATTACHED, k, index, OptionalInt.empty(), arg.origin(),
                        Optional.of(arg.origin())));
                return next;
            }
            if (next < args.size()) {
                Argument v = args.get(next);
                flags.add(new FlagOccurrence(name.get(), written, Optional.of(v.text()),
                        FlagOccurrence.Form.SHORTHAND_SEPARATE, k, index, OptionalInt.of(next), arg.origin(),
                        Optional.of(v.origin())));
                return next + 1;
            }
            issues.add(new ArgIssue(ArgIssue.Kind.MISSING_VALUE, index, arg.origin(),
                    "flag needs an argument: '" + c + "' in -" + shorthands));
            flags.add(new FlagOccurrence(name.get(), written, Optional.empty(), FlagOccurrence.Form.MISSING_VALUE, k,
                    index, OptionalInt.empty(), arg.origin(), Optional.empty()));
            return next;
        }
        return next;
    }

    /** The arguments that were parsed. */
    public List<Argument> arguments() {
        return arguments;
    }

    /** Every flag occurrence, in order. */
    public List<FlagOccurrence> flags() {
        return flags;
    }

    /** Arguments that are neither flags nor values, in order. */
    public List<Positional> positionals() {
        return positionals;
    }

    /** What the program's parser would reject, in order; the first one is where it stops. */
    public List<ArgIssue> issues() {
        return issues;
    }

    /** Index of {@code --}, if present. */
    public OptionalInt terminator() {
        return terminator;
    }

    /** The occurrences of one flag (any spelling of its name), in order. */
    public List<FlagOccurrence> occurrences(String canonicalName) {
        EffectiveFlag e = effective.get(canonicalName);
        return e == null ? List.of() : e.occurrences();
    }

    /** The combined value of one flag, if it occurs. */
    public Optional<EffectiveFlag> effective(String canonicalName) {
        return Optional.ofNullable(effective.get(canonicalName));
    }

    /** Every flag that occurs, by canonical name, in order of first occurrence. */
    public Map<String, EffectiveFlag> effectiveFlags() {
        return effective;
    }

    /** The flags' effective values as {@code name -> value} (last occurrence's value). */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        effective.forEach((k, v) -> out.put(k, v.value()));
        return Collections.unmodifiableMap(out);
    }
}
