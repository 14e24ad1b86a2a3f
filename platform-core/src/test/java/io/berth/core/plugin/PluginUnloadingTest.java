package io.berth.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.berth.sdk.Content;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolPlugin;
import io.berth.sdk.ToolResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replaced plugin version leaves nothing behind: loaded, called once through {@link PluginCalls} and retired the way
 * {@link PluginRuntime} retires it (its loader closed once no call runs in it), 500 versions in a row leave their class
 * loaders collectable and Metaspace where it was. A leak here grows with every deploy on every node until the JVM
 * runs out of Metaspace.
 */
class PluginUnloadingTest {

    private static final int CYCLES = 500;
    private static final int WARM_UP = 20;
    private static final int MIN_COLLECTED = 495;
    private static final long MAX_METASPACE_GROWTH = 8L * 1024 * 1024;
    private static final long GC_DEADLINE_MS = 20_000;

    /** A small but ordinary plugin: a lambda handler, a record, string concatenation, a static field, an enum. */
    private static final String SOURCE = """
            package leak;

            import io.berth.sdk.Tool;
            import io.berth.sdk.ToolPlugin;
            import io.berth.sdk.ToolResult;
            import java.util.List;

            public final class Plugin implements ToolPlugin {
                enum Mood { CALM, CHEERFUL }
                record Greeting(String who, Mood mood) {
                    String text() { return "hello " + who + " (" + mood.name().toLowerCase() + ")"; }
                }
                private static final List<String> SEEN = new java.util.ArrayList<>();

                @Override
                public List<Tool> tools() {
                    return List.of(Tool.builder("hello").description("Says hello")
                            .handler((call, context) -> {
                                SEEN.add(context.tenantId());
                                return ToolResult.text(new Greeting(context.tenantId(), Mood.CHEERFUL).text());
                            })
                            .build());
                }
            }
            """;

    @TempDir
    Path dir;

    private PluginCalls calls;

    @BeforeEach
    void calls() {
        PluginConfig config = new PluginConfig();
        config.callTimeoutMs = 10_000;
        config.maxConcurrentCallsPerTenant = 4;
        calls = new PluginCalls();
        calls.config = config;
    }

    @AfterEach
    void stop() {
        calls.stop();
    }

    @Test
    void retiredVersionsAreCollectedAndMetaspaceStaysFlat() throws Exception {
        byte[] jar = jar(compile(SOURCE), "leak.Plugin");
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long baseline = 0;
        for (int i = 1; i <= CYCLES; i++) {
            loaders.add(cycle(jar, i));
            if (i == WARM_UP) {
                collect(loaders, WARM_UP);
                baseline = metaspaceUsed();
            }
        }
        int collected = collect(loaders, CYCLES);
        long after = metaspaceUsed();
        System.out.printf("PluginUnloadingTest: %d of %d loaders collected; Metaspace used %.1f MiB after %d cycles, "
                        + "%.1f MiB after %d (%+.2f MiB)%n", collected, CYCLES, mib(baseline), WARM_UP, mib(after),
                CYCLES, mib(after - baseline));
        assertTrue(collected >= MIN_COLLECTED, collected + " of " + CYCLES + " retired plugin loaders were collected");
        assertTrue(after - baseline < MAX_METASPACE_GROWTH, "Metaspace grew by " + mib(after - baseline)
                + " MiB over " + (CYCLES - WARM_UP) + " deploys");
    }

    /** One deploy and retirement; only a weak reference to the version's loader survives it. */
    private WeakReference<ClassLoader> cycle(byte[] jar, int version) throws Exception {
        // Each version has a JAR of its own in the cache (content-addressed in PluginRuntime).
        Path file = dir.resolve("v" + version + ".jar");
        Files.write(file, jar);
        LoadedPlugin loaded = LoadedPlugin.load("acme", "leaky", version, "sha-" + version, file);
        ToolPlugin plugin = loaded.plugins().get(0);
        Tool tool = plugin.tools().get(0);
        ToolResult result = calls.run(new Deployed<>("acme", "leaky", tool, loaded.loader()), "tool hello",
                () -> tool.handler().call(new ToolCall("hello", Map.of()), () -> "acme")).join();
        assertEquals("hello acme (cheerful)", ((Content.Text) result.content().get(0)).text());
        retire(loaded);
        Files.delete(file);
        return new WeakReference<>(loaded.loader());
    }

    /** As PluginRuntime#retire: close once the last call in the loader has ended (its thread may still be ending). */
    private void retire(LoadedPlugin old) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (calls.running(old.loader()) != 0) {
            if (System.nanoTime() > deadline) {
                fail("a finished call still counts as running in " + old.loader().getName());
            }
            Thread.sleep(1);
        }
        old.close();
    }

    /** Runs the collector until at least {@code wanted} loaders are gone or the deadline passes; the count collected. */
    private static int collect(List<WeakReference<ClassLoader>> loaders, int wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + GC_DEADLINE_MS;
        int collected;
        do {
            System.gc();
            Thread.sleep(50);
            collected = (int) loaders.stream().filter(r -> r.get() == null).count();
        } while (collected < wanted && System.currentTimeMillis() < deadline);
        return collected;
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .map(MemoryPoolMXBean::getUsage).findFirst().orElseThrow().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    // --- a plugin JAR, compiled once ------------------------------------------------------------------------------------

    private static Map<String, byte[]> compile(String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new TreeMap<>();
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("mem:///leak/Plugin.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        String sdk = Path.of(URI.create(ToolPlugin.class.getProtectionDomain().getCodeSource().getLocation()
                .toString())).toString();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
             var files = new ForwardingJavaFileManager<>(standard) {
                 @Override
                 public JavaFileObject getJavaFileForOutput(Location location, String className,
                                                            JavaFileObject.Kind kind, FileObject sibling) {
                     ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                     out.put(className.replace('.', '/') + ".class", bytes);
                     return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
                             + kind.extension), kind) {
                         @Override
                         public OutputStream openOutputStream() {
                             return bytes;
                         }
                     };
                 }
             }) {
            if (!javac.getTask(null, files, diagnostics, List.of("-proc:none", "-classpath", sdk), null,
                    List.of(unit)).call()) {
                fail("javac failed: " + diagnostics.getDiagnostics());
            }
        }
        Map<String, byte[]> classes = new TreeMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static byte[] jar(Map<String, byte[]> classes, String provider) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + ToolPlugin.class.getName()));
            jar.write((provider + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                jar.putNextEntry(new JarEntry(c.getKey()));
                jar.write(c.getValue());
            }
        }
        return bytes.toByteArray();
    }
}
