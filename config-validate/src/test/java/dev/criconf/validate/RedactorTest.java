package dev.criconf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void replacesEveryOccurrenceOfASecret() {
        Redactor r = Redactor.of(Secrets.of("hunter2-long", "dXNlcjpodW50ZXIy"));
        assertEquals("password <redacted> and again <redacted>; auth <redacted>",
                r.redact("password hunter2-long and again hunter2-long; auth dXNlcjpodW50ZXIy"));
        assertEquals("nothing secret", r.redact("nothing secret"));
    }

    @Test
    void aSecretThatContainsAnotherIsReplacedWhole() {
        Redactor r = Redactor.of(Secrets.of("token", "token-with-suffix"));
        assertEquals("x <redacted> y", r.redact("x token-with-suffix y"));
    }

    @Test
    void shortSecretsOnlyWhereTheyStandAlone() {
        Redactor r = Redactor.of(Secrets.of("ab"));
        assertEquals("password <redacted>, not in tab or abc", r.redact("password ab, not in tab or abc"));
        assertEquals("<redacted>", r.redact("ab"));
    }

    @Test
    void scrubsUserInfoFromUrls() {
        Redactor r = Redactor.urlsOnly();
        assertEquals("mirror https://<redacted>@registry.example.com/v2 is down",
                r.redact("mirror https://admin:s3cret@registry.example.com/v2 is down"));
        assertEquals("https://<redacted>@host", r.redact("https://token@host"));
        assertEquals("https://<redacted>@host/x", r.redact("https://user:p@ss@host/x"), "a sloppy '@' in a password");
        assertEquals("see https://registry.k8s.io/pause and mail me@example.com",
                r.redact("see https://registry.k8s.io/pause and mail me@example.com"));
        assertEquals("https://registry.k8s.io/pause@sha256:0123", r.redact("https://registry.k8s.io/pause@sha256:0123"),
                "a digest after the path is not user-info");
        assertEquals("\"http://<redacted>@a\" and \"unix:///run/containerd/containerd.sock\"",
                r.redact("\"http://u:p@a\" and \"unix:///run/containerd/containerd.sock\""));
    }

    @Test
    void aSecretRebuiltAroundThePlaceholderBlanksTheWholeText() {
        // "d>xy" appears again once "<redacted>" is in place: the text cannot be shown safely
        Redactor r = Redactor.of(Secrets.of("PASS", "d>xy"));
        assertEquals(Redactor.PLACEHOLDER, r.redact("PASSxy"));
    }

    @Test
    void secretsNeverShowInToString() {
        Secrets s = Secrets.of("hunter2-long", "", "other-secret");
        assertEquals("Secrets[2 redacted]", s.toString());
        assertFalse(s.toString().contains("hunter2"));
        assertSame(s, s.union(Secrets.none()));
        assertEquals(3, s.union(Secrets.of("third")).values().size());
    }

    @Property(tries = 1000)
    void noSecretSurvives(@ForAll("secrets") String secret, @ForAll("texts") String before,
                          @ForAll("texts") String after) {
        String out = Redactor.of(Secrets.of(secret)).redact(before + secret + after);
        assertFalse(out.contains(secret), out);
    }

    @Property(tries = 1000)
    void noUrlPasswordSurvives(@ForAll("urlPasswords") String password, @ForAll("texts") String before) {
        String out = Redactor.urlsOnly().redact(before + " https://user:" + password + "@registry.example/v2");
        assertTrue(out.endsWith(" https://<redacted>@registry.example/v2"), out);
    }

    @Provide
    Arbitrary<String> secrets() {
        // upper case and digits: no secret is part of the lower-case placeholder
        return Arbitraries.strings().withChars("ABCXYZ0189:@/-_+=").ofMinLength(Redactor.MIN_SUBSTRING_LENGTH)
                .ofMaxLength(16).filter(s -> s.chars().anyMatch(Character::isLetterOrDigit));
    }

    /** User-info as RFC 3986 allows it: no unencoded '/', '?' or '#' (a '/' ends the authority). */
    @Provide
    Arbitrary<String> urlPasswords() {
        return Arbitraries.strings().withChars("ABCXYZ0189:@-_+=%!$").ofMinLength(1).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abcAB0 :/@.<>\"'\n").ofMaxLength(20);
    }
}
