package dev.criconf.validate.report;

import static dev.criconf.validate.report.JsonTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Origin;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Report;
import dev.criconf.validate.Secrets;
import dev.criconf.validate.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private final JsonRenderer renderer = new JsonRenderer(Fixtures.TOOL);

    @Test
    void hasTheDocumentedTopLevelShape() {
        Object doc = JsonTree.parse(renderer.render(Fixtures.fleet()));
        assertEquals(List.of("tool", "nodes", "summary"), List.copyOf(((Map<?, ?>) doc).keySet()));
        assertEquals(Map.of("name", "criconf", "version", "0.1.0"), at(doc, "tool"));
        assertEquals(Map.of("error", 4L, "warning", 2L, "info", 1L), at(doc, "summary"));
        List<?> nodes = at(doc, "nodes");
        assertEquals(3, nodes.size());
        assertEquals("nodes/worker-1", at(doc, "nodes", 0, "root"));
        assertEquals("", at(doc, "nodes", 2, "root"));
        assertEquals(List.of("etc/containerd/config.toml", "var/lib/kubelet/config.yaml"), at(doc, "nodes", 0, "files"));
        for (Object node : nodes) {
            assertEquals(List.of("root", "files", "findings"), List.copyOf(((Map<?, ?>) node).keySet()));
        }
    }

    @Test
    void findingsCarryLocationRelatedAndFixes() {
        Object doc = JsonTree.parse(renderer.render(Fixtures.fleet()));
        Map<String, Object> cgroup = at(doc, "nodes", 0, "findings", 2);
        assertEquals(List.of("rule", "severity", "message", "location", "related", "fix", "fixes"),
                List.copyOf(cgroup.keySet()));
        assertEquals("cgroup-driver-mismatch", cgroup.get("rule"));
        assertEquals("error", cgroup.get("severity"));
        assertEquals("kubelet uses cgroupfs but containerd's runc handler uses systemd", cgroup.get("message"));
        assertEquals(Map.of("file", "var/lib/kubelet/config.yaml", "line", 7L, "column", 15L), cgroup.get("location"));
        assertEquals(List.of(Map.of("file", "etc/containerd/config.toml", "line", 12L, "column", 9L,
                "message", "SystemdCgroup = true")), cgroup.get("related"));

        Map<String, Object> fix = at(cgroup, "fix");
        assertEquals("set the kubelet's cgroupDriver to systemd", fix.get("description"));
        assertEquals(Boolean.TRUE, fix.get("machineApplicable"));
        assertEquals(List.of(Map.of("op", "set-cgroup-driver", "side", "kubelet", "driver", "systemd")),
                fix.get("edits"));
        List<Map<String, Object>> fixes = at(cgroup, "fixes");
        assertEquals(2, fixes.size());
        assertEquals(fix, fixes.get(0));
        assertEquals("make containerd use cgroupfs", fixes.get(1).get("description"));
        assertEquals(Boolean.FALSE, fixes.get(1).get("machineApplicable"));
        assertEquals(List.of(Map.of("op", "set-cgroup-driver", "side", "runtime", "driver", "cgroupfs")),
                fixes.get(1).get("edits"));

        Map<String, Object> setValue = at(doc, "nodes", 0, "findings", 1, "fix", "edits", 0);
        assertEquals(Map.of("op", "set-value", "file", "etc/containerd/config.toml",
                "keyPath", List.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image"),
                "value", "registry.k8s.io/pause:3.10"), setValue);

        Map<String, Object> syntax = at(doc, "nodes", 0, "findings", 0);
        assertFalse(syntax.containsKey("fix"), "no fix key without a fix");
        assertEquals(List.of(), syntax.get("fixes"));
        assertEquals(List.of(), syntax.get("related"));
        assertEquals("info", at(doc, "nodes", 0, "findings", 1, "severity"));
    }

    @Test
    void everyEditVariantBecomesAnOpWithItsFields() {
        List<NodeEdit> edits = List.of(
                new NodeEdit.SetSandboxImage("registry.k8s.io/pause:3.10"),
                new NodeEdit.SetRuntimeEndpoint("unix:///run/containerd/containerd.sock"),
                new NodeEdit.EnableContainerdCri(),
                new NodeEdit.SetKubeletFlag("node-ip", "10.0.0.5"),
                new NodeEdit.RemoveKubeletFlag("container-runtime"),
                new NodeEdit.SetCrioConmonCgroup("pod"),
                new NodeEdit.RemoveValue("etc/crio/crio.conf", List.of("crio", "runtime", "log_level")));
        Finding f = new Finding("x-rule", Severity.ERROR, "m", Origin.ofFile("f"), List.of(),
                List.of(new Fix("all of them", edits, true)));
        Object doc = JsonTree.parse(renderer.render(new Report("", List.of(), List.of(f), List.of(), Secrets.none())));
        List<Map<String, Object>> out = at(doc, "nodes", 0, "findings", 0, "fix", "edits");
        assertEquals(List.of(
                Map.of("op", "set-sandbox-image", "image", "registry.k8s.io/pause:3.10"),
                Map.of("op", "set-runtime-endpoint", "endpoint", "unix:///run/containerd/containerd.sock"),
                Map.of("op", "enable-containerd-cri"),
                Map.of("op", "set-kubelet-flag", "name", "node-ip", "value", "10.0.0.5"),
                Map.of("op", "remove-kubelet-flag", "name", "container-runtime"),
                Map.of("op", "set-crio-conmon-cgroup", "value", "pod"),
                Map.of("op", "remove-value", "file", "etc/crio/crio.conf",
                        "keyPath", List.of("crio", "runtime", "log_level"))), out);
        // edits are rendered from record components; a variant that is not a record would only get
        // its description
        for (Class<?> variant : NodeEdit.class.getPermittedSubclasses()) {
            assertTrue(variant.isRecord(), variant + " is a record");
        }
    }

    @Test
    void opNamesAreKebabCase() {
        assertEquals("set-cgroup-driver", Edits.op(NodeEdit.SetCgroupDriver.class));
        assertEquals("enable-containerd-cri", Edits.op(NodeEdit.EnableContainerdCri.class));
        assertEquals("set-crio-conmon-cgroup", Edits.op(NodeEdit.SetCrioConmonCgroup.class));
        assertEquals("parse-url-value", Edits.op(ParseURLValue.class));
        assertEquals("cri-dockerd", Edits.kebab("CRI_DOCKERD"));
    }

    private static final class ParseURLValue {
    }

    @Test
    void escapesWhatJsonMustEscape() {
        String nasty = "quote \" backslash \\ newline \n tab \t nul \u0000 esc \u001b unicode ü 𝄞";
        Finding f = new Finding("x-rule", Severity.WARNING, nasty, Origin.ofFile("dir/\"odd\".toml"), List.of(),
                List.of());
        String json = renderer.render(new Report("r", List.of("dir/\"odd\".toml"), List.of(f), List.of(),
                Secrets.none()));
        Object doc = JsonTree.parse(json);
        assertEquals(nasty, at(doc, "nodes", 0, "findings", 0, "message"));
        assertEquals("dir/\"odd\".toml", at(doc, "nodes", 0, "findings", 0, "location", "file"));
        assertFalse(json.contains("\u0000") || json.contains("\u001b"), "control characters are escaped");
    }

    @Test
    void anEmptyRunIsAValidDocument() {
        String json = renderer.render(List.of());
        Object doc = JsonTree.parse(json);
        assertEquals(List.of(), at(doc, "nodes"));
        assertEquals(Map.of("error", 0L, "warning", 0L, "info", 0L), at(doc, "summary"));
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("\r"), "LF line ends on every OS");
        assertEquals(Set.of("tool", "nodes", "summary"), ((Map<?, ?>) doc).keySet());
    }
}
