package dev.criconf.io.toml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of edit, with the exact text it must produce. */
class TomlEditTest {

    private static TomlDocument doc(String text) {
        TomlDocument d = TomlDocument.parse("config.toml", text);
        assertEquals(List.of(), d.problems());
        return d;
    }

    // ---------------------------------------------------------------- replacing a value

    @Test
    void setKeepsTheCommentAfterTheValueAndTheSpacing() {
        TomlDocument d = doc("[plugins.cri]\n  sandbox_image   =  \"pause:3.6\"   # pinned by ops\n  x = 1\n");
        TomlDocument e = d.set("plugins.cri.sandbox_image", "registry.k8s.io/pause:3.9");
        assertEquals("[plugins.cri]\n  sandbox_image   =  \"registry.k8s.io/pause:3.9\"   # pinned by ops\n  x = 1\n", e.text());
        assertEquals("pause:3.6", d.getString("plugins.cri.sandbox_image").orElseThrow(), "the original is unchanged");
    }

    @Test
    void setKeepsALiteralStringWhenItCanHoldTheValue() {
        TomlDocument d = doc("[plugins.'io.containerd.cri.v1.images'.pinned_images]\n  sandbox = 'registry.k8s.io/pause:3.10'\n");
        String path = "plugins.'io.containerd.cri.v1.images'.pinned_images.sandbox";
        assertEquals("[plugins.'io.containerd.cri.v1.images'.pinned_images]\n  sandbox = 'registry.k8s.io/pause:3.10.1'\n",
                d.set(path, "registry.k8s.io/pause:3.10.1").text());
        assertEquals("[plugins.'io.containerd.cri.v1.images'.pinned_images]\n  sandbox = \"it's\"\n",
                d.set(path, "it's").text(), "a literal string cannot hold an apostrophe");
    }

    @Test
    void setKeepsMultiLineStringsAndNumberNotation() {
        TomlDocument d = doc("text = '''\nline one\n'''\nmode = 0o755\nmask = 0xFF_FF\n");
        TomlDocument e = d.set("text", "a\nb").set("mode", 0644L).set("mask", 255);
        assertEquals("text = '''a\nb'''\nmode = 0o644\nmask = 0xFF\n", e.text());
    }

    @Test
    void crlfFileKeepsCrlfOnReplacedAndAddedLines() {
        TomlDocument d = doc("version = 2\r\n\r\n[plugins.cri]\r\n  enable_selinux = false\r\n");
        TomlDocument e = d.set("plugins.cri.enable_selinux", true).set("plugins.cri.sandbox_image", "pause:3.9");
        assertEquals("version = 2\r\n\r\n[plugins.cri]\r\n  enable_selinux = true\r\n  sandbox_image = \"pause:3.9\"\r\n",
                e.text());
    }

    @Test
    void bomFileKeepsItsBom() {
        byte[] bytes = "\uFEFF# containerd\r\nversion = 2\r\n".getBytes(StandardCharsets.UTF_8);
        TomlDocument d = TomlDocument.parse("config.toml", bytes);
        assertEquals(List.of(), d.problems());
        assertArrayEquals(bytes, d.toBytes());
        assertEquals(2L, d.getLong("version").orElseThrow());
        TomlDocument e = d.set("version", 3).set("root", "/var/lib/containerd");
        assertArrayEquals("\uFEFF# containerd\r\nversion = 3\r\nroot = \"/var/lib/containerd\"\r\n".getBytes(StandardCharsets.UTF_8),
                e.toBytes());
    }

    @Test
    void missingFinalNewlineStaysMissing() {
        TomlDocument d = doc("[a]\nx = 1");
        assertEquals("[a]\nx = 1\ny = 2", d.set("a.y", 2).text());
        assertEquals("[a]\nx = 5", d.set("a.x", 5).text());
        assertEquals("[a]", d.remove("a.x").text());
    }

    // ---------------------------------------------------------------- adding keys

    @Test
    void addGoesAfterTheTablesLastEntryWithTheSiblingsIndentation() {
        TomlDocument d = doc("[a]\n    x = 1\n    y = 2\n\n# about b\n[b]\nz = 3\n");
        assertEquals("[a]\n    x = 1\n    y = 2\n    new = \"v\"\n\n# about b\n[b]\nz = 3\n", d.set("a.new", "v").text());
    }

