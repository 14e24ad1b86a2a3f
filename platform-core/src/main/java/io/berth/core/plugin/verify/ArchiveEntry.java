package io.berth.core.plugin.verify;

/**
 * One entry as the central directory describes it. {@code dataOffset} is -1 until the entry's local header has been
 * checked against this record.
 */
record ArchiveEntry(String name, int flags, int method, long crc, long compressedSize, long size, long localOffset,
                    long dataOffset) {

    static final int STORED = 0;
    static final int DEFLATED = 8;
    static final int FLAG_ENCRYPTED = 0x0001;
    static final int FLAG_DATA_DESCRIPTOR = 0x0008;

    boolean isDirectory() {
        return name.endsWith("/");
    }

    boolean encrypted() {
        return (flags & FLAG_ENCRYPTED) != 0;
    }

    boolean hasDataDescriptor() {
        return (flags & FLAG_DATA_DESCRIPTOR) != 0;
    }

    ArchiveEntry located(long offset) {
        return new ArchiveEntry(name, flags, method, crc, compressedSize, size, localOffset, offset);
    }
}
