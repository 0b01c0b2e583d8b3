package dev.criconf.io.internal;

import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decoded file text plus a line index that turns char offsets into {@link Origin}s. Shared by every
 * parser so that all of them count lines and columns the same way: LF, CRLF and a lone CR each end
 * a line; columns count UTF-16 code units from 1.
 */
public final class SourceText {

    private final String name;
    private final String text;
    private final int[] lineStarts;

    private SourceText(String name, String text) {
        this.name = name;
        this.text = text;
        this.lineStarts = indexLines(text);
    }

    public static SourceText of(String name, String text) {
        return new SourceText(name, text);
    }

    /** The outcome of strict UTF-8 decoding: the text, or the located problem of the first bad byte. */
    public record Decoded(SourceText source, Optional<Problem> problem) {}

    /**
     * Decodes UTF-8 strictly. A BOM stays in the text as {@code \uFEFF} so printing restores it.
     * On malformed input the text decoded so far is kept (with U+FFFD for the rest of the bad
     * sequence) and a problem points at the first bad byte.
     */
    public static Decoded decodeUtf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badByte = in.position();
            String good = out.flip().toString();
            String lenient = new String(bytes, StandardCharsets.UTF_8);
            SourceText source = new SourceText(name, lenient);
            Origin at = source.originAt(good.length(), 0);
            return new Decoded(source, Optional.of(Problem.syntax(at,
                    "invalid UTF-8 at byte " + badByte + " (0x" + String.format("%02x", bytes[badByte] & 0xff) + ")")));
        }
        decoder.flush(out);
        return new Decoded(new SourceText(name, out.flip().toString()), Optional.empty());
    }

    /** Strict decoding that throws; for callers that already validated the bytes. */
    public static String decodeUtf8OrThrow(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** 1-based line of a char offset (an offset at the end of the text belongs to the last line). */
    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a char offset. */
    public int columnOf(int offset) {
        return offset - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** Char offset where a 1-based line starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public Origin originAt(int offset, int length) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(clamped);
        return new Origin(name, line, clamped - lineStarts[line - 1] + 1, clamped,
                Math.max(0, Math.min(length, text.length() - clamped)));
    }

    public Origin span(int start, int end) {
        return originAt(start, end - start);
    }

    /** The line ending the file uses most ({@code "\n"} when it has none), for inserted lines. */
    public String dominantLineEnding() {
        int lf = 0;
        int crlf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) {
            return "\r\n";
        }
        return cr > lf && cr > crlf ? "\r" : "\n";
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (end) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }
}
