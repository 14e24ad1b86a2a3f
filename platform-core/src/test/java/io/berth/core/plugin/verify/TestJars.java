package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Plugin JARs as the JDK's JarOutputStream writes them (deflated, with data descriptors), and verifying them. */
final class TestJars {

    static final String SERVICE_FILE = "META-INF/services/io.berth.sdk.ToolPlugin";

    private TestJars() {
    }

    /** A plugin JAR from class files (by internal name) whose service file names {@code provider}. */
    static byte[] plugin(Map<String, byte[]> classes, String provider) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(SERVICE_FILE, (provider + "\n").getBytes(StandardCharsets.UTF_8));
        classes.forEach((name, bytes) -> entries.put(name + ".class", bytes));
        return jar(entries);
    }

    /** Compiles {@code sources} (by binary name) and packs them with the first one as provider. */
    static byte[] compiledPlugin(Map<String, String> sources) {
        return plugin(InMemoryJavac.compile(sources), sources.keySet().iterator().next());
    }

    /** A JAR with a manifest and the given entries, in order. */
    static byte[] jar(Map<String, byte[]> entries) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Verification.Rejected rejected(byte[] jar) {
        return rejected(new PluginVerifier(), jar);
    }

    static Verification.Rejected rejected(PluginVerifier verifier, byte[] jar) {
        return assertInstanceOf(Verification.Rejected.class, verifier.verify(jar));
    }
}