    @Test
    void addUnderAnEmptyHeaderUsesTheFilesEntryIndentation() {
        TomlDocument d = doc("[a]\n  x = 1\n[b]\n[c]\n  z = 3\n");
        assertEquals("[a]\n  x = 1\n[b]\n  k = true\n[c]\n  z = 3\n", d.set("b.k", true).text());
    }

    @Test
    void addToARootWithoutKeysGoesBeforeTheFirstHeaderAndItsComments() {
        TomlDocument d = doc("# generated\n\n# the plugins\n[plugins]\nx = 1\n");
        assertEquals("# generated\n\nversion = 2\n\n# the plugins\n[plugins]\nx = 1\n", d.set("version", 2).text());
    }

    @Test
    void addToADottedKeyTableWritesADottedKey() {
        TomlDocument d = doc("[plugins]\n  cri.sandbox_image = \"pause\"\n  cri.stream_server_port = \"10010\"\n  other = 1\n");
        assertEquals("[plugins]\n  cri.sandbox_image = \"pause\"\n  cri.stream_server_port = \"10010\"\n"
                + "  cri.enable_selinux = false\n  other = 1\n", d.set("plugins.cri.enable_selinux", false).text());
    }

    @Test
    void addToADottedKeyTableKeepsThePrefixQuoting() {
        TomlDocument d = doc("plugins.\"io.containerd.grpc.v1.cri\".sandbox_image = \"pause\"\n");
        assertEquals("plugins.\"io.containerd.grpc.v1.cri\".sandbox_image = \"pause\"\n"
                + "plugins.\"io.containerd.grpc.v1.cri\".enable_cdi = true\n",
                d.set("plugins.\"io.containerd.grpc.v1.cri\".enable_cdi", true).text());
    }

    // ---------------------------------------------------------------- inline tables

    @Test
    void inlineTableSetAddAndRemove() {
        TomlDocument d = doc("[runtimes.runc]\n  options = { SystemdCgroup = false, BinaryName = \"runc\" }  # keep\n");
        assertEquals("[runtimes.runc]\n  options = { SystemdCgroup = true, BinaryName = \"runc\" }  # keep\n",
                d.set("runtimes.runc.options.SystemdCgroup", true).text());
        assertEquals("[runtimes.runc]\n  options = { SystemdCgroup = false, BinaryName = \"runc\", Root = \"/run/runc\" }  # keep\n",
                d.set("runtimes.runc.options.Root", "/run/runc").text());
        assertEquals("[runtimes.runc]\n  options = { BinaryName = \"runc\" }  # keep\n",
                d.remove("runtimes.runc.options.SystemdCgroup").text());
        assertEquals("[runtimes.runc]\n  options = { SystemdCgroup = false }  # keep\n",
                d.remove("runtimes.runc.options.BinaryName").text());
        assertEquals("[runtimes.runc]\n  options = {}  # keep\n",
                d.remove("runtimes.runc.options.BinaryName").remove("runtimes.runc.options.SystemdCgroup").text());
        assertEquals("[runtimes.runc]\n  options = { SystemdCgroup = false, BinaryName = \"runc\", io.uid = 0 }  # keep\n",
                d.set("runtimes.runc.options.io.uid", 0).text());
    }

    @Test
    void multiLineInlineTableOfToml11KeepsItsLayout() {
        TomlDocument d = doc("tbl = {\n    a = 1,\n    b = 2,\n}\n");
        assertEquals("tbl = {\n    a = 1,\n    b = 2,\n    c = 3,\n}\n", d.set("tbl.c", 3).text());
        assertEquals("tbl = {\n    b = 2,\n}\n", d.remove("tbl.a").text());
    }

    // ---------------------------------------------------------------- arrays of tables

