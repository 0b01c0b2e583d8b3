package dev.criconf.validate.internal.rules;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.EffectiveSetting;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.RuleDescriptor;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubelet-invalid-value}: values the kubelet's own validation
 * ({@code pkg/kubelet/apis/config/validation}) rejects on the merged configuration (defaults, config
 * file, drop-ins, flags), so the kubelet exits with {@code invalid configuration: ...}; flag values it
 * cannot parse; and, as a warning, a {@code cgroupDriver} that is not exactly {@code systemd} or
 * {@code cgroupfs} (never validated: anything else silently means cgroupfs).
 */
public final class KubeletInvalidValueRule implements Rule {

    private static final Set<String> TOPOLOGY_POLICIES = Set.of("none", "best-effort", "restricted", "single-numa-node");
    private static final Set<String> TOPOLOGY_SCOPES = Set.of("container", "pod");
    private static final Set<String> HAIRPIN_MODES = Set.of("none", "hairpin-veth", "promiscuous-bridge");
    private static final Set<String> ENFORCEMENTS = Set.of("pods", "system-reserved", "system-reserved-compressible",
            "kube-reserved", "kube-reserved-compressible", "none");
    private static final List<String> NON_NEGATIVE = List.of("eventBurst", "eventRecordQPS", "kubeAPIBurst", "kubeAPIQPS",
            "registryBurst", "registryPullQPS", "maxOpenFiles", "maxPods", "podsPerCore");

    /** The rule's metadata. */
    public static final RuleDescriptor DESCRIPTOR = RuleDescriptor.builder("kubelet-invalid-value", Severity.ERROR)
            .title("A kubelet setting has a value the kubelet rejects")
            .rationale("Before it starts, the kubelet validates its merged configuration (built-in defaults, the "
                    + "--config file, --config-dir drop-ins, then flags) and exits with 'failed to validate kubelet "
                    + "configuration, error: [invalid configuration: ...]' on the first problem, e.g. "
                    + "imageGCLowThresholdPercent not below imageGCHighThresholdPercent, systemCgroups without "
                    + "cgroupRoot, an empty containerRuntimeEndpoint (1.27+), containerLogMaxFiles of 1, or "
                    + "cgroupsPerQOS: false while enforceNodeAllocatable still lists pods. Because validation "
                    + "runs on the merged result, criconf checks the effective value: an empty field the command "
                    + "line fills is fine. cgroupDriver is the odd one out: it is never validated, and anything "
                    + "but exactly 'systemd' (including 'Systemd') silently means cgroupfs; that is reported as a "
                    + "warning.")
            .reference("https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/apis/config/validation/validation.go")
            .reference("https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/")
            .example("var/lib/kubelet/config.yaml",
                    "imageGCHighThresholdPercent: 80\nimageGCLowThresholdPercent: 85\n",
                    "imageGCHighThresholdPercent: 85\nimageGCLowThresholdPercent: 80\n")
            .fixable(true)
            .build();

    @Override
    public RuleDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void check(NodeConfig node, RuleContext ctx) {
        if (node.kubeletConfiguration().isEmpty() && node.kubeletDropIns().isEmpty() && node.kubeletFlags().isEmpty()) {
            return;
        }
        TargetVersion target = KubeletRuleSupport.kubernetes(node, ctx);
        KubernetesVersion v = KubeletRuleSupport.kubelet(target);
        EffectiveKubeletConfig e = KubeletRuleSupport.effective(node, v);
        Check c = new Check(node, e, v, target, ctx);
        c.flagValues();
        c.imageGc();
        c.cgroups();
        c.cgroupDriver();
        c.runtimeEndpoint();
        c.nodeAllocatable();
        c.swap();
        c.imagePulls();
        c.ranges();
        c.enums();
        c.failCgroupV1();
    }

    /** One run over one node; each method is one group of the kubelet's checks. */
    private static final class Check {
        private final NodeConfig node;
        private final EffectiveKubeletConfig e;
        private final KubernetesVersion v;
        private final TargetVersion target;
        private final RuleContext ctx;

