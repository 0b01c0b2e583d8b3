package dev.criconf.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEditTest {

    /** The daemon.json of the kubeadm container-runtime docs, with the cgroupfs driver. */
    private static final String KUBEADM = "{\n"
            + "  \"exec-opts\": [\"native.cgroupdriver=cgroupfs\"],\n"
            + "  \"log-driver\": \"json-file\",\n"
            + "  \"log-opts\": {\n"
            + "    \"max-size\": \"100m\"\n"
            + "  },\n"
            + "  \"storage-driver\": \"overlay2\"\n"
            + "}\n";

    private static JsonDocument kubeadm() {
        return JsonDocument.parse("/etc/docker/daemon.json", KUBEADM);
    }

    @Test
    void replaceAValueWhereItIs() {
        String systemd = KUBEADM.replace("cgroupfs", "systemd");
        assertEquals(systemd, kubeadm().set("exec-opts", JsonData.strings("native.cgroupdriver=systemd")).text());
        assertEquals(systemd, kubeadm().set(JsonPath.of("exec-opts").index(0), JsonData.string("native.cgroupdriver=systemd")).text());
        assertEquals(KUBEADM.replace("\"100m\"", "\"10m\""), kubeadm().set(JsonPath.of("log-opts", "max-size"), JsonData.string("10m")).text());
        assertEquals(KUBEADM.replace("\"json-file\"", "null"), kubeadm().set("log-driver", JsonData.nullValue()).text());
        assertEquals(KUBEADM.replace("\"overlay2\"", "1.50"), kubeadm().set("storage-driver", JsonData.number(new BigDecimal("1.50"))).text());
    }

    @Test
    void settingAnEqualValueChangesNothing() {
        JsonDocument doc = kubeadm();
        assertSame(doc, doc.set("log-driver", JsonData.string("json-file")));
        JsonDocument n = JsonDocument.parse("f", "{\"a\": 1.0}");
        assertSame(n, n.set("a", JsonData.number(1)));
    }

    @Test
    void addAMemberAfterItsSiblings() {
        assertEquals(KUBEADM.replace("\"overlay2\"\n", "\"overlay2\",\n  \"registry-mirrors\": [\"https://mirror.gcr.io\"]\n"),
                kubeadm().set("registry-mirrors", JsonData.strings("https://mirror.gcr.io")).text());
        assertEquals(KUBEADM.replace("\"100m\"\n", "\"100m\",\n    \"max-file\": \"3\"\n"),
                kubeadm().set(JsonPath.of("log-opts", "max-file"), JsonData.string("3")).text());
    }

    @Test
    void addAMemberWithObjectsThatDoNotExistYet() {
        String text = "{\n  \"debug\": true\n}\n";
        assertEquals("{\n  \"debug\": true,\n  \"log-opts\": {\n    \"max-size\": \"10m\"\n  }\n}\n",
                JsonDocument.parse("f", text).set(JsonPath.of("log-opts", "max-size"), JsonData.string("10m")).text());
        assertEquals("{\n  \"a\": {\n    \"b\": {\n      \"c\": \"x\"\n    }\n  }\n}\n",
                JsonDocument.parse("f", "{}\n").set(JsonPath.of("a", "b", "c"), JsonData.string("x")).text());
        assertEquals("{\"a\": {\"b\": {\"c\": \"x\"}}}",
                JsonDocument.parse("f", "{}").set(JsonPath.of("a", "b", "c"), JsonData.string("x")).text(),
                "a document on one line stays on one line");
    }

    @Test
    void crlfTabsAndNoFinalNewlineAreKept() {
        assertEquals("{\r\n\t\"a\": 1,\r\n\t\"b\": true\r\n}",
                JsonDocument.parse("f", "{\r\n\t\"a\": 1\r\n}").set("b", JsonData.bool(true)).text());
        assertEquals("{\r\n\t\"a\": {\r\n\t\t\"x\": 1,\r\n\t\t\"y\": [\r\n\t\t\t{\r\n\t\t\t\t\"z\": 2\r\n\t\t\t}\r\n\t\t]\r\n\t}\r\n}",
                JsonDocument.parse("f", "{\r\n\t\"a\": {\r\n\t\t\"x\": 1\r\n\t}\r\n}")
                        .set(JsonPath.of("a", "y"), JsonData.array(List.of(JsonData.object(Map.of("z", JsonData.number(2)))))).text());
    }

    @Test
    void emptyObjectsGetMembersOneLevelDeeper() {
        assertEquals("{\n    \"runtimes\": {\n        \"crun\": {\n            \"path\": \"/usr/bin/crun\"\n        }\n    }\n}\n",
                JsonDocument.parse("f", "{\n    \"runtimes\": {}\n}\n")
                        .set(JsonPath.of("runtimes", "crun", "path"), JsonData.string("/usr/bin/crun")).text());
        assertEquals("{\n  \"features\": {\n    \"buildkit\": true\n  }\n}",
                JsonDocument.parse("f", "{\n  \"features\": { }\n}").set(JsonPath.of("features", "buildkit"), JsonData.bool(true)).text());
    }

    @Test
    void anEmptyFileBecomesAnObject() {
        String expected = "{\n  \"exec-opts\": [\"native.cgroupdriver=systemd\"]\n}\n";
        assertEquals(expected, JsonDocument.parse("f", "").append("exec-opts", JsonData.string("native.cgroupdriver=systemd")).text());
        assertEquals(expected, JsonDocument.parse("f", "  \n").set("exec-opts", JsonData.strings("native.cgroupdriver=systemd")).text());
        assertEquals("\uFEFF" + expected, JsonDocument.parse("f", "\uFEFF").set("exec-opts", JsonData.strings("native.cgroupdriver=systemd")).text());
        assertEquals("{\r\n  \"debug\": true\r\n}\r\n", JsonDocument.parse("f", "\r\n").set("debug", JsonData.bool(true)).text());
    }

    @Test
    void removeAMemberWithItsComma() {
        assertEquals(KUBEADM.replace("  \"log-driver\": \"json-file\",\n", ""), kubeadm().remove(JsonPath.of("log-driver")).text());
        assertEquals(KUBEADM.replace("  \"exec-opts\": [\"native.cgroupdriver=cgroupfs\"],\n", ""), kubeadm().remove(JsonPath.of("exec-opts")).text());
        assertEquals(KUBEADM.replace("  },\n  \"storage-driver\": \"overlay2\"\n", "  }\n"), kubeadm().remove(JsonPath.of("storage-driver")).text());
        assertEquals(KUBEADM.replace("{\n    \"max-size\": \"100m\"\n  }", "{}"), kubeadm().remove(JsonPath.of("log-opts", "max-size")).text());
        assertEquals("{\"a\": 1, \"c\": 3}", JsonDocument.parse("f", "{\"a\": 1, \"b\": 2, \"c\": 3}").remove(JsonPath.of("b")).text());
        assertEquals("{\"a\": 1, \"b\": 2}", JsonDocument.parse("f", "{\"a\": 1, \"b\": 2, \"c\": 3}").remove(JsonPath.of("c")).text());
        assertEquals("{}", JsonDocument.parse("f", "{ \"a\": 1 }").remove(JsonPath.of("a")).text());
        assertEquals("[1, 3]", JsonDocument.parse("f", "[1, 2, 3]").remove(JsonPath.root().index(1)).text());
        JsonDocument doc = kubeadm();
        assertSame(doc, doc.remove(JsonPath.of("hosts")));
        assertSame(doc, doc.remove(JsonPath.of("runtimes", "nvidia")));
    }

    @Test
    void appendToArrays() {
        String multi = "{\n    \"insecure-registries\": [\n        \"a.local:5000\",\n        \"b.local:5000\"\n    ]\n}\n";
        assertEquals(multi.replace("\"b.local:5000\"\n", "\"b.local:5000\",\n        \"c.local:5000\"\n"),
                JsonDocument.parse("f", multi).append("insecure-registries", JsonData.string("c.local:5000")).text());
        assertEquals("{\"insecure-registries\": [\"10.0.0.0/8\"]}",
                JsonDocument.parse("f", "{\"insecure-registries\": []}").append("insecure-registries", JsonData.string("10.0.0.0/8")).text());
        assertEquals("{\n  \"registry-mirrors\": [\"https://m.example\"]\n}\n",
                JsonDocument.parse("f", "{\n  \"registry-mirrors\": []\n}\n").append("registry-mirrors", JsonData.string("https://m.example")).text());
        assertEquals("{\"exec-opts\": [\"a=b\", \"native.cgroupdriver=systemd\"]}",
                JsonDocument.parse("f", "{\"exec-opts\": [\"a=b\"]}").append("exec-opts", JsonData.string("native.cgroupdriver=systemd")).text());
        assertEquals("{\"x\": [\n  1,\n  {\n    \"k\": true\n  }\n]}\n",
                JsonDocument.parse("f", "{\"x\": [\n  1\n]}\n").append("x", JsonData.object(Map.of("k", JsonData.bool(true)))).text());
        assertEquals(KUBEADM.replace("\"overlay2\"\n", "\"overlay2\",\n  \"insecure-registries\": [\"registry.local:5000\"]\n"),
                kubeadm().append("insecure-registries", JsonData.string("registry.local:5000")).text(), "an absent array is created");
    }

    @Test
    void removeItemsByValue() {
        String multi = "{\n    \"insecure-registries\": [\n        \"a.local:5000\",\n        \"b.local:5000\"\n    ]\n}\n";
        assertEquals("{\n    \"insecure-registries\": [\n        \"b.local:5000\"\n    ]\n}\n",
                JsonDocument.parse("f", multi).removeItem(JsonPath.of("insecure-registries"), JsonData.string("a.local:5000")).text());
        assertEquals("{\"m\": [\"y\"]}", JsonDocument.parse("f", "{\"m\": [\"x\", \"y\", \"x\"]}").removeItem(JsonPath.of("m"), JsonData.string("x")).text());
        assertEquals("{\"m\": []}", JsonDocument.parse("f", "{\"m\": [\"x\"]}").removeItem(JsonPath.of("m"), JsonData.string("x")).text());
        JsonDocument doc = kubeadm();
        assertSame(doc, doc.removeItem(JsonPath.of("registry-mirrors"), JsonData.string("x")));
        assertSame(doc, doc.removeItem(JsonPath.of("exec-opts"), JsonData.string("x")));
    }

    @Test
    void insertedStringsAreEscaped() {
        assertEquals("{\"labels\": [\"a\\\"b\", \"tab\\there\", \"back\\\\slash\", \"é😀\", \"\\u0001\", \"\\ud800\"]}",
                JsonDocument.parse("f", "{}").set("labels",
                        JsonData.strings("a\"b", "tab\there", "back\\slash", "é😀", "\u0001", "\uD800")).text());
    }

    @Test
    void keyValueSeparatorIsCopied() {
        assertEquals("{\"a\" : 1, \"b\" : 2}", JsonDocument.parse("f", "{\"a\" : 1}").set("b", JsonData.number(2)).text());
        assertEquals("{\"a\":1,\"b\":2,\"c\":3}", JsonDocument.parse("f", "{\"a\":1,\"b\":2}").set("c", JsonData.number(3)).text());
    }

    @Test
    void leadingCommaLayoutIsFollowed() {
        assertEquals("{\"a\": 1\n  , \"b\": 2\n  , \"c\": {\n    \"d\": 1\n  }\n}\n",
                JsonDocument.parse("f", "{\"a\": 1\n  , \"b\": 2\n}\n").set(JsonPath.of("c", "d"), JsonData.number(1)).text());
    }

    @Test
    void duplicatesAreEditedAsGoReadsThem() {
        JsonDocument dup = JsonDocument.parse("f", "{\"debug\": false, \"debug\": true}");
        assertEquals("{\"debug\": false, \"debug\": false}", dup.set("debug", JsonData.bool(false)).text());
        assertEquals("{}", dup.remove(JsonPath.of("debug")).text());
    }

    @Test
    void refusesImpossibleEdits() {
        JsonDocument doc = kubeadm();
        EditException e = assertThrows(EditException.class, () -> doc.set(JsonPath.of("log-driver", "x"), JsonData.bool(true)));
        assertEquals("cannot set /log-driver/x: /log-driver is a string, not an object", e.getMessage());
        assertThrows(EditException.class, () -> doc.set(JsonPath.of("exec-opts").index(1), JsonData.string("x")));
        assertThrows(EditException.class, () -> doc.set(JsonPath.of("new").index(0), JsonData.string("x")));
        assertThrows(EditException.class, () -> doc.append("log-driver", JsonData.string("x")));
        assertThrows(EditException.class, () -> doc.remove(JsonPath.root()));
        assertThrows(EditException.class, () -> doc.removeItem(JsonPath.of("log-opts"), JsonData.string("x")));
        JsonDocument broken = JsonDocument.parse("f", "{\"a\": 1,}");
        EditException b = assertThrows(EditException.class, () -> broken.set("b", JsonData.number(2)));
        assertTrue(b.getMessage().contains("f:1:9"), b.getMessage());
        JsonDocument array = JsonDocument.parse("f", "[1]");
        assertThrows(EditException.class, () -> array.set("a", JsonData.number(2)));
        assertEquals(KUBEADM, doc.text());
    }

    @Test
    void replaceTheWholeRoot() {
        assertEquals("{\n  \"debug\": true\n}\n",
                JsonDocument.parse("f", "[1, 2]\n").set(JsonPath.root(), JsonData.object(Map.of("debug", JsonData.bool(true)))).text());
    }
}
