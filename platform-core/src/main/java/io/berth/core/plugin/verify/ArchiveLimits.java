package io.berth.core.plugin.verify;

/**
 * How big an uploaded plugin may be. Every limit holds for the bytes really read or inflated, not only for the sizes
 * the archive declares.
 *
 * @param maxArchiveBytes      the uploaded JAR itself
 * @param maxEntries           entries in the archive, directories included
 * @param maxUncompressedBytes all entries together, inflated
 * @param maxCompressionRatio  inflated size over compressed size of one entry; entries that inflate to no more
 *                             than {@link #RATIO_EXEMPT_BYTES} are exempt: a tiny entry may compress well harmlessly
 * @param maxDescriptorBytes   the service file and the manifest, each
 */
public record ArchiveLimits(long maxArchiveBytes, int maxEntries, long maxUncompressedBytes, int maxCompressionRatio,
                            int maxDescriptorBytes) {

    /** Entries up to this inflated size are never refused for their compression ratio. */
    public static final int RATIO_EXEMPT_BYTES = 64 * 1024;

    private static final long MIB = 1024 * 1024;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public ArchiveLimits {
        // Everything is read into memory, entry by entry into arrays: hence the 2 GiB ceilings.
        if (maxArchiveBytes < 1 || maxArchiveBytes > MAX_ARRAY || maxEntries < 1 || maxUncompressedBytes < 1
                || maxUncompressedBytes > MAX_ARRAY || maxCompressionRatio < 1 || maxDescriptorBytes < 1) {
            throw new IllegalArgumentException("Archive limits must be positive and sizes below 2 GiB");
        }
    }

    /** 20 MiB upload, 5,000 entries, 100 MiB inflated, ratio 100, 64 KiB per descriptor. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(20 * MIB, 5_000, 100 * MIB, 100, 64 * 1024);
    }
}
