package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CriEndpoint.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parsing follows kubernetes pkg/kubelet/util/util_unix.go and util_windows.go
 * ({@code parseEndpoint}, {@code parseEndpointWithFallbackProtocol}); the socket spellings come from
 * the kubeadm install page and container-runtimes page (research/kubelet-kubeadm.md §10).
 */
class CriEndpointTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unix:///run/containerd/containerd.sock, UNIX, true, /run/containerd/containerd.sock",
        "unix:///var/run/crio/crio.sock, UNIX, true, /var/run/crio/crio.sock",
        "/var/run/cri-dockerd.sock, UNIX, false, /var/run/cri-dockerd.sock",
        "unix:/run/containerd/containerd.sock, UNIX, true, /run/containerd/containerd.sock",
        "UNIX:///run/x.sock, UNIX, true, /run/x.sock",
        "npipe:////./pipe/containerd-containerd, NPIPE, true, //./pipe/containerd-containerd",
        "npipe://./pipe/containerd-containerd, NPIPE, true, //./pipe/containerd-containerd",
        "\\\\.\\pipe\\containerd-containerd, NPIPE, false, //./pipe/containerd-containerd",
        "tcp://127.0.0.1:2375, TCP, true, 127.0.0.1:2375",
        "fd://, FD, true, ''",
    })
    void parsesWhatTheKubeletAccepts(String text, Transport transport, boolean hasScheme, String address) {
        CriEndpoint e = CriEndpoint.parse(text).orElseThrow();
        assertEquals(transport, e.transport());
        assertEquals(hasScheme, e.hasScheme());
        assertEquals(address, e.address());
        assertEquals(text, e.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " unix:///run/x.sock", "unix://run/containerd/containerd.sock", "unix:run/x.sock",
        "http://localhost/x", "run/containerd/containerd.sock", "npipe:pipe", "tcp://", "npipe:////./notapipe/x", "npipe:///",
    })
    void reportsWhatTheKubeletWouldRejectOrMisread(String text) {
        assertFalse(CriEndpoint.parse(text).isOk(), text);
    }

    @Test
    void explainsAHostPartInAUnixEndpoint() {
        assertEquals("'run' is read as a host name, so the kubelet would dial '/containerd/containerd.sock'; "
                        + "write unix:///run/containerd/containerd.sock",
                CriEndpoint.parse("unix://run/containerd/containerd.sock").error().orElseThrow());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "unix:///run/containerd/containerd.sock, unix:///var/run/containerd/containerd.sock",
        "unix:///run/containerd/containerd.sock, /run/containerd/containerd.sock",
        "/var/run/crio/crio.sock, unix:///run/crio/crio.sock",
        "unix:///run//containerd/./containerd.sock, /run/containerd/containerd.sock",
        "unix:///var/run/../run/cri-dockerd.sock, /run/cri-dockerd.sock",
        "npipe:////./pipe/containerd-containerd, \\\\.\\pipe\\containerd-containerd",
        "npipe://./pipe/Containerd-Containerd, npipe:////./pipe/containerd-containerd",
        "tcp://LOCALHOST:1234, tcp://localhost:1234",
    })
    void sameSocket(String a, String b) {
        CriEndpoint x = CriEndpoint.parse(a).orElseThrow();
        CriEndpoint y = CriEndpoint.parse(b).orElseThrow();
        assertTrue(x.sameSocketAs(y));
        assertTrue(y.sameSocketAs(x));
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource({
        "unix:///run/containerd/containerd.sock, unix:///run/crio/crio.sock",
        "unix:///run/docker.sock, unix:///run/cri-dockerd.sock",
        "unix:///var/run/dockershim.sock, unix:///run/containerd/containerd.sock",
        "fd://, fd://",
        "npipe:////./pipe/cri-dockerd, npipe:////./pipe/containerd-containerd",
        "tcp://127.0.0.1:1, unix:///run/x.sock",
    })
    void differentSocket(String a, String b) {
        assertFalse(CriEndpoint.parse(a).orElseThrow().sameSocketAs(CriEndpoint.parse(b).orElseThrow()));
    }

    @Test
    void addsTheSchemeAndKeepsThePath() {
        CriEndpoint bare = CriEndpoint.parse("/var/run/crio/crio.sock").orElseThrow();
        assertEquals("unix:///var/run/crio/crio.sock", bare.withScheme().toString());
        assertTrue(bare.withScheme().hasScheme());
        CriEndpoint pipe = CriEndpoint.parse("\\\\.\\pipe\\containerd-containerd").orElseThrow();
        assertEquals("npipe:////./pipe/containerd-containerd", pipe.withScheme().toString());
    }

    @Test
    void readsASocketUnitListenStream() {
        // cri-dockerd packaging/systemd/cri-docker.socket: ListenStream=%t/cri-dockerd.sock
        CriEndpoint e = CriEndpoint.fromListenStream("%t/cri-dockerd.sock").orElseThrow();
        assertEquals("/run/cri-dockerd.sock", e.address());
        assertTrue(e.sameSocketAs(CriEndpoint.parse("unix:///var/run/cri-dockerd.sock").orElseThrow()));
        assertEquals(Transport.TCP, CriEndpoint.fromListenStream("127.0.0.1:9000").orElseThrow().transport());
        assertFalse(CriEndpoint.fromListenStream("cri-dockerd.sock").isOk());
    }
}
