package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Normalisation properties of {@link ImageRef} over references built from the grammar in distribution/reference regexp.go. */
class ImageRefPropertiesTest {

    @Property(tries = 1000)
    void printedFormParsesToTheSameReference(@ForAll("references") String text) {
        ImageRef ref = ImageRef.parse(text).orElseThrow();
        assertEquals(ref, ImageRef.parse(ref.toString()).orElseThrow());
    }

    @Property(tries = 1000)
    void normalisationIsIdempotent(@ForAll("references") String text) {
        String once = ImageRef.parse(text).orElseThrow().toString();
        String twice = ImageRef.parse(once).orElseThrow().toString();
        assertEquals(once, twice);
    }

    /**
     * The familiar form is ambiguous when a Docker Hub repository's first component looks like a host
     * ({@code docker.io/a.b/c} prints as {@code a.b/c}, which names registry {@code a.b}): Docker's own
     * {@code FamiliarString} has the same ambiguity, so those are left out here.
     */
    @Property(tries = 1000)
    void familiarFormMeansTheSameImage(@ForAll("references") String text) {
        ImageRef ref = ImageRef.parse(text).orElseThrow();
        String first = ref.path().split("/")[0];
        net.jqwik.api.Assume.that(!ref.registry().equals(ImageRef.DOCKER_HUB) || ref.path().startsWith("library/")
                || !(first.contains(".") || first.contains(":") || first.equals("localhost")));
        assertEquals(ref, ImageRef.parse(ref.familiar()).orElseThrow());
        assertTrue(ref.sameImageAs(ImageRef.parse(ref.familiar()).orElseThrow()));
    }

    @Property(tries = 1000)
    void neverThrowsOnArbitraryText(@ForAll("noise") String text) {
        Parsed<ImageRef> p = ImageRef.parse(text);
        assertTrue(p.isOk() || p.error().isPresent());
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("abAB09/:@._-[]").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> references() {
        Arbitrary<String> alnum = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> separator = Arbitraries.of(".", "_", "__", "-", "--");
        Arbitrary<String> component = Combinators.combine(alnum, separator, alnum, Arbitraries.of(true, false))
                .as((a, s, b, joined) -> joined ? a + s + b : a);
        Arbitrary<String> path = component.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
        Arbitrary<Optional<String>> registry = Arbitraries.of("", "docker.io", "index.docker.io", "registry.k8s.io", "k8s.gcr.io",
                "localhost", "localhost:5000", "10.0.0.1:5000", "[fc00::1]:5000", "Foo", "quay.io").map(r -> r.isEmpty() ? Optional.<String>empty() : Optional.of(r));
        Arbitrary<Optional<String>> tag = Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(1).ofMaxLength(10)
                .filter(t -> t.charAt(0) != '.' && t.charAt(0) != '-').optional(0.7);
        Arbitrary<Optional<String>> digest = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64).map(h -> "sha256:" + h).optional(0.3);
        return Combinators.combine(registry, path, tag, digest).as((r, p, t, d) ->
                r.map(x -> x + "/").orElse("") + p + t.map(x -> ":" + x).orElse("") + d.map(x -> "@" + x).orElse(""))
                .filter(s -> !s.matches("[a-f0-9]{64}"));
    }
}
