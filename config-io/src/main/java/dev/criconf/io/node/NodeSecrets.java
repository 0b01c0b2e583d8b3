package dev.criconf.io.node;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Component;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.KeyPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials a node's files hold, for output to redact (config-validate's
 * {@code Report.withSecrets(Secrets.of(NodeSecrets.of(node)))}):
 * <ul>
 *   <li>containerd registry credentials in every file read, whatever schema the file is read with:
 *       {@code registry.configs."<host>".auth} {@code username}, {@code password}, {@code auth},
 *       {@code identitytoken}, and every value under {@code registry.auths}; a base64 {@code auth}
 *       also gives the {@code user:password} it encodes and the password;</li>
 *   <li>the user information of URLs ({@code https://user:password@host}) in any value of any file
 *       read and in command-line flags: the whole {@code user:password} and the password.</li>
 * </ul>
 */
public final class NodeSecrets {

    private static final Pattern USERINFO = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([^/@\\s\"']+)@");

    private NodeSecrets() {}

    /** Every secret string found in the node's files; never contains the empty string. */
    public static Set<String> of(NodeConfig node) {
        Set<String> out = new TreeSet<>();
        for (ParsedFile f : node.parsedFiles()) {
            for (ConfigValue doc : f.documents()) {
                for (ConfigValues.Node n : ConfigValues.walk(doc)) {
                    if (!(n.value() instanceof ConfigString s)) {
                        continue;
                    }
                    if (f.component() == Component.CONTAINERD && ContainerdConfig.isSecretPath(n.path())) {
                        addCredential(out, n.path(), s.value());
                    }
                    userInfo(out, s.value());
                }
            }
        }
        List<CommandLineFlag> flags = new ArrayList<>();
        node.criDockerd().ifPresent(c -> flags.addAll(c.flags()));
        node.kubeletFlags().ifPresent(k -> flags.addAll(k.flags()));
        for (CommandLineFlag flag : flags) {
            flag.value().ifPresent(v -> userInfo(out, v));
        }
        out.remove("");
        return Collections.unmodifiableSet(out);
    }

    private static void addCredential(Set<String> out, KeyPath path, String value) {
        out.add(value);
        List<KeyPath.Segment> segments = path.segments();
        boolean authField = !segments.isEmpty() && segments.get(segments.size() - 1) instanceof KeyPath.Key k && k.name().equals("auth");
        if (authField) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0) {
                    out.add(decoded);
                    out.add(decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException notBase64) {
                // containerd rejects it at pull time; the raw value is already redacted
            }
        }
    }

    private static void userInfo(Set<String> out, String text) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher m = USERINFO.matcher(text);
        while (m.find()) {
            String info = m.group(1);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                out.add(info);
                out.add(info.substring(colon + 1));
            }
        }
    }
}
