package io.berth.core.plugin;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.sdk.Tool;
import io.berth.sdk.safety.HtmlText;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's loader shares the SDK and Jakarta Validation with the host and sees nothing else of it. */
class PluginClassLoaderTest {

    @TempDir
    Path jar;

    @Test
    void theSdkAndJakartaValidationComeFromTheHost() throws Exception {
        try (PluginClassLoader loader = new PluginClassLoader("t/p", Files.createDirectories(jar).toUri().toURL())) {
            assertSame(Tool.class, loader.loadClass("io.berth.sdk.Tool"));
            assertSame(HtmlText.class, loader.loadClass("io.berth.sdk.safety.HtmlText"));
            assertSame(jakarta.validation.constraints.NotBlank.class,
                    loader.loadClass("jakarta.validation.constraints.NotBlank"));
            assertSame(jakarta.validation.Valid.class, loader.loadClass("jakarta.validation.Valid"));
        }
    }

    @Test
    void nothingElseOfTheHostIsVisible() throws Exception {
        try (PluginClassLoader loader = new PluginClassLoader("t/p", Files.createDirectories(jar).toUri().toURL())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(PluginCalls.class.getName()));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("jakarta.json.Json"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("jakarta.inject.Inject"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.hazelcast.core.Hazelcast"));
        }
    }
}
