package io.berth.worker.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

class FramesTest {

    @Test
    void readsWhatItWritesOneMessagePerLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Frames.write(out, Map.of("a", "line\nbreak"));
        Frames.write(out, List.of(1L, 2L));
        Frames.write(out, "x".repeat(20_000));
        Frames.Reader in = new Frames.Reader(new ByteArrayInputStream(out.toByteArray()), 1 << 20);
        assertEquals(Map.of("a", "line\nbreak"), in.read());
        assertEquals(List.of(1L, 2L), in.read());
        assertEquals("x".repeat(20_000), in.read());
        assertNull(in.read());
    }

    @Test
    void readsMessagesSplitAcrossReads() throws IOException {
        byte[] bytes = "{\"a\":1}\n[2]\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[i++];
                return 1;
            }
        };
        Frames.Reader in = new Frames.Reader(trickle, 100);
        assertEquals(Map.of("a", 1L), in.read());
        assertEquals(List.of(2L), in.read());
        assertNull(in.read());
    }

    @Test
    void refusesALineLongerThanTheLimitWithoutBufferingIt() {
        byte[] endless = ("\"" + "y".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        Frames.Reader in = new Frames.Reader(new ByteArrayInputStream(endless), 1000);
        assertThrows(Frames.FrameException.class, in::read);
    }

    @Test
    void refusesAMessageCutOffByTheEndOfTheStream() {
        Frames.Reader in = new Frames.Reader(new ByteArrayInputStream("{\"a\":".getBytes(StandardCharsets.UTF_8)), 100);
        assertThrows(Frames.FrameException.class, in::read);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] bad = {'"', (byte) 0xC3, (byte) 0x28, '"', '\n'};
        Frames.Reader in = new Frames.Reader(new ByteArrayInputStream(bad), 100);
        assertThrows(Frames.FrameException.class, in::read);
    }

    @Test
    void refusesALineThatIsNotJson() {
        Frames.Reader in = new Frames.Reader(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)), 100);
        assertThrows(Frames.FrameException.class, in::read);
    }
}
