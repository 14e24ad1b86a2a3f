package io.berth.worker.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's framing: one JSON text per line, UTF-8, ended by {@code \n} (newline-delimited JSON). The writer
 * escapes every control character, so a line break can only end a message. Reading is bounded: a line longer than the
 * limit, or bytes that are not UTF-8, are a protocol violation ({@link FrameException}), never a reason to buffer more.
 */
public final class Frames {

    private Frames() {
    }

    /** Reads messages from one stream, with its own buffer (a stream is read by one thread only). */
    public static final class Reader {
        private final InputStream in;
        private final int maxBytes;
        private final byte[] buffer = new byte[8192];
        private int start;
        private int end;

        public Reader(InputStream in, int maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        /** The next message; {@code null} at the end of the stream. */
        public Object read() throws IOException {
            String line = readLine();
            if (line == null) {
                return null;
            }
            try {
                return JsonReader.parse(line);
            } catch (JsonException e) {
                throw new FrameException(e.getMessage());
            }
        }

        /** One line without its {@code \n}; {@code null} at the end of the stream (a partial last line is an error). */
        String readLine() throws IOException {
            ByteArrayOutputStream line = null;
            while (true) {
                for (int i = start; i < end; i++) {
                    if (buffer[i] == '\n') {
                        int length = i - start;
                        byte[] bytes;
                        if (line == null) {
                            check(length);
                            bytes = java.util.Arrays.copyOfRange(buffer, start, i);
                        } else {
                            check(line.size() + length);
                            line.write(buffer, start, length);
                            bytes = line.toByteArray();
                        }
                        start = i + 1;
                        return utf8(bytes);
                    }
                }
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.max(256, end - start));
                }
                check(line.size() + end - start);
                line.write(buffer, start, end - start);
                start = 0;
                end = in.read(buffer);
                if (end < 0) {
                    end = 0;
                    if (line.size() == 0) {
                        return null;
                    }
                    throw new FrameException("The stream ended inside a message");
                }
            }
        }

        private void check(int length) throws FrameException {
            if (length > maxBytes) {
                throw new FrameException("A message is longer than " + maxBytes + " bytes");
            }
        }
    }

    private static String utf8(byte[] bytes) throws FrameException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new FrameException("A message is not UTF-8");
        }
    }

    /** Writes one message and flushes it. Callers serialize writes to the same stream. */
    public static void write(OutputStream out, Object message) throws IOException {
        byte[] bytes = (JsonWriter.write(message) + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        out.flush();
    }

    /** A stream that does not follow the framing. */
    public static final class FrameException extends IOException {
        private static final long serialVersionUID = 1L;

        public FrameException(String message) {
            super(message);
        }
    }
}
