package dev.criconf.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input format of {@link NodeTree}: separators, numbered separators, the link slot, {@link NodeTree#encode}. */
class NodeTreeTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<Integer, String> parts(String input) {
        Map<Integer, String> out = new TreeMap<>();
        NodeTree.parts(bytes(input)).forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void bareSeparatorsCountSlotsFromZero() {
        assertEquals(Map.of(0, "a\n", 1, "b\n", 2, ""), parts("a\n----\nb\n----\n"));
        assertEquals(Map.of(0, "", 1, "x"), parts("----\nx"), "a leading bare separator leaves slot 0 an empty file");
        assertEquals(Map.of(0, "a\n---- x\n-----\n"), parts("a\n---- x\n-----\n"), "not separators");
    }

    @Test
    void numberedSeparatorsNameTheirSlot() {
        assertEquals(Map.of(9, "toml\n", 10, "import\n"), parts("---- 9\ntoml\n----\nimport\n"));
        assertEquals(Map.of(0, "unit\n", 24, "{}\n"), parts("unit\n---- 24\n{}\n"));
        assertEquals(Map.of(3, "later\n"), parts("---- 3\nfirst\n---- 3\nlater\n"), "the later part for a slot wins");
        assertEquals(Map.of(999, "x\n"), parts("---- 999\nx\n"), "past the last slot: kept here, ignored by write()");
        assertEquals(Map.of(0, "---- 12345\n"), parts("---- 12345\n"), "at most three digits");
    }

    @Test
    void encodeWritesEveryFileBehindItsNumberedSeparator(@TempDir Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("etc/containerd/config.toml", bytes("version = 2\n"));
        files.put("/var/lib/kubelet/config.yaml", bytes("kind: KubeletConfiguration")); // no final newline
        files.put("etc/systemd/system/kubelet.service.d/10-kubeadm.conf", bytes("[Service]\n"));
        byte[] input = NodeTree.encode(files);
        assertEquals("---- 6\n../../../../var/lib/criconf-fuzz/link-target\n"
                + "---- 7\nkind: KubeletConfiguration\n"
                + "---- 9\nversion = 2\n"
                + "---- " + NodeTree.SLOTS.indexOf(NodeTree.LINK_TARGET) + "\n[Service]\n",
                new String(input, StandardCharsets.UTF_8));
        Path root = new NodeTree(dir).write(input);
        assertArrayEquals(bytes("version = 2\n"), Files.readAllBytes(root.resolve("etc/containerd/config.toml")));
        Path link = root.resolve("etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(bytes("[Service]\n"), Files.readAllBytes(link));
        assertFalse(Files.exists(root.resolve("usr")), "slots without a file get none");
        assertThrows(IllegalArgumentException.class, () -> NodeTree.encode(Map.of("etc/unknown.conf", bytes(""))));
        assertThrows(IllegalArgumentException.class, () -> NodeTree.encode(Map.of("etc/crio/crio.conf", bytes("a\n----\n"))));
    }

    @Test
    void writeEmptiesTheTreeFirst(@TempDir Path dir) throws IOException {
        NodeTree tree = new NodeTree(dir);
        tree.write(bytes("---- 13\nx\n---- 6\n/dev/null\n"));
        assertTrue(Files.exists(dir.resolve("etc/crio/crio.conf.d/00-default")));
        assertTrue(Files.isSymbolicLink(dir.resolve("etc/systemd/system/kubelet.service.d/10-kubeadm.conf")));
        tree.write(bytes("---- 24\n{}\n"));
        assertFalse(Files.exists(dir.resolve("etc/crio"), LinkOption.NOFOLLOW_LINKS), "no directory left from the previous input");
        assertFalse(Files.exists(dir.resolve("etc/systemd"), LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(dir.resolve("etc/docker/daemon.json")));
        assertTrue(Files.exists(Path.of("/dev/null")), "a link is deleted itself, never its target");
    }
}
