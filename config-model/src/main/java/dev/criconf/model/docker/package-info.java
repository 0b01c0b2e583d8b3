/**
 * Docker Engine behind cri-dockerd: cri-dockerd's flags from its systemd units
 * ({@link dev.criconf.model.docker.CriDockerdConfig}) and Docker's {@code daemon.json}
 * ({@link dev.criconf.model.docker.DockerDaemonConfig}).
 */
package dev.criconf.model.docker;
