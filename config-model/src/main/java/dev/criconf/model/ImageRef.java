package dev.criconf.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, normalised the way
 * Docker, containerd and CRI-O normalise it (distribution/reference {@code ParseNormalizedNamed},
 * {@code normalize.go}): {@code pause:3.9} is {@code docker.io/library/pause:3.9},
 * {@code index.docker.io} is {@code docker.io}, and the first path component is a registry only
 * when it contains {@code .} or {@code :}, is {@code localhost}, or has upper-case letters
 * ({@code registry.k8s.io/pause:3.10}, {@code localhost:5000/x}).
 *
 * <p>{@link #toString()} is the normalised form ({@code docker.io/library/pause:3.9}); parsing it
 * again gives an equal value. A missing tag stays missing; {@link #withDefaultTag()} adds
 * {@code latest} as the runtimes do when they pull.
 *
 * @param registry the registry host (with port), e.g. {@code registry.k8s.io}; empty only for the rare
 *                 names distribution/reference accepts without one (a first component such as
 *                 {@code a_b.com} that is neither a valid host nor left to Docker Hub)
 * @param path     the repository path, e.g. {@code library/pause} or {@code pause}
 * @param tag      the tag, when given
 * @param digest   the digest ({@code sha256:<64 hex>}), when given
 */
public record ImageRef(String registry, String path, Optional<String> tag, Optional<String> digest) {

    /** Docker Hub's canonical registry name. */
    public static final String DOCKER_HUB = "docker.io";

    private static final int MAX_PATH_LENGTH = 255;
    // far above any valid reference (255 path + 128 tag + digest); keeps hostile input cheap
    private static final int MAX_TEXT_LENGTH = 2048;

    /** Validates every part against the reference grammar. */
    public ImageRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
        if (!registry.isEmpty() && !isDomain(registry)) {
            throw new IllegalArgumentException("invalid registry: " + registry);
        }
        if (!isRemoteName(path) || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("invalid repository path: " + path);
        }
        if (tag.isPresent() && !isTag(tag.get())) {
            throw new IllegalArgumentException("invalid tag: " + tag.get());
        }
        if (digest.isPresent() && digestError(digest.get()).isPresent()) {
            throw new IllegalArgumentException("invalid digest: " + digest.get());
        }
    }

    /** Parses and normalises a reference; bad text is {@link Parsed.Invalid} with distribution/reference's message. */
    public static Parsed<ImageRef> parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            return Parsed.invalid(text, "repository name must have at least one component");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Parsed.invalid(text, "invalid reference format: longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Parsed.invalid(text, "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDockerDomain(text);
        String remainder = split[1];
        int tagSep = remainder.indexOf(':');
        String remote = tagSep < 0 ? remainder : remainder.substring(0, tagSep);
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            return Parsed.invalid(text, "invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        return parseCanonical(split[0] + "/" + remainder, text);
    }

    // distribution/reference Parse(): name[:tag][@digest] with an optional leading domain.
    private static Parsed<ImageRef> parseCanonical(String s, String original) {
        Optional<String[]> parts = match(s);
        if (parts.isEmpty()) {
            String lower = s.toLowerCase(Locale.ROOT);
            if (!lower.equals(s) && match(lower).isPresent()) {
                return Parsed.invalid(original, "repository name must be lowercase");
            }
            return Parsed.invalid(original, "invalid reference format");
        }
        String[] p = parts.get();
        if (p[1].length() > MAX_PATH_LENGTH) {
            return Parsed.invalid(original, "repository name must not be more than " + MAX_PATH_LENGTH + " characters");
        }
        Optional<String> digest = Optional.ofNullable(p[3]);
        if (digest.isPresent()) {
            Optional<String> bad = digestError(digest.get());
            if (bad.isPresent()) {
                return Parsed.invalid(original, bad.get());
            }
        }
        return Parsed.ok(new ImageRef(p[0], p[1], Optional.ofNullable(p[2]), digest));
    }

    // {domain, path, tag|null, digest|null}, or empty when the grammar does not match.
    private static Optional<String[]> match(String s) {
        int at = s.indexOf('@');
        String left = at < 0 ? s : s.substring(0, at);
        String digest = at < 0 ? null : s.substring(at + 1);
        if (digest != null && !isDigestSyntax(digest)) {
            return Optional.empty();
        }
        String name = left;
        String tag = null;
        int colon = left.lastIndexOf(':');
        if (colon > left.lastIndexOf('/')) {
            name = left.substring(0, colon);
            tag = left.substring(colon + 1);
            if (!isTag(tag)) {
                return Optional.empty();
            }
        }
        int slash = name.indexOf('/');
        if (slash > 0 && isDomain(name.substring(0, slash)) && isRemoteName(name.substring(slash + 1))) {
            return Optional.of(new String[] {name.substring(0, slash), name.substring(slash + 1), tag, digest});
        }
        if (isRemoteName(name)) {
            return Optional.of(new String[] {"", name, tag, digest});
        }
        return Optional.empty();
    }

    private static String[] splitDockerDomain(String name) {
        int slash = name.indexOf('/');
        String domain;
        String remainder;
        if (slash < 0) {
            return new String[] {DOCKER_HUB, "library/" + name};
        }
        String maybeDomain = name.substring(0, slash);
        String maybeRemote = name.substring(slash + 1);
        if (maybeDomain.equals("localhost")) {
            domain = maybeDomain;
            remainder = maybeRemote;
        } else if (maybeDomain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
            remainder = maybeRemote;
        } else if (maybeDomain.contains(".") || maybeDomain.contains(":")) {
            domain = maybeDomain;
            remainder = maybeRemote;
        } else if (!maybeDomain.toLowerCase(Locale.ROOT).equals(maybeDomain)) {
            domain = maybeDomain;
            remainder = maybeRemote;
        } else {
            domain = DOCKER_HUB;
            remainder = name;
        }
        if (domain.equals(DOCKER_HUB) && remainder.indexOf('/') < 0) {
            remainder = "library/" + remainder;
        }
        return new String[] {domain, remainder};
    }

    private static boolean isAlnumLower(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isAlnum(char c) {
        return isAlnumLower(c) || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // [a-z0-9]+ ( ([._]|__|[-]+) [a-z0-9]+ )*  joined by '/'
    private static boolean isRemoteName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (String component : s.split("/", -1)) {
            if (!isPathComponent(component)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPathComponent(String s) {
        int n = s.length();
        if (n == 0 || !isAlnumLower(s.charAt(0)) || !isAlnumLower(s.charAt(n - 1))) {
            return false;
        }
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (isAlnumLower(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isAlnumLower(s.charAt(i))) {
                i++;
            }
            String sep = s.substring(start, i);
            boolean ok = sep.equals(".") || sep.equals("_") || sep.equals("__") || sep.chars().allMatch(x -> x == '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // host[:port], host = domain-name | [ipv6]
    static boolean isDomain(String s) {
        String host = s;
        int close = s.lastIndexOf(']');
        int colon = s.lastIndexOf(':');
        if (colon > close) {
            String port = s.substring(colon + 1);
            if (port.isEmpty() || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            host = s.substring(0, colon);
        }
        if (host.startsWith("[")) {
            return host.length() > 2 && host.endsWith("]")
                    && host.substring(1, host.length() - 1).chars().allMatch(c -> c == ':' || isHex((char) c));
        }
        if (host.isEmpty()) {
            return false;
        }
        for (String component : host.split("\\.", -1)) {
            int n = component.length();
            if (n == 0 || !isAlnum(component.charAt(0)) || !isAlnum(component.charAt(n - 1))) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = component.charAt(i);
                if (!isAlnum(c) && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    // [\w][\w.-]{0,127}
    private static boolean isTag(String s) {
        if (s.isEmpty() || s.length() > 128) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean word = isAlnum(c) || c == '_';
            if (!word && (i == 0 || (c != '.' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    // [A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}
    private static boolean isDigestSyntax(String s) {
        int colon = s.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String alg = s.substring(0, colon);
        String hex = s.substring(colon + 1);
        if (hex.length() < 32 || !hex.chars().allMatch(c -> isHex((char) c))) {
            return false;
        }
        boolean expectLetter = true;
        for (int i = 0; i < alg.length(); i++) {
            char c = alg.charAt(i);
            if (expectLetter) {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    return false;
                }
                expectLetter = false;
            } else if (c == '-' || c == '_' || c == '+' || c == '.') {
                expectLetter = true;
            } else if (!isAlnum(c)) {
                return false;
            }
        }
        return !expectLetter;
    }

    // go-digest Digest.Validate: a registered algorithm and lower-case hex of its exact size.
    private static Optional<String> digestError(String digest) {
        if (!isDigestSyntax(digest)) {
            return Optional.of("invalid digest format");
        }
        int colon = digest.indexOf(':');
        String alg = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        int size;
        switch (alg) {
            case "sha256":
                size = 64;
                break;
            case "sha384":
                size = 96;
                break;
            case "sha512":
                size = 128;
                break;
            default:
                return Optional.of("unsupported digest algorithm");
        }
        if (hex.length() != size || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return Optional.of("invalid checksum digest format");
        }
        return Optional.empty();
    }

    /** {@code registry/path}, e.g. {@code docker.io/library/pause}. */
    public String repository() {
        return registry.isEmpty() ? path : registry + "/" + path;
    }

    /** Whether the image is on the given registry host (exact, case-insensitive host comparison). */
    public boolean isOnRegistry(String host) {
        return registry.equalsIgnoreCase(host);
    }

    /** The reference with tag {@code latest} when it has neither tag nor digest, as runtimes pull it. */
    public ImageRef withDefaultTag() {
        if (tag.isEmpty() && digest.isEmpty()) {
            return new ImageRef(registry, path, Optional.of("latest"), digest);
        }
        return this;
    }

    /** The same repository path and tag on another registry, e.g. {@code k8s.gcr.io} to {@code registry.k8s.io}. */
    public Parsed<ImageRef> withRegistry(String newRegistry) {
        Objects.requireNonNull(newRegistry, "newRegistry");
        return parse(suffixed(newRegistry + "/" + path));
    }

    /**
     * Whether two references pull the same image: equal after {@link #withDefaultTag()} (so
     * {@code pause} and {@code docker.io/library/pause:latest} are the same).
     */
    public boolean sameImageAs(ImageRef other) {
        return withDefaultTag().equals(other.withDefaultTag());
    }

    /** The short form Docker prints: {@code pause:3.9} for {@code docker.io/library/pause:3.9}. */
    public String familiar() {
        String p = path;
        String r = registry;
        if (r.equals(DOCKER_HUB)) {
            r = "";
            if (p.startsWith("library/") && p.indexOf('/', "library/".length()) < 0) {
                p = p.substring("library/".length());
            }
        }
        return suffixed(r.isEmpty() ? p : r + "/" + p);
    }

    private String suffixed(String name) {
        StringBuilder sb = new StringBuilder(name);
        tag.ifPresent(t -> sb.append(':').append(t));
        digest.ifPresent(d -> sb.append('@').append(d));
        return sb.toString();
    }

    /** The normalised reference, e.g. {@code docker.io/library/pause:3.9}. */
    @Override
    public String toString() {
        return suffixed(repository());
    }
}
