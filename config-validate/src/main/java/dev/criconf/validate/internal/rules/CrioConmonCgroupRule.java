package dev.criconf.validate.internal.rules;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.crio.CrioRuntimeHandler;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code crio-conmon-cgroup}: the cgroup CRI-O puts conmon in ({@code [crio.runtime] conmon_cgroup},
 * or an oci handler's {@code monitor_cgroup}) is one CRI-O refuses at start-up for its cgroup manager.
 *
 * <p>What CRI-O accepts, per release (shared rule-facts notes §3 and research sheet
 * {@code crio-dockerd.md} §3.2):
 * <ul>
 *   <li>1.15 to 1.18: {@code conmon_cgroup} must be {@code pod} or end in {@code .slice}, whatever the
 *       manager (default {@code pod} in 1.15/1.16, {@code system.slice} from 1.17,
 *       {@link KnownVersions#crioConmonCgroup});</li>
 *   <li>1.19 to 1.23: as before, plus with cgroupfs it must be {@code pod} or empty, which leaves
 *       {@code pod} as the only legal value (commit a97c66840e);</li>
 *   <li>1.24 and later, per handler of type {@code oci} or {@code ""}: a non-empty global
 *       {@code conmon_cgroup} is copied into every handler's {@code monitor_cgroup}; the built-in handler
 *       carries {@code system.slice}; a handler a file declares without {@code monitor_cgroup} has
 *       {@code ""}. 1.24/1.25: with systemd {@code ""} becomes {@code system.slice}; cgroupfs accepts
 *       {@code pod} or {@code ""}. 1.26 to 1.32: {@code ""} becomes {@code system.slice} whatever the
 *       manager, so with cgroupfs only an explicit {@code pod} works (reproduced with CRI-O 1.26.4);</li>
 *   <li>1.33 and later (commit a4c67cc6c2): with cgroupfs, {@code system.slice} is silently turned into
 *       {@code ""}, and {@code pod} or {@code ""} are accepted, so {@code pod}, {@code ""} and
 *       {@code system.slice} all work ({@code cgroupfs manager conmon cgroup should be 'pod' or empty,
 *       but got: '%s'}); with systemd, {@code ""} becomes {@code system.slice} and the value must be
 *       {@code pod} or a {@code *.slice} ({@code conmon cgroup should be 'pod' or a systemd slice}).
 *       Source: cri-o {@code pkg/config/config.go} {@code TranslateMonitorFieldsForHandler}.</li>
 * </ul>
 * The check runs only when the daemon starts ({@code crio config} does not run it). When the CRI-O
 * release is unknown and the verdict depends on it (an empty or {@code system.slice} value with
 * cgroupfs), the finding assumes 1.32, says so, and is lowered to a warning. Fix:
 * {@link NodeEdit.SetCrioConmonCgroup} {@code "pod"}.
 */
public final class CrioConmonCgroupRule implements Rule {

    /** The release assumed when none is known and the verdict depends on it: the last one that refuses an empty value. */
    static final ComponentVersion ASSUMED = ComponentVersion.of(1, 32);
    private static final ComponentVersion LATEST = ComponentVersion.of(1, 35);

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("crio-conmon-cgroup", Severity.ERROR)
            .title("CRI-O's conmon cgroup does not fit its cgroup manager")
            .rationale("CRI-O runs a conmon monitor process for every container and puts it in the cgroup named by "
                    + "conmon_cgroup (or a runtime handler's monitor_cgroup). With cgroup_manager = \"cgroupfs\" that "
                    + "must be \"pod\" (CRI-O 1.33 and later also accept an empty value, and drop \"system.slice\"); "
                    + "CRI-O 1.19 to 1.32 refuse anything else, and 1.26 to 1.32 even turn an empty value into "
                    + "\"system.slice\" first, so only an explicit \"pod\" works. With systemd the value must be "
                    + "\"pod\" or a systemd slice. CRI-O checks this only when the daemon starts - 'crio config' "
                    + "does not - and exits with 'cgroupfs manager conmon cgroup should be 'pod' or empty'. A value "
                    + "carried over from an old systemd-era crio.conf after switching to cgroupfs is the usual cause. "
                    + "Set conmon_cgroup = \"pod\".")
            .reference("https://kubernetes.io/docs/setup/production-environment/container-runtimes/#cri-o")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.conf.5.md")
            .example("etc/crio/crio.conf",
                    "[crio.runtime]\ncgroup_manager = \"cgroupfs\"\nconmon_cgroup = \"system.slice\"\n",
                    "[crio.runtime]\ncgroup_manager = \"cgroupfs\"\nconmon_cgroup = \"pod\"\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** A handler whose monitor cgroup fails, and where the failing value comes from. */
    private record Failure(String handler, String value, Optional<Origin> explicitAt) {
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<CrioConfig> config = node.crio();
        if (config.isEmpty()) {
            return;
        }
        CrioConfig crio = config.get();
        Optional<TargetVersion> known = RuntimeRuleSupport.crioVersion(node, ctx);
        ComponentVersion first = known.map(TargetVersion::version).orElse(ASSUMED);
        Optional<CgroupDriver> manager = manager(crio, first);
        if (manager.isEmpty()) {
            return; // not systemd/cgroupfs: crio-invalid-value reports it
        }
        List<Failure> failures = failures(crio, first, manager.get());
        if (failures.isEmpty()) {
            return;
        }
        boolean uncertain = false;
        if (known.isEmpty()) {
            Optional<CgroupDriver> latestManager = manager(crio, LATEST);
            uncertain = latestManager.isPresent() && failures(crio, LATEST, latestManager.get()).isEmpty();
        }
        TargetVersion target = known.orElse(TargetVersion.assumed(TargetComponent.CRIO, ASSUMED));
        report(crio, target, manager.get(), failures, uncertain, ctx);
    }

    private static Optional<CgroupDriver> manager(CrioConfig crio, ComponentVersion v) {
        Optional<Setting<String>> written = crio.cgroupManager();
        if (written.isPresent()) {
            return CgroupDriver.parseExact(written.get().value());
        }
        return Optional.of(KnownVersions.crioCgroupManager(v).value());
    }

    /** The oci handlers (or, before 1.24, the global setting) whose monitor cgroup CRI-O refuses. */
    private static List<Failure> failures(CrioConfig crio, ComponentVersion v, CgroupDriver manager) {
        Optional<Setting<String>> global = crio.conmonCgroup();
        boolean systemd = manager == CgroupDriver.SYSTEMD;
        List<Failure> out = new ArrayList<>();
        if (!v.isAtLeast(1, 24)) {
            String g = global.map(Setting::value)
                    .orElse(KnownVersions.crioConmonCgroup(v).map(Setting::value).orElse("pod"));
            boolean ok = g.equals("pod") || g.endsWith(".slice");
            if (!systemd && v.isAtLeast(1, 19)) {
                ok = g.equals("pod");
            }
            if (!ok) {
                out.add(new Failure("", g, global.flatMap(Setting::origin)));
            }
            return out;
        }
        for (Map.Entry<String, Handler> e : handlers(crio, v).entrySet()) {
            Handler h = e.getValue();
            if (!h.oci()) {
                continue;
            }
            String value;
            Optional<Origin> at;
            if (global.isPresent() && !global.get().value().isEmpty()) {
                value = global.get().value();
                at = global.get().origin();
            } else if (h.monitorCgroup().isPresent()) {
                value = h.monitorCgroup().get().value();
                at = h.monitorCgroup().get().origin();
            } else {
                value = h.builtIn() ? "system.slice" : "";
                // conmon_cgroup = "" written out is the value to change; unset, the finding goes to its table
                at = global.flatMap(Setting::origin);
            }
            if (!accepted(v, systemd, value)) {
                out.add(new Failure(e.getKey(), value, at));
            }
        }
        return out;
    }

    /** Whether CRI-O {@code v} starts with this monitor cgroup (after its own rewriting) for the manager. */
    static boolean accepted(ComponentVersion v, boolean systemd, String value) {
        String m = value;
        if (m.isEmpty() && (systemd || !v.isAtLeast(1, 33) && v.isAtLeast(1, 26))) {
            m = "system.slice";
        }
        if (systemd) {
            return m.equals("pod") || m.endsWith(".slice");
        }
        if (v.isAtLeast(1, 33) && m.equals("system.slice")) {
            m = "";
        }
        return m.equals("pod") || m.isEmpty();
    }

    private record Handler(boolean oci, boolean builtIn, Optional<Setting<String>> monitorCgroup) {
    }

    /** The handlers after the merge: the files' ones and CRI-O's built-in one when no file declares it. */
    private static Map<String, Handler> handlers(CrioConfig crio, ComponentVersion v) {
        Map<String, Handler> out = new LinkedHashMap<>();
        for (CrioRuntimeHandler h : crio.runtimes().values()) {
            out.put(h.name(), new Handler(h.isOci(), false, h.monitorCgroup()));
        }
        String builtIn = KnownVersions.crioDefaultRuntime(v).value();
        out.putIfAbsent(builtIn, new Handler(true, true, Optional.empty()));
        return out;
    }

    private static void report(CrioConfig crio, TargetVersion target, CgroupDriver manager, List<Failure> failures,
            boolean uncertain, RuleContext ctx) {
        ComponentVersion v = target.version();
        boolean systemd = manager == CgroupDriver.SYSTEMD;
        String managerText = crio.cgroupManager().map(s -> "cgroup_manager = \"" + s.value() + "\"")
                .orElse("cgroup_manager " + manager.value() + " (" + KnownVersions.crioCgroupManager(v).source().describe() + ")");
        String advice = systemd
                ? "Set conmon_cgroup = \"pod\" (or a systemd slice such as \"system.slice\")"
                : "With cgroupfs, conmon belongs in the pod's cgroup: set conmon_cgroup = \"pod\"";
        String note = uncertain
                ? " (assuming CRI-O " + ASSUMED + "; CRI-O 1.33 and later accept it, so this matters only before 1.33: set "
                        + TargetComponent.CRIO.profileKey() + " in criconf.yaml)"
                : RuntimeRuleSupport.assumption(target);
        Map<Optional<Origin>, List<Failure>> byPlace = new LinkedHashMap<>();
        for (Failure f : failures) {
            byPlace.computeIfAbsent(f.explicitAt(), k -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Optional<Origin>, List<Failure>> e : byPlace.entrySet()) {
            List<Failure> fs = e.getValue();
            Failure f = fs.get(0);
            String what;
            Origin at;
            if (e.getKey().isPresent()) {
                at = e.getKey().get();
                boolean global = crio.conmonCgroup().flatMap(Setting::origin).equals(e.getKey());
                what = global
                        ? "conmon_cgroup = \"" + crio.conmonCgroup().get().value() + "\""
                        : "monitor_cgroup = \"" + f.value() + "\" of runtime handler " + f.handler();
            } else {
                at = runtimeTableOrigin(crio);
                what = f.handler().isEmpty()
                        ? "conmon_cgroup is not set (CRI-O " + v + " defaults to \"" + f.value() + "\")"
                        : "conmon_cgroup is not set, so " + handlersText(fs) + " " + (fs.size() == 1 ? "runs" : "run")
                                + " conmon in \"" + (f.value().isEmpty() ? "system.slice" : f.value()) + "\"";
            }
            String crioError = systemd
                    ? "conmon cgroup should be 'pod' or a systemd slice"
                    : "cgroupfs manager conmon cgroup should be 'pod' or empty"
                            + (v.isAtLeast(1, 33) ? ", but got: '" + f.value() + "'" : "");
            String message = what + " with " + managerText + ": CRI-O " + v + " refuses to start (" + crioError + ")";
            if (!systemd && v.isAtLeast(1, 26) && !v.isAtLeast(1, 33)) {
                if (f.value().isEmpty()) {
                    message += "; before 1.33 CRI-O turns an empty value into \"system.slice\"";
                } else if (f.value().equals("system.slice")) {
                    message += "; an empty value does not help before 1.33 either, CRI-O turns it into \"system.slice\"";
                }
            }
            Finding.Builder finding = ctx.finding(at, message + ". " + advice + note);
            crio.cgroupManager().flatMap(Setting::origin).filter(o -> !o.equals(at))
                    .ifPresent(o -> finding.related(o, managerText));
            if (uncertain) {
                finding.lowerTo(Severity.WARNING);
            }
            finding.fix(Fix.of(new NodeEdit.SetCrioConmonCgroup("pod"))).report();
        }
    }

    private static String handlersText(List<Failure> fs) {
        List<String> names = new ArrayList<>();
        for (Failure f : fs) {
            names.add(f.handler());
        }
        return (names.size() == 1 ? "runtime handler " : "runtime handlers ") + RuntimeRuleSupport.list(names);
    }

    /** Where a missing conmon_cgroup belongs: the [crio.runtime] table of the file that sets cgroup_manager, else of the last file. */
    private static Origin runtimeTableOrigin(CrioConfig crio) {
        Optional<String> managerFile = crio.cgroupManager().flatMap(Setting::origin).map(Origin::file);
        List<CrioFile> files = crio.files();
        for (int i = files.size() - 1; i >= 0; i--) {
            CrioFile f = files.get(i);
            if (managerFile.isPresent() && !managerFile.get().equals(f.path())) {
                continue;
            }
            Optional<ConfigEntry> runtime = f.tree().table("crio").flatMap(t -> t.entryIgnoringCase("runtime"));
            if (runtime.isPresent() && runtime.get().value() instanceof ConfigTable t) {
                return t.origin();
            }
        }
        return managerFile.map(Origin::ofFile)
                .orElse(files.isEmpty() ? Origin.ofFile("etc/crio/crio.conf") : Origin.ofFile(files.get(files.size() - 1).path()));
    }
}
