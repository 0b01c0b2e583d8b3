package dev.criconf.model.catalog;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.containerd.TomlKeyMatching;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The option names the shims of containerd's CRI runtime handlers understand, i.e. what may be
 * written in {@code [...containerd.runtimes.<name>.options]}. containerd never checks this map: it
 * is kept as written and decoded, without complaint about unknown keys, into the shim's options
 * type when a sandbox is created, so a misspelt option is silently ignored (Debian's containerd
 * 1.6.20 keeps {@code SystemdCgroups = true} and {@code systemd_cgroup = true} verbatim and runs runc
 * with cgroupfs; see the shared rule-facts notes, experiment e4).
 *
 * <p>Sources:
 * <ul>
 *   <li>runc: containerd {@code runtime/v2/runc/options/oci.pb.go} at v1.6.20 and
 *       {@code api/types/runc/options/oci.proto} on main (field 8 {@code criu_path} "Removed in
 *       containerd v2.0"; {@code task_api_address}, {@code task_api_version} added in 2.x). The TOML
 *       keys are the Go field names; 1.6.20's {@code containerd config default} prints exactly
 *       {@code BinaryName, CriuImagePath, CriuPath, CriuWorkPath, IoGid, IoUid, NoNewKeyring,
 *       NoPivotRoot, Root, ShimCgroup, SystemdCgroup}.</li>
 *   <li>runhcs (Windows): microsoft/hcsshim {@code cmd/containerd-shim-runhcs-v1/options/runhcs.proto}
 *       (an older revision); newer hcsshim releases add fields criconf has not read, so
 *       {@link #RUNHCS_OPTIONS} is known to be incomplete.</li>
 * </ul>
 */
public final class ContainerdRuntimeOptions {

    private ContainerdRuntimeOptions() {}

    /** {@code runtime_type} of the Windows shim. */
    public static final String RUNHCS_V1 = "io.containerd.runhcs.v1";

    private static final List<String> RUNC_COMMON = List.of("NoPivotRoot", "NoNewKeyring", "ShimCgroup", "IoUid", "IoGid",
            "BinaryName", "Root", "SystemdCgroup", "CriuImagePath", "CriuWorkPath");

    /**
     * runhcs options of the hcsshim revision criconf read, plus the newer names the research notes
     * list from later hcsshim releases. Incomplete: newer hcsshim releases may add more.
     */
    public static final Set<String> RUNHCS_OPTIONS = Set.of("Debug", "DebugType", "RegistryRoot", "SandboxImage",
            "SandboxPlatform", "SandboxIsolation", "BootFilesRootPath", "VmProcessorCount", "VmMemorySizeInMb",
            "DisableBindMounts", "DisablePhysicalDiskMounts", "DisableVirtualDiskMounts", "DisablePipeMounts",
            "DisableSandboxMounts", "ShareScratch", "NCProxyAddr", "IoRetryTimeoutInSec", "DefaultContainerAnnotations",
            "NoInheritHostTimezone", "ScrubLogs", "DefaultContainerScratchSizeInGb", "DefaultVmScratchSizeInGb",
            "LogLevel", "ScaleCpuLimitsToSandbox");

    /**
     * The runc options a containerd release knows: {@code CriuPath} only in 1.x,
     * {@code TaskApiAddress} and {@code TaskApiVersion} only in 2.x.
     */
    public static Set<String> runcOptions(ComponentVersion containerd) {
        Set<String> out = new LinkedHashSet<>(RUNC_COMMON);
        if (containerd.major() < 2) {
            out.add("CriuPath");
        } else {
            out.add("TaskApiAddress");
            out.add("TaskApiVersion");
        }
        return Set.copyOf(out);
    }

    /**
     * The option a key binds to in a release, if any: containerd 1.x decodes with go-toml v1 (exact,
     * lower-case, upper-case or first-letter-lowered spelling), 2.x with go-toml v2 (any letter case);
     * {@code systemd_cgroup} never binds ({@link TomlKeyMatching}).
     */
    public static Optional<String> bind(String key, Set<String> options, ComponentVersion containerd) {
        TomlKeyMatching m = TomlKeyMatching.forRelease(containerd);
        for (String o : options) {
            if (m.matches(key, o)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * The known option a key most likely meant: same letters ignoring case and underscores
     * ({@code systemd_cgroup}, {@code SystemdCGroup}), or one letter added, dropped or changed
     * ({@code SystemdCgroups}).
     */
    public static Optional<String> suggest(String key, Set<String> options) {
        String k = squash(key);
        List<String> close = new ArrayList<>();
        for (String o : options) {
            String s = squash(o);
            if (s.equals(k)) {
                return Optional.of(o);
            }
            if (withinOneEdit(k, s)) {
                close.add(o);
            }
        }
        close.sort(null);
        return close.isEmpty() ? Optional.empty() : Optional.of(close.get(0));
    }

    private static String squash(String s) {
        return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static boolean withinOneEdit(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
