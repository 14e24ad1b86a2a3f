package io.berth.core.plugin.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The ToolPlugin service file is required and must name classes the JAR holds; the manifest may not widen it. */
class ServiceDescriptorTest {

    private static final String PLUGIN = """
            package p;

            public class Plugin implements io.berth.sdk.ToolPlugin {
                public java.util.List<io.berth.sdk.Tool> tools() {
                    return java.util.List.of();
                }
            }
            """;

    private static Map<String, byte[]> classes() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        InMemoryJavac.compile(Map.of("p.Plugin", PLUGIN)).forEach((name, bytes) -> entries.put(name + ".class", bytes));
        return entries;
    }

    private static void assertProblem(Map<String, byte[]> entries, String expected) {
        List<String> problems = TestJars.rejected(TestJars.jar(entries)).problems().stream()
                .map(Problem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in " + problems);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aJarWithoutServiceFileIsRefused() {
        assertProblem(classes(), "no META-INF/services/io.berth.sdk.ToolPlugin");
    }

    @Test
    void aServiceFileNamingAMissingClassIsRefused() {
        Map<String, byte[]> entries = classes();
        entries.put(TestJars.SERVICE_FILE, text("# the plugin\np.Plugin\np.Missing\n"));

        assertProblem(entries, "names p.Missing, which is not a class in the JAR");
    }

    @Test
    void aServiceFileWithSomethingElseThanClassNamesIsRefused() {
        Map<String, byte[]> entries = classes();
        entries.put(TestJars.SERVICE_FILE, text("p.Plugin\n../../etc/passwd\n"));

        assertProblem(entries, "line 2 is not a class name");
    }

    @Test
    void anEmptyServiceFileIsRefused() {
        Map<String, byte[]> entries = classes();
        entries.put(TestJars.SERVICE_FILE, text("# nothing here\n"));

        assertProblem(entries, "names no ToolPlugin implementation");
    }

    @Test
    void anOversizedServiceFileIsRefusedUnread() {
        Map<String, byte[]> entries = classes();
        entries.put(TestJars.SERVICE_FILE, text("p.Plugin\n" + "#".repeat(100_000)));

        assertProblem(entries, "more than the limit of 65536 for a descriptor");
    }

    @Test
    void aManifestClassPathIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", text("Manifest-Version: 1.0\r\nClass-Path: ../other-tenant/x.jar\r\n\r\n"));
        entries.put(TestJars.SERVICE_FILE, text("p.Plugin\n"));
        entries.putAll(classes());
        byte[] jar = new RawZipFrom(entries).build();

        List<String> problems = TestJars.rejected(jar).problems().stream().map(Problem::toString).toList();
        assertTrue(problems.contains("META-INF/MANIFEST.MF: Class-Path is not allowed: a plugin is one "
                + "self-contained JAR"), problems::toString);
    }

    @Test
    void aMultiReleaseManifestIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", text("Manifest-Version: 1.0\r\nMulti-Release: true\r\n\r\n"));
        entries.put(TestJars.SERVICE_FILE, text("p.Plugin\n"));
        entries.putAll(classes());

        List<String> problems = TestJars.rejected(new RawZipFrom(entries).build()).problems().stream()
                .map(Problem::toString).toList();
        assertTrue(problems.contains("META-INF/MANIFEST.MF: Multi-Release JARs are not supported"),
                problems::toString);
    }

    /** A RawZip with the given entries; JarOutputStream would write a manifest of its own. */
    private record RawZipFrom(Map<String, byte[]> entries) {
        byte[] build() {
            RawZip zip = new RawZip();
            entries.forEach(zip::add);
            return zip.build();
        }
    }
}
