package io.berth.core.plugin.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The archive's table of contents: the end record and the central directory it points to. Only single-disk archives
 * without ZIP64 are accepted; a plugin within the upload limits never needs more, and every extension left out is one
 * less place where two ZIP readers could disagree.
 *
 * @param entries the entries, in directory order
 * @param offset  where the central directory starts, which is where the last entry's data must end
 */
record CentralDirectory(List<ArchiveEntry> entries, long offset) {

    private static final long END_SIGNATURE = 0x06054b50L;
    private static final long ZIP64_LOCATOR_SIGNATURE = 0x07064b50L;
    private static final long HEADER_SIGNATURE = 0x02014b50L;
    private static final int END_SIZE = 22;
    private static final int HEADER_SIZE = 46;
    private static final int MAX_COMMENT = 0xffff;
    private static final long ZIP64_MARK = 0xffffffffL;

    static CentralDirectory read(ZipBytes zip, int maxEntries) throws ArchiveFormatException {
        long end = findEnd(zip);
        if (zip.u16(end + 4) != 0 || zip.u16(end + 6) != 0 || zip.u16(end + 8) != zip.u16(end + 10)) {
            throw new ArchiveFormatException("multi-disk archives are not accepted");
        }
        int count = zip.u16(end + 10);
        long size = zip.u32(end + 12);
        long offset = zip.u32(end + 16);
        if (count == 0xffff || size == ZIP64_MARK || offset == ZIP64_MARK
                || end >= 20 && zip.u32(end - 20) == ZIP64_LOCATOR_SIGNATURE) {
            throw new ArchiveFormatException("ZIP64 archives are not accepted");
        }
        if (count > maxEntries) {
            throw new ArchiveFormatException(count + " entries, more than the limit of " + maxEntries);
        }
        if (offset + size != end) {
            throw new ArchiveFormatException("the central directory does not end where the end record says");
        }
        return new CentralDirectory(headers(zip, offset, end, count), offset);
    }

    /** The end record is the last one whose comment reaches exactly to the end of the archive. */
    private static long findEnd(ZipBytes zip) throws ArchiveFormatException {
        long last = zip.length() - END_SIZE;
        for (long at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
            if (zip.u32(at) == END_SIGNATURE && at + END_SIZE + zip.u16(at + 20) == zip.length()) {
                return at;
            }
        }
        throw new ArchiveFormatException("not a ZIP archive: no end of central directory record");
    }

    private static List<ArchiveEntry> headers(ZipBytes zip, long offset, long end, int count)
            throws ArchiveFormatException {
        List<ArchiveEntry> entries = new ArrayList<>(count);
        long at = offset;
        for (int i = 0; i < count; i++) {
            if (at + HEADER_SIZE > end || zip.u32(at) != HEADER_SIGNATURE) {
                throw new ArchiveFormatException("central directory record " + (i + 1) + " is missing or damaged");
            }
            int nameLength = zip.u16(at + 28);
            long next = at + HEADER_SIZE + nameLength + zip.u16(at + 30) + zip.u16(at + 32);
            long compressed = zip.u32(at + 20);
            long size = zip.u32(at + 24);
            long local = zip.u32(at + 42);
            if (next > end || zip.u16(at + 34) != 0) {
                throw new ArchiveFormatException("central directory record " + (i + 1) + " is damaged");
            }
            if (compressed == ZIP64_MARK || size == ZIP64_MARK || local == ZIP64_MARK) {
                throw new ArchiveFormatException("ZIP64 entries are not accepted");
            }
            entries.add(new ArchiveEntry(zip.name(at + HEADER_SIZE, nameLength), zip.u16(at + 8), zip.u16(at + 10),
                    zip.u32(at + 16), compressed, size, local, -1));
            at = next;
        }
        if (at != end) {
            throw new ArchiveFormatException("the central directory holds more than the " + count
                    + " entries its end record counts");
        }
        return entries;
    }
}
