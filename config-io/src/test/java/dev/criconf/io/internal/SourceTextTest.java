package dev.criconf.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Origin;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void linesEndAtLfCrlfAndLoneCr() {
        SourceText s = SourceText.of("f", "a\nbb\r\nccc\rd");
        assertEquals(4, s.lineCount());
        assertEquals(new Origin("f", 2, 2, 3, 1), s.originAt(3, 1));
        assertEquals(new Origin("f", 3, 1, 6, 3), s.originAt(6, 3));
        assertEquals(new Origin("f", 4, 1, 10, 1), s.originAt(10, 1));
        assertEquals(new Origin("f", 4, 2, 11, 0), s.originAt(11, 0));
    }

    @Test
    void keepsBomAsFirstCharacter() {
        byte[] bytes = "\uFEFFa = 1\n".getBytes(StandardCharsets.UTF_8);
        SourceText.Decoded d = SourceText.decodeUtf8("f", bytes);
        assertTrue(d.problem().isEmpty());
        assertEquals('\uFEFF', d.source().text().charAt(0));
        assertEquals(2, d.source().columnOf(1));
    }

    @Test
    void locatesInvalidUtf8() {
        byte[] bytes = {'a', '\n', 'b', (byte) 0xff, 'c'};
        SourceText.Decoded d = SourceText.decodeUtf8("f", bytes);
        assertEquals("f:2:2", d.problem().orElseThrow().origin().toString());
    }

    @Test
    void dominantLineEnding() {
        assertEquals("\r\n", SourceText.of("f", "a\r\nb\r\nc\n").dominantLineEnding());
        assertEquals("\n", SourceText.of("f", "abc").dominantLineEnding());
    }
}
