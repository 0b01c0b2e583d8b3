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
        // The JDK's lenient decoding is much faster than a CharsetDecoder and differs from the
        // strict one only by putting U+FFFD where the bytes are malformed: without a U+FFFD in
        // the result the bytes were valid. With one (written in the file or a replacement), the
        // strict decoder finds out which and where.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return new Decoded(new SourceText(name, lenient), Optional.empty());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int badByte = in.position();
            String good = out.flip().toString();
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

    /**
     * A reader of line and column for offsets that mostly grow, as a parser meets them: each look-up
     * moves forward from the previous line instead of searching all line starts, so a pass over
     * the file costs time linear in its size. Going back falls back to a binary search. Not
     * thread-safe; one per parse.
     */
    public LineCursor cursor() {
        return new LineCursor();
    }

    /** See {@link #cursor()}. */
    public final class LineCursor {

        /** 0-based index of the line of the last look-up. */
        private int line;

        private LineCursor() {}

        /** 1-based line of a char offset, as {@link SourceText#lineOf(int)}. */
        public int lineOf(int offset) {
            int[] starts = lineStarts;
            int i = line;
            if (offset < starts[i]) {
                i = SourceText.this.lineOf(offset) - 1;
            } else {
                while (i + 1 < starts.length && starts[i + 1] <= offset) {
                    i++;
                }
            }
            line = i;
            return i + 1;
        }

        /**
         * Offset of the line break that ends the line of the last look-up, if {@code offset} is on
         * it (or the offset itself when it is that break's second char); the text length when the
         * line is the last. Tells without a scan whether a span starting there covers a break.
         */
        public int firstBreakAtOrAfter(int offset) {
            if (line + 1 >= lineStarts.length) {
                return text.length();
            }
            int next = lineStarts[line + 1];
            int brk = next - 1;
            if (text.charAt(brk) == '\n' && brk - 1 >= lineStarts[line] && text.charAt(brk - 1) == '\r') {
                brk--;
            }
            return Math.max(brk, offset);
        }

        /** As {@link SourceText#originAt(int, int)}. */
        public Origin originAt(int offset, int length) {
            int clamped = Math.max(0, Math.min(offset, text.length()));
            int l = lineOf(clamped);
            return new Origin(name, l, clamped - lineStarts[l - 1] + 1, clamped,
                    Math.max(0, Math.min(length, text.length() - clamped)));
        }

        /** As {@link SourceText#span(int, int)}. */
        public Origin span(int start, int end) {
            return originAt(start, end - start);
        }
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
        if (text.indexOf('\r') < 0) {
            // only LF ends lines: let indexOf, which the JIT vectorizes, find them
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
            return Arrays.copyOf(starts, n);
        }
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