    @Test
    void arrayOfTablesItemsAreAddressedByIndex() {
        String text = "[[plugins.transfer.unpack_config]]\n  platform = \"linux/amd64\"\n  snapshotter = \"overlayfs\"\n\n"
                + "[[plugins.transfer.unpack_config]]\n  platform = \"linux/arm64\"\n\n[other]\nx = 1\n";
        TomlDocument d = doc(text);
        assertEquals("linux/arm64", d.getString("plugins.transfer.unpack_config[1].platform").orElseThrow());
        assertEquals(text.replace("platform = \"linux/arm64\"", "platform = \"linux/arm/v7\""),
                d.set("plugins.transfer.unpack_config[1].platform", "linux/arm/v7").text());
        assertEquals(text.replace("  platform = \"linux/arm64\"\n", "  platform = \"linux/arm64\"\n  snapshotter = \"native\"\n"),
                d.set("plugins.transfer.unpack_config[1].snapshotter", "native").text());
        assertEquals(text.replace("  snapshotter = \"overlayfs\"\n", "  snapshotter = \"overlayfs\"\n  differ = \"walking\"\n"),
                d.set("plugins.transfer.unpack_config[0].differ", "walking").text());
        assertEquals("[[plugins.transfer.unpack_config]]\n  platform = \"linux/arm64\"\n\n[other]\nx = 1\n",
                d.remove("plugins.transfer.unpack_config[0]").text());
        assertEquals(text.replace("linux/arm64\"\n\n", "linux/arm64\"\n\n[[plugins.transfer.unpack_config]]\n"
                        + "  platform = \"linux/s390x\"\n\n"),
                d.appendToArray("plugins.transfer.unpack_config", Map.of("platform", "linux/s390x")).text());
    }

    @Test
    void aSubTableOfAnEarlierArrayItemLandsInsideThatItem() {
        TomlDocument d = doc("[[x]]\nname = \"a\"\n[[x]]\nname = \"b\"\n");
        assertEquals("[[x]]\nname = \"a\"\n\n[x.opts]\nk = 1\n\n[[x]]\nname = \"b\"\n", d.set("x[0].opts.k", 1).text());
    }

    // ---------------------------------------------------------------- new tables

    @Test
    void newTableGoesAfterItsParentsSubtree() {
        String text = "[plugins]\n  [plugins.a]\n    k = 1\n  [plugins.a.sub]\n    j = 2\n[other]\n  z = 3\n";
        TomlDocument d = doc(text);
        assertEquals("[plugins]\n  [plugins.a]\n    k = 1\n  [plugins.a.sub]\n    j = 2\n\n  [plugins.b]\n    k = 1\n\n"
                + "[other]\n  z = 3\n", d.set("plugins.b.k", 1).text());
        assertEquals(text + "\n  [top.level]\n    x = \"y\"\n", d.set("top.level.x", "y").text(),
                "the file indents headers by depth");
        assertEquals("[a]\nx = 1\n\n[b]\ny = 2\n\n[b.c]\nz = 3\n", doc("[a]\nx = 1\n\n[b]\ny = 2\n").set("b.c.z", 3).text());
    }

    @Test
    void newTableUnderAQuotedHeaderKeepsTheQuoting() {
        TomlDocument d = doc("[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"pause\"\n");
        assertEquals("[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"pause\"\n\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n",
                d.set("plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroup", true).text());
    }

    @Test
    void aMapForAMissingKeyBecomesASection() {
        TomlDocument d = doc("version = 2\n");
        assertEquals("version = 2\n\n[proxy]\nhttp = \"h\"\nports = [1, 2]\n",
                d.set("proxy", Map.of("http", "h", "ports", List.of(1, 2))).text().replace("ports = [1, 2]\nhttp = \"h\"\n", "http = \"h\"\nports = [1, 2]\n"));
    }

    @Test
    void aKeyOfATableOnlyImpliedByDeeperHeadersGetsAHeader() {
        TomlDocument d = doc("[a.b.c]\nx = 1\n");
        assertEquals("[a.b.c]\nx = 1\n\n[a.b]\ny = 2\n", d.set("a.b.y", 2).text());
    }

    @Test
    void newRuntimeInAGoTomlV1DefaultConfigFollowsItsIndentation() throws IOException {
        String text = Files.readString(SharedData.corpus().resolve("containerd/debian-1.6.20-default.toml"));
        TomlDocument d = doc(text);
        String runtimes = "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes";
        TomlDocument e = d.set(runtimes + ".runc.options.SystemdCgroup", true)
                .set(runtimes + ".kata.runtime_type", "io.containerd.kata.v2");
        String expected = text.replace("            SystemdCgroup = false\n\n",
                "            SystemdCgroup = true\n\n"
                + "        [" + runtimes + ".kata]\n"
                + "          runtime_type = \"io.containerd.kata.v2\"\n\n");
        assertEquals(expected, e.text());
    }