        Check(NodeConfig node, EffectiveKubeletConfig e, KubernetesVersion v, TargetVersion target, RuleContext ctx) {
            this.node = node;
            this.e = e;
            this.v = v;
            this.target = target;
            this.ctx = ctx;
        }

        private String exits() {
            return "; the kubelet (" + target.describe() + ") refuses to start";
        }

        private Optional<EffectiveSetting> explicit(String path) {
            return e.setting(path).filter(EffectiveSetting::isExplicit);
        }

        private static Origin at(EffectiveSetting s) {
            return s.explicitValue().orElseThrow().value().origin();
        }

        private static String flagOf(String path) {
            return KubeletFieldCatalog.find(path).flatMap(KubeletFieldCatalog.Field::flag).map(f -> " (--" + f + ")").orElse("");
        }

        /** The value in effect and where it comes from, for messages. */
        private static String described(EffectiveSetting s, String value) {
            return s.isExplicit() ? value : value + " (" + s.source().map(x -> x.describe()).orElse("unset") + ")";
        }

        void flagValues() {
            for (Problem p : e.problems()) {
                if (!node.problems().contains(p)) {
                    ctx.report(p.origin(), p.message() + exits());
                }
            }
        }

        void imageGc() {
            Optional<EffectiveSetting> high = e.setting("imageGCHighThresholdPercent");
            Optional<EffectiveSetting> low = e.setting("imageGCLowThresholdPercent");
            boolean inRange = true;
            for (Optional<EffectiveSetting> s : List.of(high, low)) {
                Optional<Setting<Long>> n = s.filter(EffectiveSetting::isExplicit).flatMap(EffectiveSetting::asLong);
                if (n.isPresent() && (n.get().value() < 0 || n.get().value() > 100)) {
                    inRange = false;
                    ctx.report(at(s.get()), s.get().path() + flagOf(s.get().path()) + " " + n.get().value()
                            + " must be between 0 and 100, inclusive" + exits());
                }
            }
            if (!inRange || high.isEmpty() || low.isEmpty() || !(high.get().isExplicit() || low.get().isExplicit())) {
                return;
            }
            Optional<Setting<Long>> h = high.get().asLong();
            Optional<Setting<Long>> l = low.get().asLong();
            if (h.isEmpty() || l.isEmpty() || l.get().value() < h.get().value()) {
                return;
            }
            EffectiveSetting primary = low.get().isExplicit() ? low.get() : high.get();
            EffectiveSetting other = primary == low.get() ? high.get() : low.get();
            Finding.Builder f = ctx.finding(at(primary), "imageGCLowThresholdPercent (--image-gc-low-threshold) "
                    + described(low.get(), l.get().value().toString())
                    + " must be less than imageGCHighThresholdPercent (--image-gc-high-threshold) "
                    + described(high.get(), h.get().value().toString())
                    + ": image garbage collection starts at the high threshold and frees space down to the low one"
                    + exits());
            if (other.isExplicit()) {
                f.related(at(other), other.path() + " " + (other == high.get() ? h : l).get().value());
            }
            f.report();
        }

        void cgroups() {
            Optional<EffectiveSetting> system = explicit("systemCgroups")
                    .filter(s -> s.asString().map(x -> !x.value().isEmpty()).orElse(false));
            if (system.isEmpty()) {
                return;
            }
            boolean hasRoot = e.setting("cgroupRoot").flatMap(EffectiveSetting::asString)
                    .map(x -> !x.value().isEmpty()).orElse(false);
            if (!hasRoot) {
                ctx.report(at(system.get()), "systemCgroups (--system-cgroups) was specified and cgroupRoot "
                        + "(--cgroup-root) was not specified" + exits() + "; set cgroupRoot (usually \"/\") as well");
            }
        }

