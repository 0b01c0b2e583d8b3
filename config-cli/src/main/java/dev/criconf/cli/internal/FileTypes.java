package dev.criconf.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a file's format from its path and, failing that, from its content.
 *
 * <p>By name: {@code .toml}, {@code .yaml}/{@code .yml}, {@code .json}, {@code .env}; files in a
 * {@code default} or {@code sysconfig} directory ({@code /etc/default/kubelet}) are environment
 * files; {@code *.service}, {@code *.socket} (and the other unit suffixes) are units, and so is a
 * {@code *.conf} in a unit's drop-in directory ({@code kubelet.service.d/10-kubeadm.conf});
 * {@code crio.conf} and a {@code *.conf} in {@code crio.conf.d} are TOML; a {@code *.conf} in
 * {@code kubelet.conf.d} (the kubelet's drop-in directory) is YAML.
 *
 * <p>By content, for everything else (an unknown {@code .conf}, a file without an extension): an
 * object is JSON; a {@code [Section]} header whose first assignment is {@code Key=value} with a
 * capitalised key is a unit; other headers and {@code key = value} lines are TOML;
 * {@code NAME=value} lines alone are an environment file; {@code key: value} lines or a
 * {@code ---} marker are YAML.
 */
public final class FileTypes {

    private static final Set<String> UNIT_SUFFIXES = Set.of(".service", ".socket", ".timer", ".mount", ".path",
            ".target", ".slice", ".scope", ".swap", ".automount", ".device");

    private static final Pattern SECTION = Pattern.compile("\\[\\s*[^\\]]+]\\s*(#.*)?");
    private static final Pattern UNIT_SECTION = Pattern.compile("\\[[A-Z][A-Za-z0-9-]*]\\s*");
    private static final Pattern UNIT_ASSIGNMENT = Pattern.compile("[A-Z][A-Za-z0-9]*\\s*=.*");
    private static final Pattern ENV_ASSIGNMENT = Pattern.compile("(export\\s+)?[A-Za-z_][A-Za-z0-9_]*=.*");
    private static final Pattern TOML_ASSIGNMENT = Pattern.compile("([A-Za-z0-9_.-][^=:]*|\"[^\"]*\"|'[^']*')\\s*=.*");
    private static final Pattern YAML_LINE = Pattern.compile("(- )?[^\\s:#][^:]*:(\\s.*)?|- .*|---.*|%YAML.*");

    private FileTypes() {
    }

    /** The format a path names, if its name or directory says. */
    public static Optional<FileType> byName(Path path) {
        Path fileName = path.getFileName();
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String parent = path.getParent() == null || path.getParent().getFileName() == null
                ? "" : path.getParent().getFileName().toString();
        if (lower.endsWith(".toml")) {
            return Optional.of(FileType.TOML);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return Optional.of(FileType.YAML);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(FileType.JSON);
        }
        if (lower.endsWith(".env")) {
            return Optional.of(FileType.ENV);
        }
        if (parent.equals("kubelet.conf.d") && lower.endsWith(".conf")) {
            return Optional.of(FileType.YAML); // the kubelet's --config-dir drop-ins are YAML
        }
        if (name.equals("crio.conf") || parent.equals("crio.conf.d") && lower.endsWith(".conf")) {
            return Optional.of(FileType.TOML);
        }
        if (lower.endsWith(".conf") && isUnitName(parent.endsWith(".d") ? parent.substring(0, parent.length() - 2) : "")) {
            return Optional.of(FileType.UNIT);
        }
        if (isUnitName(name)) {
            return Optional.of(FileType.UNIT);
        }
        if ((parent.equals("default") || parent.equals("sysconfig")) && !name.contains(".")) {
            return Optional.of(FileType.ENV);
        }
        return Optional.empty();
    }

    /** The format the content looks like, if it looks like one. */
    public static Optional<FileType> byContent(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        boolean sawTomlSection = false;
        boolean sawUnitSection = false;
        int env = 0;
        int toml = 0;
        int yaml = 0;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") && !sawTomlSection) {
                continue;
            }
            if (env + toml + yaml == 0 && !sawTomlSection && !sawUnitSection && line.startsWith("{")) {
                return Optional.of(FileType.JSON);
            }
            if (line.startsWith("[") && SECTION.matcher(line).matches()) {
                if (UNIT_SECTION.matcher(line).matches() && !sawTomlSection) {
                    sawUnitSection = true;
                } else {
                    sawTomlSection = true;
                }
                continue;
            }
            if (sawUnitSection && !sawTomlSection) {
                // the first assignment decides: systemd keys are CamelCase, TOML keys rarely are
                return Optional.of(UNIT_ASSIGNMENT.matcher(line).matches() ? FileType.UNIT : FileType.TOML);
            }
            if (line.startsWith("- ") || line.equals("-") || line.startsWith("---")) {
                yaml++;
            } else if (ENV_ASSIGNMENT.matcher(line).matches() && !line.matches("[^=]*\\s=.*")) {
                env++;
            } else if (TOML_ASSIGNMENT.matcher(line).matches()) {
                toml++;
            } else if (YAML_LINE.matcher(line).matches()) {
                yaml++;
            }
        }
        if (sawTomlSection) {
            return Optional.of(FileType.TOML);
        }
        if (sawUnitSection) {
            return Optional.of(FileType.UNIT);
        }
        if (env + toml + yaml == 0) {
            return Optional.empty();
        }
        if (yaml > env + toml) {
            return Optional.of(FileType.YAML);
        }
        // NAME=value without blanks around '=' is how environment files are written; TOML writers put blanks
        return Optional.of(env >= toml ? FileType.ENV : FileType.TOML);
    }

    private static boolean isUnitName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && UNIT_SUFFIXES.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }
}
