package io.berth.core.plugin.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bounds-checked little-endian reads from an archive held in memory. */
final class ZipBytes {

    private final byte[] zip;

    ZipBytes(byte[] zip) {
        this.zip = zip;
    }

    int length() {
        return zip.length;
    }

    byte[] array() {
        return zip;
    }

    int u16(long at) throws ArchiveFormatException {
        int i = index(at, 2);
        return (zip[i] & 0xff) | (zip[i + 1] & 0xff) << 8;
    }

    long u32(long at) throws ArchiveFormatException {
        int i = index(at, 4);
        return (zip[i] & 0xffL) | (zip[i + 1] & 0xffL) << 8 | (zip[i + 2] & 0xffL) << 16 | (zip[i + 3] & 0xffL) << 24;
    }

    /**
     * An entry name. Names must be valid UTF-8 whatever the language-encoding flag says: {@code JarFile} reads them
     * as UTF-8, and a name two readers decode differently could pass the checks as one file and load as another.
     */
    String name(long at, int length) throws ArchiveFormatException {
        int i = index(at, length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(zip, i, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ArchiveFormatException("an entry name at offset " + at + " is not valid UTF-8");
        }
    }

    private int index(long at, int length) throws ArchiveFormatException {
        if (at < 0 || length < 0 || at + length > zip.length) {
            throw new ArchiveFormatException("a record at offset " + at + " runs past the end of the archive");
        }
        return (int) at;
    }
}
