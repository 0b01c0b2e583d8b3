package dev.criconf.model.docker;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.CommandLineFlag.Form;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.catalog.KnownVersions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerConfigsTest {

    private static final String UNIT = "usr/lib/systemd/system/cri-docker.service";

    private static CommandLineFlag flag(String name, String value, int line) {
        return new CommandLineFlag(name, "--" + name, Optional.of(value), Form.SEPARATE, keyAt(UNIT, line),
                Optional.of(valueAt(UNIT, line)), Optional.empty());
    }

    @Test
    void daemonJsonCgroupDriverFromExecOpts() {
        // moby parseExecOptions: option names are lower-cased and trimmed, the last wins
        String f = "etc/docker/daemon.json";
        DockerDaemonConfig d = new DockerDaemonConfig(f, tree(f,
                "exec-opts", List.of("native.cgroupdriver=cgroupfs", " Native.CgroupDriver = systemd"),
                "registry-mirrors", List.of("https://mirror.gcr.io"),
                "log-driver", "json-file"));
        assertEquals(Optional.of(CgroupDriver.SYSTEMD), d.cgroupDriver().map(Setting::value));
        assertEquals("systemd", d.cgroupDriverOption().orElseThrow().value());
        assertEquals(1, d.registryMirrors().size());
        assertEquals("json-file", d.logDriver().orElseThrow().value());
        assertEquals(Optional.empty(), new DockerDaemonConfig(f, tree(f, "exec-opts", List.of("native.cgroupdriver=none"))).cgroupDriver());
    }

    @Test
    void daemonJsonUnknownKeysAreFatalForDockerd() {
        // docker/cli docs/reference/dockerd.md Linux full example; moby findConfigurationConflicts
        String f = "etc/docker/daemon.json";
        DockerDaemonConfig d = new DockerDaemonConfig(f, tree(f,
                "exec-opts", List.of("native.cgroupdriver=systemd"),
                "registry-mirror", List.of("https://m.example"),
                "log-opts.max-size", "10m",
                "log-opts.max-file", 3,
                "storage-driver", "overlay2",
                "proxies.http-proxy", "http://p:80"));
        assertEquals(List.of("registry-mirror"), d.unknownKeys().stream().map(u -> u.path().toString()).toList());
        assertEquals(Optional.of("registry-mirrors"), d.unknownKeys().get(0).suggestion());
        assertEquals(List.of("log-opts.max-file"), d.typeMismatches().stream().map(t -> t.path().toString()).toList());
    }

    @Test
    void criDockerdListensOnTheSocketUnitWithFd() {
        // packaging/systemd/cri-docker.service and cri-docker.socket (master)
        Setting<String> listen = Setting.inFile("%t/cri-dockerd.sock", keyAt("usr/lib/systemd/system/cri-docker.socket", 5));
        CriDockerdConfig c = new CriDockerdConfig(List.of(UNIT), List.of(flag("container-runtime-endpoint", "fd://", 8)), List.of(),
                Optional.of(keyAt(UNIT, 8)), Optional.of(listen));
        assertEquals(listen, c.listenEndpoint());
        CriDockerdConfig direct = new CriDockerdConfig(List.of(UNIT),
                List.of(flag("container-runtime-endpoint", "unix:///var/run/cri-dockerd.sock", 8), flag("networkplugin", "", 9)),
                List.of(), Optional.empty(), Optional.empty());
        assertEquals("unix:///var/run/cri-dockerd.sock", direct.listenEndpoint().value());
        assertEquals(new Source.Flag("--container-runtime-endpoint", keyAt(UNIT, 8)), direct.listenEndpoint().source());
        assertEquals(List.of("networkplugin"), direct.unknownFlags().stream().map(CommandLineFlag::name).toList());
        CriDockerdConfig none = new CriDockerdConfig(List.of(UNIT), List.of(), List.of(), Optional.empty(), Optional.empty());
        assertEquals(KnownVersions.criDockerdEndpoint(), none.listenEndpoint());
        assertTrue(none.podInfraContainerImage().isEmpty());
    }
}
