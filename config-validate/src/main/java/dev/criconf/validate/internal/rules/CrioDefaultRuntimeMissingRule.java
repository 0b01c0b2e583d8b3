package dev.criconf.validate.internal.rules;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioRuntimeHandler;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code crio-default-runtime-missing}: {@code [crio.runtime] default_runtime} names a handler that
 * neither a file ({@code [crio.runtime.runtimes.<name>]}, after drop-ins are merged) nor CRI-O's
 * built-in configuration has.
 *
 * <p>cri-o {@code pkg/config/config.go} {@code ValidateDefaultRuntime} (run by {@code crio} and
 * {@code crio config} alike): a non-empty {@code default_runtime} missing from the runtimes map fails
 * with {@code default_runtime set to %q, but no runtime entry table [crio.runtime.runtimes.%s] was
 * found}; an empty one falls back to {@code crun}. The built-in map holds exactly one handler, CRI-O's
 * own default ({@code DefaultRuntimeConfig}: {@code Runtimes{DefaultRuntime: defaultRuntimeHandler(...)}}),
 * which is {@code runc} before 1.31 and {@code crun} since ({@link KnownVersions#crioDefaultRuntime}).
 * Handler names are map keys: they match exactly, letter case included. When the CRI-O release is
 * unknown and the verdict depends on which handler is built in, the finding is a warning that says so.
 */
public final class CrioDefaultRuntimeMissingRule implements Rule {

    private static final ComponentVersion BEFORE_CRUN = ComponentVersion.of(1, 30);
    private static final ComponentVersion CRUN_ERA = ComponentVersion.of(1, 31);

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("crio-default-runtime-missing", Severity.ERROR)
            .title("CRI-O's default_runtime names no runtime handler")
            .rationale("CRI-O starts containers with the runtime handler default_runtime names, and refuses to "
                    + "start ('default_runtime set to \"kata\", but no runtime entry table "
                    + "[crio.runtime.runtimes.kata] was found') when no [crio.runtime.runtimes.<name>] table for it "
                    + "exists after crio.conf and all drop-ins are read. CRI-O itself only provides a handler for its "
                    + "own default: runc before 1.31, crun since. So a default_runtime = \"runc\" that worked on "
                    + "1.30 fails on 1.31 unless some file declares the runc handler, and a renamed or misspelt "
                    + "handler (names are case-sensitive) fails everywhere. Declare the handler or point "
                    + "default_runtime at one that exists.")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.conf.5.md#crioruntime-table")
            .reference("https://github.com/cri-o/cri-o/blob/main/pkg/config/config.go")
            .example("etc/crio/crio.conf.d/20-runtime.conf",
                    "[crio.runtime]\ndefault_runtime = \"kata\"\n",
                    "[crio.runtime]\ndefault_runtime = \"kata\"\n\n[crio.runtime.runtimes.kata]\n"
                            + "runtime_path = \"/usr/bin/containerd-shim-kata-v2\"\nruntime_type = \"vm\"\n")
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        Optional<CrioConfig> config = node.crio();
        if (config.isEmpty()) {
            return;
        }
        CrioConfig crio = config.get();
        Optional<Setting<String>> written = crio.defaultRuntime();
        if (written.isEmpty() || written.get().value().isEmpty()) {
            return; // empty: CRI-O falls back to crun and creates its handler
        }
        String name = written.get().value();
        List<String> declared = new ArrayList<>(crio.runtimes().keySet());
        if (declared.contains(name)) {
            return;
        }
        Optional<TargetVersion> known = RuntimeRuleSupport.crioVersion(node, ctx);
        boolean uncertain = false;
        TargetVersion target;
        if (known.isPresent()) {
            target = known.get();
            if (builtIn(target.version()).equals(name)) {
                return;
            }
        } else {
            boolean failsBefore = !builtIn(BEFORE_CRUN).equals(name);
            boolean failsAfter = !builtIn(CRUN_ERA).equals(name);
            if (!failsBefore && !failsAfter) {
                return;
            }
            uncertain = failsBefore != failsAfter;
            target = TargetVersion.assumed(TargetComponent.CRIO, failsAfter ? CRUN_ERA : BEFORE_CRUN);
        }
        String builtIn = builtIn(target.version());
        List<String> available = new ArrayList<>(declared);
        if (!available.contains(builtIn)) {
            available.add(builtIn);
        }
        Origin at = written.get().origin().orElse(Origin.ofFile(crio.files().isEmpty() ? "etc/crio/crio.conf"
                : crio.files().get(0).path()));
        StringBuilder msg = new StringBuilder("default_runtime = \"").append(name).append("\" names no runtime handler: ");
        msg.append(declared.isEmpty() ? "no file declares any [crio.runtime.runtimes.<name>] table"
                : "the files declare only " + RuntimeRuleSupport.list(declared));
        msg.append(" and CRI-O ").append(target.version()).append(" has only a built-in ").append(builtIn)
                .append(" handler, so CRI-O refuses to start (default_runtime set to \"").append(name)
                .append("\", but no runtime entry table [crio.runtime.runtimes.").append(name).append("] was found). ");
        Optional<String> caseTwin = available.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst();
        if (caseTwin.isPresent()) {
            msg.append("Handler names are case-sensitive: did you mean \"").append(caseTwin.get()).append("\"? ");
        }
        msg.append("Declare [crio.runtime.runtimes.").append(name).append("] (runtime_path, runtime_type, runtime_root) ")
                .append("in a drop-in, or set default_runtime to one of: ").append(String.join(", ", available));
        if (uncertain) {
            msg.append(" (assuming CRI-O ").append(target.version()).append("; CRI-O ")
                    .append(target.version().equals(CRUN_ERA)
                            ? "before 1.31 has a built-in runc handler, so this matters only from 1.31 on"
                            : "1.31 and later have a built-in crun handler instead of runc, so this matters only before 1.31")
                    .append(": set ").append(TargetComponent.CRIO.profileKey())
                    .append(" in criconf.yaml)");
        } else {
            msg.append(RuntimeRuleSupport.assumption(target));
        }
        Finding.Builder finding = ctx.finding(at, msg.toString());
        for (CrioRuntimeHandler h : crio.runtimes().values()) {
            finding.related(h.keyOrigin(), "declares handler " + h.name());
        }
        if (uncertain) {
            finding.lowerTo(Severity.WARNING);
        }
        finding.report();
    }

    private static String builtIn(ComponentVersion v) {
        return KnownVersions.crioDefaultRuntime(v).value();
    }
}
