package io.berth.core.plugin.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holds each entry's local header to its central directory record and requires the entries to tile the archive:
 * the first starts at offset 0, each starts where the previous one's data (and data descriptor) ends, and the last
 * ends where the central directory starts. A streaming reader that follows local headers and a reader that follows
 * the central directory, as {@code JarFile} does, therefore see the same entries with the same bytes; no entry is
 * hidden between others, prepended or shared with another (the overlapping-entry zip bomb).
 */
final class LocalHeaders {

    private static final long HEADER_SIGNATURE = 0x04034b50L;
    private static final long DESCRIPTOR_SIGNATURE = 0x08074b50L;
    private static final int HEADER_SIZE = 30;
    private static final int FLAGS_THAT_MUST_AGREE = ArchiveEntry.FLAG_ENCRYPTED | ArchiveEntry.FLAG_DATA_DESCRIPTOR;

    private LocalHeaders() {
    }

    /** The directory's entries, in archive order, each with the offset of its data. */
    static List<ArchiveEntry> locate(ZipBytes zip, CentralDirectory directory) throws ArchiveFormatException {
        List<ArchiveEntry> byOffset = new ArrayList<>(directory.entries());
        byOffset.sort(Comparator.comparingLong(ArchiveEntry::localOffset));
        List<ArchiveEntry> located = new ArrayList<>(byOffset.size());
        long expected = 0;
        for (ArchiveEntry entry : byOffset) {
            if (entry.localOffset() != expected) {
                throw new ArchiveFormatException(entry.localOffset() < expected
                        ? "entry " + entry.name() + " overlaps the entry before it"
                        : "the archive holds " + (entry.localOffset() - expected) + " unaccounted bytes before entry "
                                + entry.name());
            }
            ArchiveEntry checked = check(zip, entry);
            located.add(checked);
            expected = end(zip, checked);
        }
        if (expected != directory.offset()) {
            throw new ArchiveFormatException("the archive holds unaccounted bytes before its central directory");
        }
        return located;
    }

    private static ArchiveEntry check(ZipBytes zip, ArchiveEntry entry) throws ArchiveFormatException {
        long at = entry.localOffset();
        if (zip.u32(at) != HEADER_SIGNATURE) {
            throw new ArchiveFormatException("entry " + entry.name() + " has no local header where the directory says");
        }
        int nameLength = zip.u16(at + 26);
        boolean sameHeader = (zip.u16(at + 6) & FLAGS_THAT_MUST_AGREE) == (entry.flags() & FLAGS_THAT_MUST_AGREE)
                && zip.u16(at + 8) == entry.method()
                && zip.name(at + HEADER_SIZE, nameLength).equals(entry.name())
                && sizesAgree(zip, at, entry);
        if (!sameHeader) {
            throw new ArchiveFormatException("entry " + entry.name()
                    + ": the local header disagrees with the central directory");
        }
        return entry.located(at + HEADER_SIZE + nameLength + zip.u16(at + 28));
    }

    /** With a data descriptor the local header may leave CRC and sizes zero; otherwise they must match. */
    private static boolean sizesAgree(ZipBytes zip, long at, ArchiveEntry entry) throws ArchiveFormatException {
        long crc = zip.u32(at + 14);
        long compressed = zip.u32(at + 18);
        long size = zip.u32(at + 22);
        boolean same = crc == entry.crc() && compressed == entry.compressedSize() && size == entry.size();
        return same || entry.hasDataDescriptor() && crc == 0 && compressed == 0 && size == 0;
    }

    /** Where the entry ends: after its data and, if it has one, its data descriptor (with or without signature). */
    private static long end(ZipBytes zip, ArchiveEntry entry) throws ArchiveFormatException {
        long end = entry.dataOffset() + entry.compressedSize();
        if (!entry.hasDataDescriptor()) {
            return end;
        }
        if (end + 16 <= zip.length() && zip.u32(end) == DESCRIPTOR_SIGNATURE && descriptorAgrees(zip, end + 4, entry)) {
            return end + 16;
        }
        if (descriptorAgrees(zip, end, entry)) {
            return end + 12;
        }
        throw new ArchiveFormatException("entry " + entry.name()
                + ": the data descriptor disagrees with the central directory");
    }

    private static boolean descriptorAgrees(ZipBytes zip, long at, ArchiveEntry entry) throws ArchiveFormatException {
        return zip.u32(at) == entry.crc() && zip.u32(at + 4) == entry.compressedSize()
                && zip.u32(at + 8) == entry.size();
    }
}
