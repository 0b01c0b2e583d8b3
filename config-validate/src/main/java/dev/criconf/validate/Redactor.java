package dev.criconf.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text before it is printed. Every renderer passes every message,
 * related message, fix description and edit value through one. Two things are redacted:
 * <ul>
 *   <li>every occurrence of a known secret ({@link Secrets}); secrets shorter than
 *       {@value #MIN_SUBSTRING_LENGTH} characters only where they stand alone (not inside a longer
 *       word), so a one-letter password does not blank out every message;</li>
 *   <li>the user-info part of any URL ({@code https://user:pass@host} becomes
 *       {@code https://<redacted>@host}), whether or not a loader knew it was secret. User-info
 *       ends at the authority's last {@code @} and cannot hold an unencoded {@code /}, {@code ?}
 *       or {@code #} (RFC 3986), so {@code https://registry.k8s.io/pause@sha256:...} is left
 *       alone.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class Redactor {

    /** What a redacted value is replaced with. */
    public static final String PLACEHOLDER = "<redacted>";
    /** Secrets at least this long are redacted wherever they occur. */
    public static final int MIN_SUBSTRING_LENGTH = 4;

    // scheme "://" then the authority's user-info up to its last '@' (a sloppy password may hold '@')
    private static final Pattern URL_USERINFO =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/\\s?#\"'<>]*@");

    private static final Redactor URLS_ONLY = new Redactor(Secrets.none());

    private final List<String> secrets;

    private Redactor(Secrets secrets) {
        List<String> sorted = new ArrayList<>(secrets.values());
        // longest first, so a secret that contains another is replaced whole
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.secrets = List.copyOf(sorted);
    }

    /** A redactor for these secrets and for URL user-info. */
    public static Redactor of(Secrets secrets) {
        return secrets.isEmpty() ? URLS_ONLY : new Redactor(secrets);
    }

    /** A redactor that only knows URL user-info. */
    public static Redactor urlsOnly() {
        return URLS_ONLY;
    }

    /**
     * {@code text} with every secret and every URL user-info replaced by {@link #PLACEHOLDER}. If
     * a secret still shows after that (it overlapped a placeholder and its surroundings), the
     * whole text is replaced: losing a message beats leaking a password.
     */
    public String redact(String text) {
        if (secrets.isEmpty()) {
            return scrubUrls(text);
        }
        String out = scrubUrls(redactSecrets(text));
        return containsSecret(out) ? PLACEHOLDER : out;
    }

    private static String scrubUrls(String text) {
        if (text.indexOf("://") < 0) {
            return text;
        }
        return URL_USERINFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(PLACEHOLDER) + "@");
    }

    private boolean containsSecret(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (matchAt(text, i) != null) {
                return true;
            }
        }
        return false;
    }

    // One left-to-right pass, longest match first at each position: replacing secrets one after
    // another could let a replacement join with its surroundings into another secret.
    private String redactSecrets(String text) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            String hit = matchAt(text, i);
            if (hit == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, i).append(PLACEHOLDER);
            i += hit.length();
            copied = i;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private String matchAt(String text, int i) {
        for (String s : secrets) {
            if (text.startsWith(s, i)
                    && (s.length() >= MIN_SUBSTRING_LENGTH || standsAlone(text, i, i + s.length()))) {
                return s;
            }
        }
        return null;
    }

    private static boolean standsAlone(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }
}
