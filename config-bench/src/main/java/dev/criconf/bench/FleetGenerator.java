package dev.criconf.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a fleet of node roots for the lint benchmarks: each a directory shaped like those under
 * {@code examples/} (a {@code criconf.yaml} node profile and 5 to 8 files in all: container runtime
 * config, kubelet config, kubeadm flags, systemd drop-in, sysctl and modules-load files), with
 * values that vary from node to node. About a third of the nodes carry one or two faults of the
 * kinds the examples show (cgroup driver mismatch, wrong endpoint, split flags, a syntax error...).
 *
 * <p>Node {@code i} depends only on the seed and {@code i}, so the first 1,000 nodes of a 10,000
 * node fleet are the 1,000 node fleet. {@code MANIFEST.tsv} lists each node's runtime, versions
 * and injected faults (what was broken on purpose; the rules a fault triggers are the linter's call).
 *
 * <pre>
 * java -cp CLASSPATH dev.criconf.bench.FleetGenerator --out DIR --nodes N [--seed S] [--broken PERCENT]
 * </pre>
 */
public final class FleetGenerator {

    /** Default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** Default share of nodes with injected faults, in percent. */
    public static final int DEFAULT_BROKEN_PERCENT = 35;

    private FleetGenerator() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws IOException {
        Path out = null;
        int nodes = -1;
        long seed = DEFAULT_SEED;
        int broken = DEFAULT_BROKEN_PERCENT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--broken" -> broken = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null || nodes < 0 || broken < 0 || broken > 100) {
            System.err.println("usage: FleetGenerator --out DIR --nodes N [--seed S] [--broken PERCENT]");
            System.exit(2);
            return;
        }
        Summary summary = write(out, nodes, seed, broken);
        System.out.printf(Locale.ROOT, "%d node roots (%d with injected faults), %d files, in %s%n",
                summary.nodes(), summary.faulty(), summary.files(), out);
    }

    /** What {@link #write} wrote. */
    public record Summary(int nodes, int faulty, int files) {}

    /**
     * Writes nodes {@code 0..nodes-1} of the fleet for {@code seed} under {@code out} (one directory
     * per node, {@code node-NNNNN}) and {@code out/MANIFEST.tsv}.
     */
    public static Summary write(Path out, int nodes, long seed, int broken) throws IOException {
        Files.createDirectories(out);
        StringBuilder manifest = new StringBuilder("node\truntime\tkubernetes\truntime_version\tfiles\tfaults\n");
        int width = Math.max(5, Integer.toString(nodes).length());
        int files = 0;
        int faulty = 0;
        for (int i = 0; i < nodes; i++) {
            String name = String.format(Locale.ROOT, "node-%0" + width + "d", i);
            Node node = Node.generate(seed, i, broken);
            for (Map.Entry<String, String> f : node.files.entrySet()) {
                Path p = out.resolve(name).resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
            files += node.files.size();
            faulty += node.faults.isEmpty() ? 0 : 1;
            manifest.append(name).append('\t').append(node.runtime).append('\t').append(node.kube).append('\t')
                    .append(node.runtimeVersion).append('\t').append(node.files.size()).append('\t')
                    .append(node.faults.isEmpty() ? "-" : String.join(",", node.faults)).append('\n');
        }
        Files.writeString(out.resolve("MANIFEST.tsv"), manifest, StandardCharsets.UTF_8);
        return new Summary(nodes, faulty, files);
    }

    /** One generated node: its files by path relative to the root, and what was broken on purpose. */
    static final class Node {
        final Map<String, String> files = new LinkedHashMap<>();
        final List<String> faults = new ArrayList<>();
        String runtime;
        String kube;
        String runtimeVersion;

        private final Random r;
        private String endpoint;
        private String kubeletDriver = "systemd";
        private String pause;

        private Node(Random r) {
            this.r = r;
        }

        static Node generate(long seed, int index, int brokenPercent) {
            Random r = new Random(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
            Node n = new Node(r);
            n.build(r.nextInt(100) < brokenPercent);
            return n;
        }

        private <T> T pick(List<T> options) {
            return options.get(r.nextInt(options.size()));
        }

        private void build(boolean broken) {
            int kind = r.nextInt(100);
            runtime = kind < 40 ? "containerd" : kind < 65 ? "containerd-1.7" : kind < 90 ? "crio" : "cri-dockerd";
            List<String> candidates = switch (runtime) {
                case "containerd" -> List.of("containerd-cgroup", "endpoint", "flag-split", "kernel-prereq",
                        "kubelet-values", "toml-syntax", "yaml-duplicate", "deprecated-flag");
                case "containerd-1.7" -> List.of("containerd-cgroup", "registry-mirrors", "no-version", "flag-split",
                        "kubelet-values", "old-pause", "yaml-duplicate");
                case "crio" -> List.of("crio-conmon", "endpoint", "flag-split", "kernel-prereq", "kubelet-values",
                        "old-pause", "toml-syntax");
                // three runtime files already: no room for a hardening sysctl file within 8 files
                default -> List.of("cri-dockerd-socket", "endpoint", "flag-split", "kubelet-values");
            };
            if (broken) {
                faults.add(pick(candidates));
                if (r.nextInt(4) == 0) {
                    String second = pick(candidates);
                    if (!faults.contains(second)) {
                        faults.add(second);
                    }
                }
            }
            kube = switch (runtime) {
                case "containerd" -> pick(List.of("1.33.5", "1.34.1", "1.35.0", "1.35.0"));
                case "containerd-1.7" -> pick(List.of("1.32.9", "1.33.5", "1.35.0"));
                case "crio" -> pick(List.of("1.33.5", "1.34.1", "1.35.0"));
                default -> pick(List.of("1.34.1", "1.35.0"));
            };
            String minor = kube.substring(0, kube.lastIndexOf('.'));
            pause = "registry.k8s.io/pause:" + (minor.equals("1.32") || minor.equals("1.33") ? "3.10" : "3.10.1");
            if (faults.contains("old-pause")) {
                pause = "registry.k8s.io/pause:3.9";
            }
            switch (runtime) {
                case "containerd" -> containerd2();
                case "containerd-1.7" -> containerd17();
                case "crio" -> crio(minor);
                default -> criDockerd();
            }
            profile();
            kubeletConfig();
            flagsFile();
            dropIn();
            sysctl();
            if (files.size() < 8 && r.nextBoolean()) {
                files.put("etc/modules-load.d/k8s.conf", runtime.equals("crio") ? "overlay\n" : "overlay\nbr_netfilter\n");
            }
            if (files.size() < 8 && r.nextInt(3) != 0) {
                String pool = pick(List.of("batch", "web", "gpu", "infra", "edge"));
                String extra = faults.contains("flag-split")
                        ? "# Labels for the " + pool + " node pool (added by hand).\n"
                                + "KUBELET_EXTRA_ARGS=\"--node-labels=node.example.com/pool=" + pool + ", node.example.com/tier="
                                + r.nextInt(4) + "\"\n"
                        : "KUBELET_EXTRA_ARGS=" + (r.nextBoolean() ? "" : "\"--max-pods=" + (110 + 10 * r.nextInt(10)) + "\"") + "\n";
                files.put("etc/default/kubelet", extra);
            } else if (faults.contains("flag-split")) {
                faults.remove("flag-split"); // no room for the file that carries it
            }
        }

        private String ip() {
            return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        }

        private void profile() {
            StringBuilder sb = new StringBuilder("# Node profile: the facts criconf cannot read from the config files themselves.\n");
            sb.append("kubernetesVersion: \"").append(kube).append("\"\n");
            switch (runtime) {
                case "containerd", "containerd-1.7" -> sb.append("containerdVersion: \"").append(runtimeVersion).append("\"\n");
                case "crio" -> sb.append("crioVersion: \"").append(runtimeVersion).append("\"\n");
                default -> sb.append("criDockerdVersion: \"").append(runtimeVersion).append("\"\ndockerVersion: \"28.5.1\"\n");
            }
            sb.append("cgroupVersion: 2\ninit: systemd\nos: linux\n");
            files.put("criconf.yaml", sb.toString());
        }

        private void containerd2() {
            runtimeVersion = pick(List.of("2.1.4", "2.2.0"));
            endpoint = "unix:///var/run/containerd/containerd.sock";
            if (faults.contains("containerd-cgroup")) {
                kubeletDriver = "cgroupfs";
            }
            StringBuilder sb = new StringBuilder();
            sb.append("# /etc/containerd/config.toml -- written by the node bootstrap role.\n");
            sb.append("version = 3\n\nroot = '/var/lib/containerd'\nstate = '/run/containerd'\n");
            if (faults.contains("toml-syntax")) {
                sb.append("oom_score = -999\n\n[grpc\n  address = '/run/containerd/containerd.sock'\n\n");
            } else {
                sb.append("\n[grpc]\n  address = '/run/containerd/containerd.sock'\n\n");
            }
            sb.append("[plugins]\n  [plugins.'io.containerd.cri.v1.images']\n    snapshotter = '")
                    .append(pick(List.of("overlayfs", "overlayfs", "native"))).append("'\n\n");
            sb.append("    [plugins.'io.containerd.cri.v1.images'.pinned_images]\n      sandbox = '").append(pause).append("'\n\n");
            sb.append("    [plugins.'io.containerd.cri.v1.images'.registry]\n      config_path = '/etc/containerd/certs.d'\n\n");
            sb.append("  [plugins.'io.containerd.cri.v1.runtime']\n    [plugins.'io.containerd.cri.v1.runtime'.containerd]\n");
            sb.append("      default_runtime_name = 'runc'\n\n");
            sb.append("      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]\n");
            sb.append("        runtime_type = 'io.containerd.runc.v2'\n\n");
            sb.append("        [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n");
            sb.append("          SystemdCgroup = true\n");
            if (r.nextInt(5) == 0) {
                sb.append("\n      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.nvidia]\n");
                sb.append("        runtime_type = 'io.containerd.runc.v2'\n");
                sb.append("        [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.nvidia.options]\n");
                sb.append("          BinaryName = '/usr/bin/nvidia-container-runtime'\n          SystemdCgroup = true\n");
            }
            sb.append("\n    [plugins.'io.containerd.cri.v1.runtime'.cni]\n      bin_dirs = ['/opt/cni/bin']\n");
            sb.append("      conf_dir = '/etc/cni/net.d'\n");
            files.put("etc/containerd/config.toml", sb.toString());
        }

        private void containerd17() {
            runtimeVersion = pick(List.of("1.7.27", "1.7.28"));
            endpoint = "unix:///run/containerd/containerd.sock";
            boolean systemd = !faults.contains("containerd-cgroup");
            StringBuilder sb = new StringBuilder();
            if (faults.contains("no-version")) {
                sb.append("# Shipped by the containerd.io package: Docker does not need the CRI plugin.\n");
                sb.append("disabled_plugins = [\"cri\"]\n\n#root = \"/var/lib/containerd\"\n#state = \"/run/containerd\"\n\n");
                sb.append("# --- appended by hand for Kubernetes ---\n");
            } else {
                sb.append("# /etc/containerd/config.toml for containerd 1.7 (config schema version 2).\nversion = 2\n\n");
            }
            sb.append("[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"").append(pause).append("\"\n");
            sb.append("  max_container_log_line_size = ").append(16384 * (1 + r.nextInt(4))).append("\n\n");
            sb.append("  [plugins.\"io.containerd.grpc.v1.cri\".containerd]\n    default_runtime_name = \"runc\"\n\n");
            sb.append("    [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n");
            sb.append("      runtime_type = \"io.containerd.runc.v2\"\n\n");
            sb.append("      [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n");
            sb.append("        SystemdCgroup = ").append(systemd).append("\n\n");
            sb.append("  [plugins.\"io.containerd.grpc.v1.cri\".registry]\n    config_path = \"/etc/containerd/certs.d\"\n");
            if (faults.contains("registry-mirrors")) {
                sb.append("\n    # Docker Hub pull-through cache, from the original install.\n");
                sb.append("    [plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n");
                sb.append("      endpoint = [\"https://mirror-").append(r.nextInt(9)).append(".registry.example.internal\"]\n");
            }
            files.put("etc/containerd/config.toml", sb.toString());
        }

        private void crio(String minor) {
            runtimeVersion = minor + "." + r.nextInt(10);
            endpoint = "unix:///var/run/crio/crio.sock";
            if (faults.contains("crio-conmon")) {
                kubeletDriver = "cgroupfs";
                files.put("etc/crio/crio.conf", "# /etc/crio/crio.conf -- made with `crio config` and trimmed.\n\n"
                        + "[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n# Carried over from an old CRI-O config file.\n"
                        + "conmon_cgroup = \"system.slice\"\ndefault_runtime = \"runc\"\n\n"
                        + "[crio.runtime.runtimes.runc]\nruntime_path = \"/usr/bin/runc\"\nruntime_root = \"/run/runc\"\n"
                        + "monitor_path = \"/usr/bin/conmon\"\n\n[crio.image]\npause_image = \"" + pause + "\"\n");
                return;
            }
            files.put("etc/crio/crio.conf.d/10-crio.conf", "# Installed by the cri-o package. Local changes go in 20-*.conf.\n"
                    + "[crio.image]\nsignature_policy = \"/etc/crio/policy.json\"\n\n[crio.runtime]\ndefault_runtime = \"crun\"\n\n"
                    + "[crio.runtime.runtimes.crun]\nruntime_path = \"/usr/libexec/crio/crun\"\nruntime_root = \"/run/crun\"\n"
                    + "monitor_path = \"/usr/libexec/crio/conmon\"\nallowed_annotations = [\n    \"io.containers.trace-syscall\",\n]\n\n"
                    + "[crio.runtime.runtimes.runc]\nruntime_path = \"/usr/libexec/crio/runc\"\nruntime_root = \"/run/runc\"\n"
                    + "monitor_path = \"/usr/libexec/crio/conmon\"\n");
            String site = "# Site settings for Kubernetes nodes (managed by config management).\n[crio.runtime]\n"
                    + "cgroup_manager = \"systemd\"\npids_limit = " + (1024 * (1 + r.nextInt(8))) + "\n\n"
                    + "[crio.image]\npause_image = \"" + pause + "\"\n";
            if (faults.contains("toml-syntax")) {
                site = site.replace("pids_limit = ", "pids_limit = = ");
            }
            files.put("etc/crio/crio.conf.d/20-kubernetes.conf", site);
        }

        private void criDockerd() {
            runtimeVersion = pick(List.of("0.3.20", "0.4.0"));
            endpoint = "unix:///run/cri-dockerd.sock";
            String listen = faults.contains("cri-dockerd-socket") ? "unix:///var/run/docker.sock" : "fd://";
            files.put("etc/docker/daemon.json", "{\n  \"exec-opts\": [\"native.cgroupdriver=systemd\"],\n"
                    + "  \"log-driver\": \"json-file\",\n  \"log-opts\": {\n    \"max-size\": \"" + (10 * (1 + r.nextInt(10)))
                    + "m\",\n    \"max-file\": \"" + (2 + r.nextInt(4)) + "\"\n  },\n  \"storage-driver\": \"overlay2\"\n}\n");
            files.put("etc/systemd/system/cri-docker.service", "[Unit]\nDescription=CRI Interface for Docker Application Container Engine\n"
                    + "After=network-online.target firewalld.service docker.service\nWants=network-online.target\n"
                    + (listen.equals("fd://") ? "Requires=cri-docker.socket\n" : "Requires=docker.service\n")
                    + "\n[Service]\nType=notify\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint " + listen
                    + " --pod-infra-container-image=" + pause + "\nRestart=always\nRestartSec=2\nDelegate=yes\nKillMode=process\n\n"
                    + "[Install]\nWantedBy=multi-user.target\n");
            if (listen.equals("fd://")) {
                files.put("usr/lib/systemd/system/cri-docker.socket", "[Unit]\nDescription=CRI Docker Socket for the API\n"
                        + "PartOf=cri-docker.service\n\n[Socket]\nListenStream=%t/cri-dockerd.sock\nSocketMode=0660\n"
                        + "SocketUser=root\nSocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n");
            }
        }

        private void kubeletConfig() {
            String ep = endpoint;
            if (faults.contains("endpoint")) {
                ep = pick(List.of("/var/run/crio/crio.sock", "unix:///var/run/dockershim.sock", "/run/containerd/containerd.sock"));
                if (ep.equals(endpoint.substring("unix://".length()))) {
                    ep = "unix:///var/run/cri-o.sock";
                }
            }
            StringBuilder sb = new StringBuilder();
            if (faults.contains("kubelet-values")) {
                sb.append("# Managed by config management (roles/kubelet/templates/config.yaml.j2).\n");
            }
            sb.append("apiVersion: kubelet.config.k8s.io/v1beta1\nauthentication:\n  anonymous:\n    enabled: false\n");
            sb.append("  webhook:\n    cacheTTL: 0s\n    enabled: true\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n");
            sb.append("authorization:\n  mode: Webhook\n  webhook:\n    cacheAuthorizedTTL: 0s\n    cacheUnauthorizedTTL: 0s\n");
            sb.append("cgroupDriver: ").append(kubeletDriver).append('\n');
            sb.append("clusterDNS:\n- 10.96.0.10\nclusterDomain: cluster.local\n");
            sb.append("containerRuntimeEndpoint: ").append(ep).append('\n');
            if (faults.contains("kubelet-values")) {
                sb.append("evictionHard:\n  memory.available: ").append(100 * (1 + r.nextInt(9))).append("Mi\n");
                sb.append("failSwapOn: no\n");
                sb.append("imageGCHighThresholdPercent: 80\nimageGCLowThresholdPercent: 85\n");
            } else if (r.nextBoolean()) {
                sb.append("evictionHard:\n  memory.available: ").append(100 * (1 + r.nextInt(9))).append("Mi\n");
                sb.append("  nodefs.available: 10%\n  nodefs.inodesFree: 5%\n  imagefs.available: 15%\n");
            }
            sb.append("healthzBindAddress: 127.0.0.1\nhealthzPort: 10248\nkind: KubeletConfiguration\n");
            if (r.nextBoolean() || faults.contains("yaml-duplicate")) {
                sb.append("maxPods: ").append(110 + 10 * r.nextInt(15)).append('\n');
            }
            if (faults.contains("yaml-duplicate")) {
                sb.append("maxPods: 250\n");
            }
            sb.append("kubeReserved:\n  cpu: ").append(100 + 50 * r.nextInt(6)).append("m\n  memory: ")
                    .append(256 * (1 + r.nextInt(4))).append("Mi\n");
            sb.append("memorySwap: {}\nresolvConf: /run/systemd/resolve/resolv.conf\nrotateCertificates: true\n");
            sb.append("runtimeRequestTimeout: 0s\nshutdownGracePeriod: ").append(30 * r.nextInt(3)).append("s\n");
            sb.append("staticPodPath: /etc/kubernetes/manifests\nstreamingConnectionIdleTimeout: 0s\nsyncFrequency: 0s\n");
            files.put("var/lib/kubelet/config.yaml", sb.toString());
        }

        private void flagsFile() {
            String minor = kube.substring(0, kube.lastIndexOf('.'));
            StringBuilder flags = new StringBuilder();
            boolean old = minor.equals("1.32") || minor.equals("1.33");
            if (old || faults.contains("deprecated-flag")) {
                flags.append("--container-runtime-endpoint=").append(endpoint).append(' ');
            }
            flags.append("--node-ip=").append(ip());
            if (old || faults.contains("deprecated-flag")) {
                flags.append(" --pod-infra-container-image=").append(pause);
            }
            files.put("var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"" + flags + "\"\n");
        }

        private void dropIn() {
            files.put("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
                    "# Note: This dropin only works with kubeadm and kubelet v1.11+\n[Service]\n"
                            + "Environment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf"
                            + " --kubeconfig=/etc/kubernetes/kubelet.conf\"\n"
                            + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n"
                            + "# Written by \"kubeadm init\" / \"kubeadm join\": sets KUBELET_KUBEADM_ARGS.\n"
                            + "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\n"
                            + "# Last-resort overrides by the operator: sets KUBELET_EXTRA_ARGS.\n"
                            + "EnvironmentFile=-/etc/default/kubelet\nExecStart=\n"
                            + "ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS"
                            + " $KUBELET_EXTRA_ARGS\n");
        }

        private void sysctl() {
            StringBuilder sb = new StringBuilder("# Kubernetes node prerequisites (see \"Container Runtimes\" in the Kubernetes docs).\n");
            sb.append("net.ipv4.ip_forward = 1\n");
            if (!runtime.equals("crio")) {
                sb.append("net.bridge.bridge-nf-call-iptables = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\n");
            }
            if (r.nextInt(3) == 0) {
                sb.append("fs.inotify.max_user_instances = ").append(512 * (1 + r.nextInt(4))).append('\n');
            }
            files.put("etc/sysctl.d/99-kubernetes.conf", sb.toString());
            if (faults.contains("kernel-prereq")) {
                files.put("etc/sysctl.d/99-zz-cis-hardening.conf", "# CIS benchmark 3.1.1 / 3.2.x: this host is not a router.\n"
                        + "net.ipv4.ip_forward = 0\nnet.ipv4.conf.all.send_redirects = 0\nnet.ipv4.conf.default.send_redirects = 0\n");
            }
        }
    }
}
