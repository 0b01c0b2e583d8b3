package dev.criconf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void printsLikeACompiler() {
        Origin o = new Origin("etc/containerd/config.toml", 12, 9, 301, 4);
        assertEquals("etc/containerd/config.toml:12:9", o.toString());
        assertEquals(305, o.endOffset());
        assertEquals("x.toml:12:9", o.withFile("x.toml").toString());
    }

    @Test
    void rejectsZeroBasedPositions() {
        assertThrows(IllegalArgumentException.class, () -> new Origin("f", 0, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Origin("f", 1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Origin("f", 1, 1, -1, 0));
    }
}
