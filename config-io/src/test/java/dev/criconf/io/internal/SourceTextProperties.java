package dev.criconf.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.yaml.internal.TextLines;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The line cursor answers as the binary search over line starts does, whatever order the offsets
 * come in, and tells line breaks inside a span as a scan does; the fast UTF-8 path agrees with a
 * strict decoder.
 */
class SourceTextProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab \n\r\uFEFF").ofMaxLength(40);
    }

    @Property(tries = 1000)
    void cursorAgreesWithTheBinarySearch(@ForAll("texts") String text,
            @ForAll("offsets") List<Integer> offsets) {
        SourceText src = SourceText.of("f", text);
        SourceText.LineCursor cursor = src.cursor();
        for (int raw : offsets) {
            int start = Math.min(raw, text.length());
            int end = Math.min(text.length(), start + raw % 7);
            assertEquals(src.span(start, end), cursor.span(start, end), text + " @" + start);
            assertEquals(src.lineOf(start), cursor.lineOf(start));
            boolean scanned = TextLines.hasLineBreak(text, start, end);
            assertEquals(scanned, cursor.firstBreakAtOrAfter(start) < end, () -> "break in " + start + ".." + end);
        }
    }

    @Provide
    Arbitrary<List<Integer>> offsets() {
        return Arbitraries.integers().between(0, 45).list().ofMaxSize(20);
    }

    @Property(tries = 1000)
    void fastUtf8PathAgreesWithAStrictDecoder(@ForAll("bytes") byte[] bytes) {
        SourceText.Decoded d = SourceText.decodeUtf8("f", bytes);
        try {
            String strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            assertTrue(d.problem().isEmpty(), () -> d.problem().toString());
            assertEquals(strict, d.source().text());
        } catch (CharacterCodingException e) {
            assertTrue(d.problem().isPresent());
        }
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        // ASCII, the bytes of U+FFFD and of other multi-byte characters, and stray continuation bytes
        return Arbitraries.of((byte) 'a', (byte) '\n', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, (byte) 0xC3, (byte) 0xA9,
                (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0xFF).array(byte[].class).ofMaxSize(12);
    }
}
