/**
 * The typed node model: immutable values that know where they came from, located
 * {@link dev.criconf.model.Problem}s, and nothing that touches a file.
 *
 * <h2>Map</h2>
 * <ul>
 *   <li><b>Node</b>: {@link dev.criconf.model.NodeConfig} holds everything about one node (files,
 *       problems, each file's tree as a {@link dev.criconf.model.ParsedFile}, and the optional
 *       per-component configurations); codecs assemble it with {@link dev.criconf.model.NodeConfig#builder}.
 *       {@link dev.criconf.model.NodeProfile} is {@code criconf.yaml}.</li>
 *   <li><b>Provenance</b>: {@link dev.criconf.model.Origin} (file:line:column),
 *       {@link dev.criconf.model.Source} (in a file, a component's default of a release, or a flag),
 *       {@link dev.criconf.model.Setting} (value + source), {@link dev.criconf.model.MapSetting} (a map
 *       whose entries have their own sources).</li>
 *   <li><b>Trees</b>: package {@link dev.criconf.model.value}: {@code ConfigValue} and its kinds,
 *       {@code KeyPath}, {@code UnknownKey}, {@code TypeMismatch}, whole-tree operations in {@code ConfigValues}.</li>
 *   <li><b>Domain values</b>: {@link dev.criconf.model.CgroupDriver}, {@link dev.criconf.model.CriEndpoint},
 *       {@link dev.criconf.model.ImageRef}, {@link dev.criconf.model.KubernetesVersion},
 *       {@link dev.criconf.model.ComponentVersion}; parsers return {@link dev.criconf.model.Parsed}, never throw.</li>
 *   <li><b>Components</b>: packages {@code containerd}, {@code crio}, {@code docker} (cri-dockerd and
 *       {@code daemon.json}), {@code kubelet} (config, drop-ins, flags, env files, kubeadm, the effective
 *       configuration), {@code host} (sysctl, modules). Each configuration is a typed view over the
 *       trees the codecs produce: accessors return a value only when it has the type the component
 *       expects, and {@code unknownKeys()} / {@code typeMismatches()} report the rest.</li>
 *   <li><b>Version knowledge</b>: package {@link dev.criconf.model.catalog}: defaults per release,
 *       containerd plugin ids per schema, kubelet fields and flags per release, cri-dockerd flags.</li>
 *   <li><b>Edits</b>: {@link dev.criconf.model.edit.NodeEdit}, the typed changes fixes are made of.</li>
 * </ul>
 */
package dev.criconf.model;