        void cgroupDriver() {
            Optional<EffectiveSetting> s = explicit("cgroupDriver");
            Optional<String> value = s.flatMap(EffectiveSetting::asString).map(Setting::value);
            if (value.isEmpty() || value.get().equals("systemd") || value.get().equals("cgroupfs")) {
                return;
            }
            String cleaned = value.get().strip().toLowerCase(Locale.ROOT);
            Finding.Builder f = ctx.finding(at(s.get()), "cgroupDriver '" + value.get() + "' is neither 'systemd' nor "
                    + "'cgroupfs': the kubelet does not validate it and silently uses cgroupfs")
                    .lowerTo(Severity.WARNING);
            if (cleaned.equals("systemd")) {
                systemdFixes(f);
            } else if (cleaned.equals("cgroupfs")) {
                f.fix(Fix.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.CGROUPFS)));
            }
            f.report();
        }

        /**
         * Fixes for a misspelled systemd. The kubelet uses cgroupfs now, so writing systemd changes its
         * driver: right on its own only when its runtime already uses systemd; when the runtime uses
         * cgroupfs both sides move to systemd (what the spelling meant), or the kubelet keeps cgroupfs
         * (what it does now). Writing systemd on the kubelet alone would break a working node with a
         * cgroup-driver-mismatch, so with the runtime's driver unknown that is only a suggestion.
         */
        private void systemdFixes(Finding.Builder f) {
            NodeEdit kubelet = new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.SYSTEMD);
            List<CrossComponent.Runtime> runtimes = CrossComponent.of(node, ctx).kubeletRuntimes();
            Optional<CgroupDriver> runtime = runtimes.size() == 1
                    ? runtimes.get(0).cgroupDriver().map(CrossComponent.Fact::value) : Optional.empty();
            if (runtime.isEmpty()) {
                f.fix(Fix.suggestion("set the kubelet's cgroupDriver to systemd, and the runtime's driver to match", kubelet));
            } else if (runtime.get() == CgroupDriver.SYSTEMD) {
                f.fix(Fix.of(kubelet));
            } else {
                f.fix(Fix.of("set the kubelet's and " + runtimes.get(0).name() + "'s cgroup driver to systemd", kubelet,
                        new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, CgroupDriver.SYSTEMD)));
                f.fix(Fix.of("keep the driver the kubelet uses now: set its cgroupDriver to cgroupfs",
                        new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, CgroupDriver.CGROUPFS)));
            }
        }

        void runtimeEndpoint() {
            if (v.isBefore(1, 27)) {
                return;
            }
            Optional<EffectiveSetting> s = explicit("containerRuntimeEndpoint");
            if (s.flatMap(EffectiveSetting::asString).map(x -> x.value().isBlank()).orElse(false)) {
                ctx.report(at(s.get()), "the containerRuntimeEndpoint was not specified or empty" + exits()
                        + "; set it to the runtime's socket, e.g. unix:///run/containerd/containerd.sock");
            }
        }

        void nodeAllocatable() {
            Optional<EffectiveSetting> enforce = e.setting("enforceNodeAllocatable");
            List<String> items = enforce.flatMap(EffectiveSetting::asStringList).map(Setting::value).orElse(List.of());
            Origin enforceAt = enforce.filter(EffectiveSetting::isExplicit).map(Check::at).orElse(null);
            Optional<EffectiveSetting> perQos = explicit("cgroupsPerQOS");
            if (perQos.flatMap(EffectiveSetting::asBoolean).map(b -> !b.value()).orElse(false)) {
                for (String item : items) {
                    if (!item.equals("none")) {
                        Finding.Builder f = ctx.finding(at(perQos.get()), "cgroupsPerQOS (--cgroups-per-qos) must be set to "
                                + "true when \"" + item + "\" contained in enforceNodeAllocatable (--enforce-node-allocatable)"
                                + (enforceAt == null ? ", which defaults to [pods]" : "") + exits()
                                + "; set enforceNodeAllocatable to [] or [none], or keep cgroupsPerQOS true");
                        if (enforceAt != null) {
                            f.related(enforceAt, "enforceNodeAllocatable " + items);
                        }
                        f.report();
                        break;
                    }
                }
            }
            if (enforceAt == null) {
                return;
            }
            for (String item : items) {
                if (!ENFORCEMENTS.contains(item)) {
                    ctx.report(enforceAt, "option \"" + item + "\" specified for enforceNodeAllocatable "
                            + "(--enforce-node-allocatable) is not valid; valid options are \"pods\", \"system-reserved\", "
                            + "\"system-reserved-compressible\", \"kube-reserved\", \"kube-reserved-compressible\" or "
                            + "\"none\"" + exits());
                }
            }
            if (items.contains("none") && items.size() > 1) {
                ctx.report(enforceAt, "enforceNodeAllocatable (--enforce-node-allocatable) may not contain additional "
                        + "enforcements when \"none\" is specified" + exits());
            }
            requireCgroup(items, enforceAt, "system", "systemReservedCgroup", "--system-reserved-cgroup");
            requireCgroup(items, enforceAt, "kube", "kubeReservedCgroup", "--kube-reserved-cgroup");
        }

        private void requireCgroup(List<String> items, Origin enforceAt, String who, String field, String flag) {
            boolean named = items.contains(who + "-reserved") || items.contains(who + "-reserved-compressible");
            boolean set = e.setting(field).flatMap(EffectiveSetting::asString).map(x -> !x.value().isEmpty()).orElse(false);
            if (named && !set) {
                ctx.report(enforceAt, field + " (" + flag + ") must be specified when \"" + who + "-reserved\" or \""
                        + who + "-reserved-compressible\" included in enforceNodeAllocatable (--enforce-node-allocatable)"
                        + exits());
            }
        }

        void swap() {
            Optional<EffectiveSetting> s = explicit("memorySwap.swapBehavior");
            Optional<String> behavior = s.flatMap(EffectiveSetting::asString).map(Setting::value);
            if (behavior.isEmpty() || behavior.get().isEmpty()) {
                return;
            }
            // NodeSwap: beta and off by default 1.28-1.29, on by default from 1.30, GA (locked) from 1.34
            boolean gateOn = e.featureGate("NodeSwap").map(Setting::value).orElse(v.isAtLeast(1, 30)) || v.isAtLeast(1, 34);
            if (!gateOn) {
                ctx.report(at(s.get()), "memorySwap.swapBehavior cannot be set when NodeSwap feature flag is disabled"
                        + exits() + "; enable the NodeSwap feature gate or remove memorySwap");
                return;
            }
            Set<String> allowed = v.isBefore(1, 30) ? Set.of("LimitedSwap", "UnlimitedSwap") : Set.of("LimitedSwap", "NoSwap");
            if (!allowed.contains(behavior.get())) {
                ctx.report(at(s.get()), "memorySwap.swapBehavior \"" + behavior.get() + "\" must be one of: \"\", "
                        + String.join(", ", allowed.stream().sorted().map(x -> "\"" + x + "\"").toList()) + exits());
            }
        }

        void imagePulls() {
            Optional<EffectiveSetting> max = explicit("maxParallelImagePulls");
            Optional<Setting<Long>> n = max.flatMap(EffectiveSetting::asLong);
            if (n.isEmpty()) {
                return;
            }
            if (n.get().value() < 1) {
                ctx.report(at(max.get()), "maxParallelImagePulls " + n.get().value() + " must be a positive number" + exits());
                return;
            }
            Optional<EffectiveSetting> serial = explicit("serializeImagePulls");
            if (n.get().value() > 1 && serial.flatMap(EffectiveSetting::asBoolean).map(Setting::value).orElse(false)) {
                ctx.finding(at(max.get()), "maxParallelImagePulls cannot be larger than 1 unless SerializeImagePulls "
                                + "(--serialize-image-pulls) is set to false" + exits())
                        .related(at(serial.get()), "serializeImagePulls: true")
                        .report();
            }
        }

        void ranges() {
            range("port", 1, 65535, false);
            range("healthzPort", 1, 65535, true);
            range("readOnlyPort", 0, 65535, false);
            range("oomScoreAdj", -1000, 1000, false);
            range("iptablesMasqueradeBit", 0, 31, false);
            range("iptablesDropBit", 0, 31, false);
            for (String field : NON_NEGATIVE) {
                range(field, 0, Long.MAX_VALUE, false);
            }
            Optional<EffectiveSetting> lease = explicit("nodeLeaseDurationSeconds");
            lease.flatMap(EffectiveSetting::asLong).filter(x -> x.value() <= 0).ifPresent(x ->
                    ctx.report(at(lease.get()), "nodeLeaseDurationSeconds must be greater than 0" + exits()));
            Optional<EffectiveSetting> files = explicit("containerLogMaxFiles");
            files.flatMap(EffectiveSetting::asLong).filter(x -> x.value() <= 1).ifPresent(x ->
                    ctx.report(at(files.get()), "containerLogMaxFiles (--container-log-max-files) " + x.value()
                            + " must be greater than 1" + exits()));
            Optional<EffectiveSetting> logs = explicit("podLogsDir");
            logs.flatMap(EffectiveSetting::asString).map(Setting::value).ifPresent(dir -> {
                if (dir.isEmpty() || !dir.startsWith("/") || !dir.equals(clean(dir))) {
                    ctx.report(at(logs.get()), "podLogsDir \"" + dir + "\" must be a non-empty, absolute and "
                            + "normalized path" + exits());
                }
            });
        }

        private void range(String field, long min, long max, boolean zeroAllowed) {
            Optional<EffectiveSetting> s = explicit(field);
            Optional<Setting<Long>> n = s.flatMap(EffectiveSetting::asLong);
            if (n.isEmpty() || (zeroAllowed && n.get().value() == 0)) {
                return;
            }
            long x = n.get().value();
            if (x < min || x > max) {
                String rule = max == Long.MAX_VALUE ? "must not be a negative number"
                        : "must be between " + min + " and " + max + ", inclusive";
                ctx.report(at(s.get()), field + flagOf(field) + " " + x + " " + rule + exits());
            }
        }

        void enums() {
            oneOf("topologyManagerPolicy", TOPOLOGY_POLICIES);
            oneOf("topologyManagerScope", TOPOLOGY_SCOPES);
            oneOf("hairpinMode", HAIRPIN_MODES);
        }

        private void oneOf(String field, Set<String> allowed) {
            Optional<EffectiveSetting> s = explicit(field);
            s.flatMap(EffectiveSetting::asString).map(Setting::value).filter(x -> !allowed.contains(x)).ifPresent(x ->
                    ctx.report(at(s.get()), field + flagOf(field) + " \"" + x + "\" is not one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + exits()));
        }

        void failCgroupV1() {
            Optional<Setting<NodeProfile.CgroupVersion>> cgroup = node.profile().flatMap(NodeProfile::cgroupVersion);
            if (cgroup.isEmpty() || cgroup.get().value() != NodeProfile.CgroupVersion.V1) {
                return;
            }
            Optional<EffectiveSetting> fail = e.setting("failCgroupV1");
            if (fail.flatMap(EffectiveSetting::asBoolean).map(Setting::value).orElse(false)) {
                Origin where = fail.get().isExplicit() ? at(fail.get())
                        : node.kubeletConfiguration().map(c -> Origin.ofFile(c.file())).orElse(Origin.ofFile(Validator.NODE_FILE));
                Finding.Builder f = ctx.finding(where, "kubelet is configured to not run on a host using cgroup v1 "
                        + "(failCgroupV1 is " + described(fail.get(), "true") + "), and this host uses cgroup v1"
                        + exits() + "; move the host to cgroup v2, or set failCgroupV1: false while cgroup v1 is "
                        + "still supported");
                cgroup.get().origin().ifPresent(o -> f.related(o, "cgroupVersion: 1"));
                if (!fail.get().isExplicit()) {
                    node.kubeletConfiguration().ifPresent(c -> f.fix(Fix.suggestion("set failCgroupV1: false in " + c.file(),
                            new NodeEdit.SetValue(c.file(), List.of("failCgroupV1"), "false"))));
                }
                f.report();
            }
        }

        private static String clean(String path) {
            List<String> parts = new ArrayList<>();
            for (String p : path.split("/")) {
                if (p.isEmpty() || p.equals(".")) {
                    continue;
                }
                if (p.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                } else {
                    parts.add(p);
                }
            }
            return "/" + String.join("/", parts);
        }
    }
}
