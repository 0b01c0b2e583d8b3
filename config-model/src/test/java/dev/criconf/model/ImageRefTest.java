package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Cases come from distribution/reference {@code normalize_test.go} (TestValidateReferenceName,
 * TestValidateRemoteName, TestParseRepositoryInfo, TestNormalizedSplitHostname) plus the images
 * Kubernetes nodes name in practice.
 */
class ImageRefTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // input, normalised, familiar
        "pause:3.9, docker.io/library/pause:3.9, pause:3.9",
        "registry.k8s.io/pause:3.10, registry.k8s.io/pause:3.10, registry.k8s.io/pause:3.10",
        "k8s.gcr.io/pause:3.2, k8s.gcr.io/pause:3.2, k8s.gcr.io/pause:3.2",
        "localhost:5000/x, localhost:5000/x, localhost:5000/x",
        "localhost/x:1, localhost/x:1, localhost/x:1",
        "docker.io/debian, docker.io/library/debian, debian",
        "index.docker.io/library/debian, docker.io/library/debian, debian",
        "library/debian, docker.io/library/debian, debian",
        "docker/docker, docker.io/docker/docker, docker/docker",
        "library/foo/bar, docker.io/library/foo/bar, library/foo/bar",
        "127.0.0.1:5000/debian, 127.0.0.1:5000/debian, 127.0.0.1:5000/debian",
        "[fc00::1]:5000/docker, [fc00::1]:5000/docker, [fc00::1]:5000/docker",
        "Foo/bar, Foo/bar, Foo/bar",
        "test_com/foo, docker.io/test_com/foo, test_com/foo",
        "xn--n3h.com:18080/foo, xn--n3h.com:18080/foo, xn--n3h.com:18080/foo",
        "192.168.0.1, docker.io/library/192.168.0.1, 192.168.0.1",
        "dock__er/docker, docker.io/dock__er/docker, dock__er/docker",
        "docker---rules/docker, docker.io/docker---rules/docker, docker---rules/docker",
        "quay.io/crio/pause:latest, quay.io/crio/pause:latest, quay.io/crio/pause:latest",
    })
    void normalisesLikeDocker(String input, String normalised, String familiar) {
        ImageRef ref = ImageRef.parse(input).orElseThrow();
        assertEquals(normalised, ref.toString());
        assertEquals(familiar, ref.familiar());
    }

    @Test
    void splitsRegistryPathTagAndDigest() {
        String d = "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa";
        ImageRef ref = ImageRef.parse("busybox:latest@" + d).orElseThrow();
        assertEquals("docker.io", ref.registry());
        assertEquals("library/busybox", ref.path());
        assertEquals(Optional.of("latest"), ref.tag());
        assertEquals(Optional.of(d), ref.digest());
        assertEquals("docker.io/library/busybox:latest@" + d, ref.toString());
        assertEquals("busybox:latest@" + d, ref.familiar());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/docker/docker",
        "docker/Docker",
        "-docker",
        "-docker/docker",
        "docker///docker",
        "docker.io/docker/Docker",
        "[fc00::1]",
        "[fc00::1]:5000",
        "fc00::1:5000/debian",
        "[fe80::1%eth0]:5000/debian",
        "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a",
        "docker-/docker",
        "____/____",
        "dock..er/docker",
        "dock-.er/docker",
        "docker/",
        "",
        "pause:3.9 ",
        "pause:-3",
        "pause@sha256:abc",
        "pause@md5:0123456789abcdef0123456789abcdef",
        "pause@sha256:86E0E091D0DA6BDE2456DBB48306F3956BBEB2EAE1B5B9A43045843F69FE4AAA",
        "${SANDBOX_IMAGE}",
    })
    void rejectsWhatDistributionRejects(String input) {
        Parsed<ImageRef> p = ImageRef.parse(input);
        assertFalse(p.isOk(), () -> input + " parsed as " + p);
        assertTrue(p.error().orElseThrow().length() > 5);
    }

    @Test
    void namesTheReasonLikeDistributionDoes() {
        assertEquals("invalid reference format: repository name (docker/Docker) must be lowercase",
                ImageRef.parse("docker/Docker").error().orElseThrow());
        assertEquals("unsupported digest algorithm",
                ImageRef.parse("pause@md5:0123456789abcdef0123456789abcdef").error().orElseThrow());
        assertEquals("invalid checksum digest format",
                ImageRef.parse("pause@sha256:0123456789abcdef0123456789abcdef").error().orElseThrow());
    }

    @Test
    void theSameImageOnlyWhenTheDefaultTagsAgree() {
        ImageRef a = ImageRef.parse("pause").orElseThrow();
        ImageRef b = ImageRef.parse("docker.io/library/pause:latest").orElseThrow();
        ImageRef c = ImageRef.parse("registry.k8s.io/pause:3.9").orElseThrow();
        assertTrue(a.sameImageAs(b));
        assertFalse(a.sameImageAs(c));
        assertTrue(c.sameImageAs(ImageRef.parse("registry.k8s.io/pause:3.9").orElseThrow()));
        assertEquals(Optional.empty(), a.tag());
        assertEquals(Optional.of("latest"), a.withDefaultTag().tag());
    }

    @Test
    void movesToAnotherRegistryKeepingPathAndTag() {
        ImageRef old = ImageRef.parse("k8s.gcr.io/pause:3.2").orElseThrow();
        assertTrue(old.isOnRegistry("K8S.gcr.io"));
        assertEquals("registry.k8s.io/pause:3.2", old.withRegistry("registry.k8s.io").orElseThrow().toString());
        assertFalse(old.withRegistry("bad host!").isOk());
    }

    @Test
    void familiarFormIsAmbiguousLikeDockers() {
        // distribution/reference familiarizeName drops docker.io even when the next component looks like a host
        ImageRef hub = ImageRef.parse("docker.io/a.b/c").orElseThrow();
        assertEquals("a.b/c", hub.familiar());
        assertEquals("a.b", ImageRef.parse(hub.familiar()).orElseThrow().registry());
    }

    @Test
    void constructorRejectsWhatParseWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> new ImageRef("docker.io", "Pause", Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ImageRef("docker.io", "pause", Optional.of("-x"), Optional.empty()));
        assertThrows(NullPointerException.class, () -> new ImageRef(null, "pause", Optional.empty(), Optional.empty()));
    }
}
