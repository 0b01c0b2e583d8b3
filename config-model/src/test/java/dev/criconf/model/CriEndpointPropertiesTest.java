package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Parsing and comparison properties of {@link CriEndpoint} over the spellings nodes use. */
class CriEndpointPropertiesTest {

    @Property(tries = 1000)
    void printedFormParsesToTheSameEndpoint(@ForAll("endpoints") String text) {
        CriEndpoint e = CriEndpoint.parse(text).orElseThrow();
        assertEquals(e, CriEndpoint.parse(e.toString()).orElseThrow());
    }

    @Property(tries = 1000)
    void normalisationIsIdempotent(@ForAll("endpoints") String text) {
        CriEndpoint e = CriEndpoint.parse(text).orElseThrow();
        String once = e.normalizedAddress();
        String prefix = e.transport() == CriEndpoint.Transport.NPIPE ? "npipe:" : e.transport() == CriEndpoint.Transport.TCP ? "tcp://" : "";
        CriEndpoint again = CriEndpoint.parse(prefix + once).orElseThrow();
        assertEquals(once, again.normalizedAddress());
        assertTrue(e.sameSocketAs(again));
    }

    @Property(tries = 1000)
    void addingTheSchemeKeepsTheSocket(@ForAll("endpoints") String text) {
        CriEndpoint e = CriEndpoint.parse(text).orElseThrow();
        assertTrue(e.withScheme().hasScheme());
        assertTrue(e.sameSocketAs(e.withScheme()));
        assertEquals(e.withScheme(), CriEndpoint.parse(e.withScheme().toString()).orElseThrow());
    }

    @Property(tries = 1000)
    void varRunIsRun(@ForAll("socketPaths") String path) {
        CriEndpoint viaVar = CriEndpoint.parse("unix:///var/run" + path).orElseThrow();
        CriEndpoint viaRun = CriEndpoint.parse("/run" + path).orElseThrow();
        assertTrue(viaVar.sameSocketAs(viaRun));
        assertEquals(viaRun.normalizedAddress(), viaVar.normalizedAddress());
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryText(@ForAll("noise") String text) {
        Parsed<CriEndpoint> p = CriEndpoint.parse(text);
        assertTrue(p.isOk() || p.error().isPresent());
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(60),
                Arbitraries.strings().withChars("unixpe:/\\.tcfd").ofMaxLength(40));
    }

    @Property(tries = 3000)
    void cleanPathsNormalizeAsTheSegmentWalkDoes(@ForAll("rawPaths") String path) {
        assertEquals(CriEndpoint.normalizeBySegments(path), CriEndpoint.normalizeSocketPath(path));
    }

    @Property(tries = 3000)
    void schemeScanIsTheSchemePattern(@ForAll("schemes") String scheme) {
        assertEquals(scheme.matches("[A-Za-z][A-Za-z0-9+.-]*"), CriEndpoint.isScheme(scheme));
    }

    @Provide
    Arbitrary<String> rawPaths() {
        // paths as written: doubled and trailing slashes, . and .. segments, /var/run, relative ones
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("", ".", "..", "var", "run", "...", ".x"),
                Arbitraries.strings().withChars("ab.-_").ofMaxLength(4));
        return Combinators.combine(Arbitraries.of("", "/", "//", "/var/run/", "var/"), segment.list().ofMaxSize(5))
                .as((start, l) -> start + String.join("/", l));
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.strings().withChars("aZ09+.-_/:\u00e9 ").ofMaxLength(6);
    }

    @Provide
    Arbitrary<String> socketPaths() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcdefgxyz0123456789-_.").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        return segment.list().ofMinSize(1).ofMaxSize(4).map(l -> "/" + String.join("/", l));
    }

    @Provide
    Arbitrary<String> endpoints() {
        Arbitrary<String> unix = Combinators.combine(Arbitraries.of("", "unix://", "unix:", "UNIX://"), Arbitraries.of("", "/var/run", "/run"), socketPaths())
                .as((scheme, prefix, path) -> scheme + prefix + path);
        Arbitrary<String> pipeName = Arbitraries.strings().withChars("abcdefXYZ-_0123456789").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> pipe = Combinators.combine(Arbitraries.of("npipe:////./pipe/", "npipe://./pipe/", "\\\\.\\pipe\\"), pipeName)
                .as((p, n) -> p + n);
        Arbitrary<String> tcp = Combinators.combine(Arbitraries.of("127.0.0.1", "localhost", "LocalHost", "[::1]"), Arbitraries.integers().between(1, 65535))
                .as((h, p) -> "tcp://" + h + ":" + p);
        return Arbitraries.oneOf(unix, unix, pipe, tcp);
    }
}
