package dev.criconf.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.systemd.EffectiveUnit;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.systemd.UnitResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Names answered "absent" from a directory listing instead of {@code lstat} ({@link FileProbe#listForLookups})
 * must be the names {@code lstat} says are absent: the listing-based answers are compared with fresh
 * {@code lstat}s, and node lookups made inside a probe scope (listings, cached answers) with the same
 * lookups made outside one (every question asked afresh).
 */
class ListedLookupProperties {

    /** Entry names: unit-like names, their case variants, and names a listing must not answer. */
    private static final List<String> NAMES = List.of("kubelet.service", "Kubelet.service", "KUBELET.SERVICE",
            "kubelet.service.d", "cri-docker.service", "cri-docker.service.d", "cri-dockerd.service", "cri-docker.socket",
            "a.conf", "A.conf", "b.conf", "etc", "ETC", "systemd", "crio", "docker", "KUBELE~1.SER", "x.", "x ",
            ".", "..", "caf\u00e9.conf", "\u212a.conf");

    /** What an entry is. */
    private enum Kind { FILE, EMPTY_FILE, DIR, DANGLING_LINK, DEV_NULL_LINK, LINK_TO_FILE, LINK_TO_DIR, ABSOLUTE_LINK, LOOP_LINK }

    private record Entry(String name, Kind kind) {}

    @Provide
    Arbitrary<List<Entry>> entries() {
        Arbitrary<String> name = Arbitraries.of(NAMES).filter(n -> !n.equals(".") && !n.equals(".."));
        return Combinators.combine(name, Arbitraries.of(Kind.class)).as(Entry::new).list().ofMaxSize(10)
                .uniqueElements(Entry::name);
    }

    @Property(tries = 300)
    void listingAnswersAgreeWithLstat(@ForAll("entries") List<Entry> entries) throws IOException {
        Path dir = Files.createTempDirectory("criconf-listed");
        try {
            Path d = Files.createDirectory(dir.resolve("d"));
            Path link = Files.createSymbolicLink(dir.resolve("link"), d);
            create(d, entries);
            try (FileProbe.Scope scope = FileProbe.open()) {
                FileProbe probe = FileProbe.current();
                probe.listForLookups(d);
                probe.list(link); // a listing taken through a symlinked directory answers too
                for (String n : NAMES) {
                    for (Path p : List.of(d.resolve(n), link.resolve(n))) {
                        assertEquals(fresh(p), describe(probe.lstat(p)), p.toString());
                    }
                }
            }
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 150)
    void unitsResolveTheSameInsideAndOutsideAScope(@ForAll("entries") List<Entry> etc, @ForAll("entries") List<Entry> lib)
            throws IOException {
        Path root = Files.createTempDirectory("criconf-listed-root");
        Path rootLink = root.resolveSibling(root.getFileName() + "-link");
        try {
            create(Files.createDirectories(root.resolve("etc/systemd/system")), etc);
            create(Files.createDirectories(root.resolve("usr/lib/systemd/system")), lib);
            Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
            Files.createSymbolicLink(rootLink, root);
            assertSameInsideAndOutside(root);
            assertSameInsideAndOutside(rootLink); // a node root given as a link is followed like the paths below it
        } finally {
            Files.deleteIfExists(rootLink);
            delete(root);
        }
    }

    private static void assertSameInsideAndOutside(Path root) {
        UnitResolver resolver = new UnitResolver(root, ParseLimits.DEFAULTS);
        NodeRootFiles node = NodeRootFiles.of(root, ParseLimits.DEFAULTS);
        List<String> units = List.of("kubelet.service", "cri-docker.service", "cri-dockerd.service", "cri-docker.socket");
        List<String> paths = List.of("/etc/systemd/system/a.conf", "/etc/systemd/system/A.conf", "/etc/docker/daemon.json",
                "/lib/systemd/system/b.conf", "/ETC/crio", "/etc/systemd/system/kubelet.service.d");
        List<String> outside = new ArrayList<>();
        for (String u : units) {
            outside.add(render(resolver.resolve(u)));
        }
        for (String p : paths) {
            outside.add(node.resolve(p).toString() + " " + render(node.read(p)));
        }
        List<String> inside = new ArrayList<>();
        try (FileProbe.Scope scope = FileProbe.open()) {
            for (String u : units) {
                inside.add(render(resolver.resolve(u)));
            }
            for (String p : paths) {
                inside.add(node.resolve(p).toString() + " " + render(node.read(p)));
            }
        }
        assertEquals(outside, inside);
    }

    @Test
    void onlyPlainNamesOfAPlainListingAreAnsweredAbsent() {
        FileProbe.Listing l = new FileProbe.Listing(List.of("kubelet.service", "a.conf"), null);
        assertTrue(l.shows("cri-docker.service"));
        assertFalse(l.shows("kubelet.service"), "listed");
        assertFalse(l.shows("Kubelet.service"), "a case-insensitive file system would find it");
        assertFalse(l.shows("A.CONF"));
        assertFalse(l.shows("KUBELE~1.SER"), "a DOS short name");
        assertFalse(l.shows("b.conf."), "trailing dots are dropped by some file systems");
        assertFalse(l.shows("b.conf "));
        assertFalse(l.shows("."));
        assertFalse(l.shows(".."));
        assertFalse(l.shows("caf\u00e9"));
        assertFalse(l.shows("\u212a.conf"), "the Kelvin sign folds to k");
        FileProbe.Listing unicode = new FileProbe.Listing(List.of("caf\u00e9"), null);
        assertFalse(unicode.shows("other"), "a listing with names beyond ASCII answers nothing");
        FileProbe.Listing failed = new FileProbe.Listing(null, new IOException("denied"));
        assertFalse(failed.shows("other"));
    }

    private static void create(Path d, List<Entry> entries) throws IOException {
        for (Entry e : entries) {
            Path p = d.resolve(e.name());
            switch (e.kind()) {
                case FILE -> Files.writeString(p, "[Service]\nExecStart=/bin/" + e.name().length() + "\n");
                case EMPTY_FILE -> Files.writeString(p, "");
                case DIR -> Files.writeString(Files.createDirectory(p).resolve("10-x.conf"), "[Service]\nUser=u\n");
                case DANGLING_LINK -> Files.createSymbolicLink(p, Path.of("nowhere"));
                case DEV_NULL_LINK -> Files.createSymbolicLink(p, Path.of("/dev/null"));
                case LINK_TO_FILE -> Files.createSymbolicLink(p, Path.of(entries.get(0).name()));
                case LINK_TO_DIR -> Files.createSymbolicLink(p, Path.of("."));
                case ABSOLUTE_LINK -> Files.createSymbolicLink(p, Path.of("/etc/systemd/system/a.conf"));
                case LOOP_LINK -> Files.createSymbolicLink(p, Path.of(e.name()));
            }
        }
    }

    private static String fresh(Path p) {
        try {
            return describe(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return "absent";
        }
    }

    private static String describe(BasicFileAttributes a) {
        return (a.isSymbolicLink() ? "link" : a.isDirectory() ? "dir" : a.isRegularFile() ? "file" : "other")
                + (a.isRegularFile() ? " " + a.size() : "");
    }

    private static String describe(FileProbe.Attrs a) {
        if (a.absent()) {
            return "absent";
        }
        return (a.isSymbolicLink() ? "link" : a.isDirectory() ? "dir" : a.isRegularFile() ? "file" : "other")
                + (a.isRegularFile() ? " " + a.size() : "");
    }

    private static String render(EffectiveUnit u) {
        return u.name() + " masked=" + u.masked() + " files=" + u.files().stream().map(UnitFile::sourceName).toList()
                + " maskedDropIns=" + u.maskedDropIns() + " shadowed=" + u.shadowedDropIns() + " problems=" + u.problems()
                + " env=" + u.environmentFiles();
    }

    private static String render(NodeRootFiles.Read r) {
        return r.bytes().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("-") + " " + r.problem();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
