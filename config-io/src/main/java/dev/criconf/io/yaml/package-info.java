/**
 * Lossless YAML: {@link dev.criconf.io.yaml.YamlStream} keeps a file's exact text and lays a span
 * tree of {@link dev.criconf.io.yaml.YamlDocument}s and {@link dev.criconf.io.yaml.YamlNode}s over
 * it (built from snakeyaml-engine parse events); {@link dev.criconf.io.yaml.YamlValue} is the data
 * under the kubelet's YAML 1.1 reading or YAML 1.2 ({@link dev.criconf.io.yaml.YamlSchema}); edits
 * splice the text and are verified by parsing the result again.
 */
package dev.criconf.io.yaml;
