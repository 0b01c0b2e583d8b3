package dev.criconf.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the caller believes is on disk before a write; {@link SafeFileWriter} refuses to replace a
 * file that no longer matches, so that an edit made by someone else since the file was read is not
 * silently lost. Contents are compared by SHA-256.
 */
public final class ExpectedOriginal {

    private enum Kind { ANY, ABSENT, CONTENT }

    private static final ExpectedOriginal ANY = new ExpectedOriginal(Kind.ANY, null);
    private static final ExpectedOriginal ABSENT = new ExpectedOriginal(Kind.ABSENT, null);

    private final Kind kind;
    private final byte[] sha256;

    private ExpectedOriginal(Kind kind, byte[] sha256) {
        this.kind = kind;
        this.sha256 = sha256;
    }

    /** No check: whatever is there is replaced. */
    public static ExpectedOriginal any() {
        return ANY;
    }

    /** The file must not exist (creating a new file). */
    public static ExpectedOriginal absent() {
        return ABSENT;
    }

    /** The file must exist and hold exactly these bytes (the bytes the caller parsed). */
    public static ExpectedOriginal content(byte[] originalBytes) {
        Objects.requireNonNull(originalBytes, "originalBytes");
        return new ExpectedOriginal(Kind.CONTENT, sha256(originalBytes));
    }

    /** The file must hold what an unedited document was parsed from ({@link SyntaxDocument#toBytes()}). */
    public static ExpectedOriginal document(SyntaxDocument original) {
        return content(original.toBytes());
    }

    /** The file must exist and have this SHA-256 digest (64 hex digits), e.g. one recorded earlier. */
    public static ExpectedOriginal sha256Hex(String hex) {
        byte[] d = HexFormat.of().parseHex(hex.strip().toLowerCase(java.util.Locale.ROOT));
        if (d.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 64 hex digits: " + hex);
        }
        return new ExpectedOriginal(Kind.CONTENT, d);
    }

    /** The SHA-256 digest of some bytes in hex, as {@link #sha256Hex(String)} takes it. */
    public static String digestHex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** Whether the file's current state matches; {@code current} is null when the file does not exist. */
    boolean matches(byte[] current) {
        switch (kind) {
            case ANY:
                return true;
            case ABSENT:
                return current == null;
            default:
                return current != null && MessageDigest.isEqual(sha256, sha256(current));
        }
    }

    /** Whether the check needs the file's bytes. */
    boolean needsContent() {
        return kind == Kind.CONTENT;
    }

    String describe() {
        switch (kind) {
            case ANY:
                return "any content";
            case ABSENT:
                return "no file";
            default:
                return "content with SHA-256 " + HexFormat.of().formatHex(sha256);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpectedOriginal e && kind == e.kind && Arrays.equals(sha256, e.sha256);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "ExpectedOriginal[" + describe() + "]";
    }
}
