package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.sdk.ToolPlugin;
import io.berth.worker.WorkerMain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The worker runs on a class path of exactly two JARs, platform-core's and tool-sdk's, as a deployed Berth has them
 * (packed here from the build's class directories): no Jakarta EE, MicroProfile or Hazelcast JAR behind them. The JARs
 * are staged like plugins, so this also covers a runtime that is not a directory.
 */
class WorkerRunsFromThePlatformJarsTest {

    @TempDir
    Path dir;

    @Test
    void aWorkerOnPlatformCoreAndToolSdkJarsServesCalls() throws Exception {
        Workers.assumeSandbox();
        Path core = jar(location(WorkerMain.class), dir.resolve("platform-core.jar"));
        Path sdk = jar(location(ToolPlugin.class), dir.resolve("tool-sdk.jar"));
        WorkerSettings settings = Workers.sandboxed().toBuilder().runtimeClasspath(List.of(core, sdk)).build();
        try (WorkerPool pool = new WorkerPool(settings)) {
            List<WorkerPlugin> plugins = pool.deploy("acme", List.of(Workers.jar()));
            assertEquals("from jars", Workers.text(Workers.call(plugins, "echo", Map.of("text", "from jars"))));
            assertEquals("hello Ada, decline, roots [Root[uri=file:///work, name=work]], can true, task false, "
                            + "sampling: This client does not support sampling",
                    Workers.text(Workers.call(plugins, "interact", Map.of(), new RecordingContext("acme"))));
        }
    }

    private static Path location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A JAR of a class directory (or the JAR itself when the build already made one). */
    private static Path jar(Path classes, Path target) throws IOException {
        if (Files.isRegularFile(classes)) {
            return Files.copy(classes, target);
        }
        try (OutputStream out = Files.newOutputStream(target); JarOutputStream j = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
        return target;
    }
}
