package io.berth.core.plugin.verify;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one entry's bytes. The caller has already held the declared size to the limits; here the real output is held
 * to the declared size, so an entry that lies is stopped at the first byte past its claim instead of being inflated to
 * the end. The result must then match the declared size and CRC exactly, and use up exactly the compressed bytes.
 */
final class EntryInflater {

    private EntryInflater() {
    }

    static byte[] read(ZipBytes zip, ArchiveEntry entry) throws ArchiveFormatException {
        int start = (int) entry.dataOffset();
        int compressed = (int) entry.compressedSize();
        int size = (int) entry.size();
        byte[] out;
        if (entry.method() == ArchiveEntry.STORED) {
            if (compressed != size) {
                throw new ArchiveFormatException("a stored entry whose compressed and real sizes differ");
            }
            out = Arrays.copyOfRange(zip.array(), start, start + size);
        } else {
            out = inflate(zip.array(), start, compressed, size);
        }
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != entry.crc()) {
            throw new ArchiveFormatException("CRC mismatch: the entry is damaged or was altered");
        }
        return out;
    }

    private static byte[] inflate(byte[] zip, int start, int compressed, int size) throws ArchiveFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, start, compressed);
            byte[] out = new byte[size];
            int produced = 0;
            while (!inflater.finished() && produced < size) {
                int n = inflater.inflate(out, produced, size - produced);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ArchiveFormatException("compressed data ends before the declared " + size + " bytes");
                }
                produced += n;
            }
            if (!inflater.finished() && inflater.inflate(new byte[1]) > 0) {
                throw new ArchiveFormatException("inflates to more than its declared " + size
                        + " bytes; inflating stopped there");
            }
            if (!inflater.finished() || produced != size || inflater.getRemaining() != 0) {
                throw new ArchiveFormatException("compressed data does not match the declared sizes");
            }
            return out;
        } catch (DataFormatException e) {
            throw new ArchiveFormatException("corrupt compressed data");
        } finally {
            inflater.end();
        }
    }
}
