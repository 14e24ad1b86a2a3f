package io.berth.core.plugin.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an uploaded JAR held in memory and finds everything wrong with it as an archive. Layout problems (a damaged
 * or ambiguous ZIP) end the inspection at once, since no offset in it can be trusted; problems with single entries
 * are all collected, so the author sees them together.
 *
 * <p>Declared sizes are held to the limits before anything is inflated, which refuses an honest zip bomb without
 * inflating a byte; {@link EntryInflater} then holds the real output to the declared size, which stops a lying one.
 */
final class ArchiveInspector {

    private final ArchiveLimits limits;

    ArchiveInspector(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * What the archive holds, as far as it could be read.
     *
     * @param classFiles class files by entry path
     * @param resources  every other non-directory entry by path
     */
    record Inspection(List<String> entries, Map<String, byte[]> classFiles, Map<String, byte[]> resources,
                      List<String> providers, List<Problem> problems) {
    }

    Inspection inspect(byte[] jar) {
        List<Problem> problems = new ArrayList<>();
        if (jar.length > limits.maxArchiveBytes()) {
            problems.add(Problem.archive("the archive has " + jar.length + " bytes, more than the limit of "
                    + limits.maxArchiveBytes()));
            return new Inspection(List.of(), Map.of(), Map.of(), List.of(), problems);
        }
        ZipBytes zip = new ZipBytes(jar);
        List<ArchiveEntry> entries;
        try {
            entries = LocalHeaders.locate(zip, CentralDirectory.read(zip, limits.maxEntries()));
        } catch (ArchiveFormatException e) {
            problems.add(Problem.archive(e.getMessage()));
            return new Inspection(List.of(), Map.of(), Map.of(), List.of(), problems);
        }
        List<String> names = entries.stream().map(ArchiveEntry::name).toList();
        problems.addAll(EntryNames.duplicates(names));
        checkTotal(entries, problems);
        if (!problems.isEmpty()) {
            return new Inspection(names, Map.of(), Map.of(), List.of(), problems);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ArchiveEntry entry : entries) {
            read(zip, entry, problems).ifPresent(bytes ->
                    (isClassFile(entry.name()) ? classes : resources).put(entry.name(), bytes));
        }
        List<String> providers = Descriptors.check(names, resources, classes.keySet(), problems);
        return new Inspection(names, classes, resources, providers, problems);
    }

    /** Class files are loaded as classes; those under META-INF/ and module descriptors never are. */
    static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }

    private void checkTotal(List<ArchiveEntry> entries, List<Problem> problems) {
        long total = entries.stream().mapToLong(ArchiveEntry::size).sum();
        if (total > limits.maxUncompressedBytes()) {
            problems.add(Problem.archive("the entries inflate to " + total + " bytes, more than the limit of "
                    + limits.maxUncompressedBytes()));
        }
    }

    private Optional<byte[]> read(ZipBytes zip, ArchiveEntry entry, List<Problem> problems) {
        Optional<String> problem = EntryNames.problem(entry.name()).or(() -> refusal(entry));
        if (problem.isPresent()) {
            problems.add(new Problem(entry.name(), problem.get()));
            return Optional.empty();
        }
        if (entry.isDirectory()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntryInflater.read(zip, entry));
        } catch (ArchiveFormatException e) {
            problems.add(new Problem(entry.name(), e.getMessage()));
            return Optional.empty();
        }
    }

    /** Why this entry is refused before it is read, judged on what it declares. */
    private Optional<String> refusal(ArchiveEntry entry) {
        if (entry.encrypted()) {
            return Optional.of("encrypted entries are not accepted");
        }
        if (entry.method() != ArchiveEntry.STORED && entry.method() != ArchiveEntry.DEFLATED) {
            return Optional.of("compression method " + entry.method() + " is not supported (only stored, deflated)");
        }
        if (entry.isDirectory() && (entry.size() != 0 || entry.compressedSize() > 2)) {
            return Optional.of("a directory entry with content");
        }
        if (Descriptors.isDescriptor(entry.name()) && entry.size() > limits.maxDescriptorBytes()) {
            return Optional.of("has " + entry.size() + " bytes, more than the limit of "
                    + limits.maxDescriptorBytes() + " for a descriptor");
        }
        if (entry.size() > ArchiveLimits.RATIO_EXEMPT_BYTES
                && entry.size() > (long) limits.maxCompressionRatio() * entry.compressedSize()) {
            return Optional.of("compression ratio above " + limits.maxCompressionRatio()
                    + " (zip bomb?): declares " + entry.size() + " bytes from " + entry.compressedSize());
        }
        return Optional.empty();
    }
}
