package dev.criconf.validate.internal.rules;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.ImageRef;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Parsed;
import dev.criconf.model.Setting;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code crio-invalid-value}: a CRI-O setting with a value CRI-O's validation rejects at start-up.
 *
 * <ul>
 *   <li>{@code cgroup_manager} other than exactly {@code systemd} or {@code cgroupfs}:
 *       {@code invalid cgroup manager: <v>} (cri-o {@code internal/config/cgmgr} {@code SetCgroupManager},
 *       called by {@code RuntimeConfig.Validate} when the daemon starts);</li>
 *   <li>{@code log_size_max} from 0 to 8191: {@code log size max should be negative or >= 8192}
 *       ({@code RuntimeConfig.Validate}, {@code OCIBufSize});</li>
 *   <li>{@code pause_image} that is not an image reference: {@code invalid pause image "<v>": ...}
 *       ({@code ImageConfig.Validate} parses it at every validation from 1.29; older releases fail
 *       only when they pull it for a pod sandbox); checked with {@link ImageRef#parse}, the same
 *       distribution/reference grammar;</li>
 *   <li>{@code plugin_dir} written as an array (1.14-era files): a fatal TOML type error, since
 *       {@code plugin_dir} is a string and {@code plugin_dirs} the list (reproduced with CRI-O 1.26.4).</li>
 * </ul>
 * Sources: cri-o {@code pkg/config/config.go} (main), research sheet {@code crio-dockerd.md} §2.3,
 * §3.3, trap 5.
 */
public final class CrioInvalidValueRule implements Rule {

    /** CRI-O's minimum positive {@code log_size_max} ({@code OCIBufSize}). */
    static final long MIN_LOG_SIZE = 8192;

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("crio-invalid-value", Severity.ERROR)
            .title("A CRI-O setting has a value CRI-O rejects")
            .rationale("CRI-O validates its configuration when the daemon starts and exits on the first bad value: "
                    + "a cgroup_manager other than exactly \"systemd\" or \"cgroupfs\" ('invalid cgroup manager'), a "
                    + "log_size_max between 0 and 8191 ('log size max should be negative or >= 8192'), a pause_image "
                    + "that is not an image reference ('invalid pause image', checked from 1.29 on), or plugin_dir "
                    + "written as an array, as 1.14-era files did (a TOML type error). 'crio config' does not catch "
                    + "all of them, so such a file often surfaces only when the node reboots.")
            .reference("https://github.com/cri-o/cri-o/blob/main/docs/crio.conf.5.md")
            .reference("https://github.com/cri-o/cri-o/blob/main/pkg/config/config.go")
            .example("etc/crio/crio.conf",
                    "[crio.runtime]\ncgroup_manager = \"SystemD\"\nlog_size_max = 1024\n",
                    "[crio.runtime]\ncgroup_manager = \"systemd\"\nlog_size_max = -1\n")
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
        Origin fallback = Origin.ofFile(crio.files().isEmpty() ? "etc/crio/crio.conf" : crio.files().get(0).path());
        Optional<TargetVersion> version = RuntimeRuleSupport.crioVersion(node, ctx);
        crio.cgroupManager().ifPresent(m -> checkCgroupManager(m, fallback, ctx));
        crio.logSizeMax().ifPresent(s -> {
            long v = s.value();
            if (v >= 0 && v < MIN_LOG_SIZE) {
                ctx.report(RuntimeRuleSupport.at(s, fallback), "log_size_max = " + v + " is below CRI-O's minimum: CRI-O "
                        + "refuses to start (log size max should be negative or >= " + MIN_LOG_SIZE + "). Use -1 for no "
                        + "limit, or at least " + MIN_LOG_SIZE + " bytes");
            }
        });
        crio.pauseImage().ifPresent(s -> checkPauseImage(s, version, fallback, ctx));
        crio.pluginDir().ifPresent(s -> {
            ConfigValue v = s.value();
            if (v.asArray().isPresent()) {
                ctx.report(RuntimeRuleSupport.at(s, fallback), "plugin_dir = " + RuntimeRuleSupport.written(v)
                        + " is an array, but CRI-O reads plugin_dir as one string: CRI-O refuses to start with a TOML type "
                        + "error (incompatible types: TOML value has type []interface {}; destination has type string). "
                        + "Rename the key to plugin_dirs, the list that replaced plugin_dir in CRI-O 1.15");
            }
        });
    }

    private static void checkCgroupManager(Setting<String> m, Origin fallback, RuleContext ctx) {
        String v = m.value();
        if (CgroupDriver.parseExact(v).isPresent()) {
            return;
        }
        String hint = "";
        for (CgroupDriver d : CgroupDriver.values()) {
            if (d.value().equals(v.trim().toLowerCase(Locale.ROOT))) {
                hint = " Did you mean \"" + d.value() + "\"? CRI-O compares the value exactly.";
            }
        }
        ctx.report(RuntimeRuleSupport.at(m, fallback), "cgroup_manager = \"" + v + "\" is not a cgroup manager CRI-O "
                + "knows: CRI-O refuses to start (unable to update cgroup manager: invalid cgroup manager: " + v + ")."
                + hint + " Use exactly \"systemd\" or \"cgroupfs\", the same driver as the kubelet's cgroupDriver");
    }

    private static void checkPauseImage(Setting<String> s, Optional<TargetVersion> version, Origin fallback, RuleContext ctx) {
        Parsed<ImageRef> parsed = ImageRef.parse(s.value());
        if (parsed.isOk()) {
            return;
        }
        String why = parsed.error().orElse("not an image reference");
        String effect;
        if (version.isEmpty()) {
            effect = "CRI-O 1.29 and later refuse to start (invalid pause image \"" + s.value() + "\": " + why
                    + "); older releases fail every pod sandbox when they pull it";
        } else {
            ComponentVersion v = version.get().version();
            effect = v.isAtLeast(1, 29)
                    ? "CRI-O " + v + " refuses to start (invalid pause image \"" + s.value() + "\": " + why + ")"
                    : "CRI-O " + v + " cannot pull it, so every pod sandbox fails to start (" + why + ")";
        }
        ctx.report(RuntimeRuleSupport.at(s, fallback), "pause_image = \"" + s.value() + "\" is not an image reference: "
                + effect + ". Use a full reference such as the pause image kubeadm expects, e.g. registry.k8s.io/pause:3.10");
    }
}