    @Test
    void newTableInACommentedTemplateLeavesTheCommentsWithTheirHeaders() throws IOException {
        String text = Files.readString(SharedData.corpus().resolve("crio/cri-o-v1.26.4-generated_crio-config.conf"));
        TomlDocument d = doc(text);
        TomlDocument e = d.set("crio.runtime.runtimes.crun.runtime_path", "/usr/bin/crun");
        String anchor = "\n\n# The crio.image table";
        assertEquals(text.indexOf(anchor), text.lastIndexOf(anchor));
        assertEquals(text.replace(anchor, "\n\n[crio.runtime.runtimes.crun]\nruntime_path = \"/usr/bin/crun\"" + anchor), e.text(),
                "after crio.runtime's commented-out settings, before the comments that introduce [crio.image]");
    }

    // ---------------------------------------------------------------- removing

    @Test
    void removingAMultiLineArrayTakesAllItsLines() {
        TomlDocument d = doc("a = 1\ndisabled_plugins = [\n  \"cri\",   # no CRI\n  \"foo\",\n]  # end\nb = 2\n");
        assertEquals("a = 1\nb = 2\n", d.remove("disabled_plugins").text());
    }

    @Test
    void removingArrayItems() {
        TomlDocument d = doc("disabled_plugins = [\n  \"cri\",   # no CRI\n  \"foo\",\n]\n");
        assertEquals("disabled_plugins = [\n  \"foo\",\n]\n", d.remove("disabled_plugins[0]").text());
        assertEquals("disabled_plugins = [\n  \"cri\",   # no CRI\n]\n", d.remove("disabled_plugins[1]").text());
        assertEquals("disabled_plugins = []\n", doc("disabled_plugins = [\"cri\"]\n").remove("disabled_plugins[0]").text());
        assertEquals("p = [\"a\", \"c\"]\n", doc("p = [\"a\", \"b\", \"c\"]\n").remove("p[1]").text());
        assertEquals("p = [\"a\", \"b\"]\n", doc("p = [\"a\", \"b\", \"c\"]\n").remove("p[2]").text());
        assertEquals("p = [\"b\", \"c\",]\n", doc("p = [\"a\", \"b\", \"c\",]\n").remove("p[0]").text());
    }

    @Test
    void appendingToArraysFollowsTheirLayout() {
        assertEquals("p = [\"a\", \"b\", \"c\"]\n", doc("p = [\"a\", \"b\"]\n").appendToArray("p", "c").text());
        assertEquals("p = [\"c\"]\n", doc("p = []\n").appendToArray("p", "c").text());
        assertEquals("p = [\n  \"a\",\n  \"b\", # last\n  \"c\",\n]\n",
                doc("p = [\n  \"a\",\n  \"b\", # last\n]\n").appendToArray("p", "c").text());
        assertEquals("p = [\n  \"a\",\n  \"c\"\n]\n", doc("p = [\n  \"a\"\n]\n").appendToArray("p", "c").text());
        assertEquals("x = 1\np = [\"c\"]\n", doc("x = 1\n").appendToArray("p", "c").text());
    }

    @Test
    void removingATableRemovesItsSectionsAndDottedLines() {
        TomlDocument d = doc("[a]\nx = 1\n[a.b]\ny = 2\n[c]\nz = 3\n");
        assertEquals("[c]\nz = 3\n", d.remove("a").text());
        TomlDocument dotted = doc("[p]\ncri.a = 1\nother = 2\ncri.b = 3\n");
        assertEquals("[p]\nother = 2\n", dotted.remove("p.cri").text());
        assertEquals("[p]\ncri.a = 1\nother = 2\n", dotted.remove("p.cri.b").text());
        assertEquals(Map.of("other", 2L), doc("[p]\ncri.a = 1\nother = 2\n").remove("p.cri.a").toJava().get("p"),
                "a dotted table left without keys goes too");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void aDocumentWithProblemsRefusesEditsAndWrites() {
        TomlDocument d = TomlDocument.parse("bad.toml", "a = \n");
        assertTrue(d.hasErrors());
        assertThrows(EditException.class, () -> d.set("a", 1));
        assertThrows(EditException.class, d::toBytes);
    }

    @Test
    void impossibleEditsThrowAndLeaveTheDocumentAlone() {
        TomlDocument d = doc("a = 1\n[t]\nx = 2\n");
        assertThrows(EditException.class, () -> d.set("a.b", 1), "a is not a table");
        assertThrows(EditException.class, () -> d.set("t", 1), "t is written as a section");
        assertThrows(EditException.class, () -> d.remove("nope"));
        assertThrows(EditException.class, () -> d.set("x[0]", 1));
        assertThrows(EditException.class, () -> d.set("a", new Object()));
        assertEquals("a = 1\n[t]\nx = 2\n", d.text());
    }
}
