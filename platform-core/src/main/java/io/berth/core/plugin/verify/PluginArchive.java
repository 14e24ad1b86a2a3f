package io.berth.core.plugin.verify;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin JAR that passed every check, as read: these are the bytes that were verified, so a runtime that defines
 * classes from them (or writes them back out) runs exactly what was checked. Contents are read-only buffers; take a
 * {@link ByteBuffer#duplicate()} to read one from several threads.
 *
 * @param sha256    hex SHA-256 of the uploaded bytes
 * @param entries   every entry path, in archive order
 * @param providers the {@code io.berth.sdk.ToolPlugin} implementations the service file names (binary names)
 * @param classes   class files by binary name ({@code com.acme.Tool$1})
 * @param resources every other non-directory entry by path, descriptors included
 */
public record PluginArchive(String sha256, List<String> entries, List<String> providers,
                            Map<String, ByteBuffer> classes, Map<String, ByteBuffer> resources) {

    public PluginArchive {
        Objects.requireNonNull(sha256, "sha256");
        entries = List.copyOf(entries);
        providers = List.copyOf(providers);
        classes = readOnly(classes);
        resources = readOnly(resources);
    }

    private static Map<String, ByteBuffer> readOnly(Map<String, ByteBuffer> contents) {
        Map<String, ByteBuffer> copy = new HashMap<>();
        contents.forEach((name, bytes) -> copy.put(name, bytes.asReadOnlyBuffer()));
        return Map.copyOf(copy);
    }
}
