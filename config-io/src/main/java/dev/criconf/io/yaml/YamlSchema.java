package dev.criconf.io.yaml;

/** How plain scalars get their type: the rules that decide whether {@code yes} is a string or a boolean. */
public enum YamlSchema {

    /**
     * YAML 1.1 as the kubelet reads it: sigs.k8s.io/yaml over go-yaml v2. Booleans are
     * {@code y Y yes Yes YES on On ON true True TRUE} and {@code n N no No NO off Off OFF false
     * False FALSE}; null is empty, {@code ~}, {@code null}, {@code Null}, {@code NULL}; integers
     * follow Go's {@code strconv.ParseInt(s, 0, 64)} after removing {@code _} ({@code 0755} is
     * octal, {@code 0x1F}, {@code 0o17}, {@code 0b101}, a sign), then unsigned and arbitrarily
     * large integers; floats match {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?} and
     * the {@code .inf}/{@code .nan} spellings. Base-60 numbers ({@code 1:30}) are strings, and so
     * are timestamps (go-yaml v2 keeps them as strings when decoding without a target type).
     * Merge keys ({@code <<}) are applied.
     */
    YAML_1_1_KUBELET,

    /**
     * The YAML 1.2 core schema: booleans {@code true/false} in three casings, null as in 1.1,
     * integers {@code [-+]?[0-9]+} (decimal even with leading zeros), {@code 0o17}, {@code 0x1F};
     * floats as in 1.1 plus {@code [-+]?.inf} and {@code .nan}. No merge keys.
     */
    YAML_1_2_CORE
}
