package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/** Every key WorkerConfig reads has a default (or, if optional, a commented example) in microprofile-config. */
class WorkerConfigKeysAreDocumentedTest {

    @Test
    void everyKeyHasADefaultOrACommentedExample() throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Properties defaults = new Properties();
        defaults.load(new java.io.StringReader(text));
        int keys = 0;
        for (Field f : WorkerConfig.class.getDeclaredFields()) {
            ConfigProperty p = f.getAnnotation(ConfigProperty.class);
            if (p == null) {
                continue;
            }
            keys++;
            assertTrue(p.name().startsWith("berth.plugins.worker."), p.name());
            if (f.getType() == Optional.class) {
                assertTrue(text.contains("#" + p.name() + "="), p.name() + " has no commented example");
            } else {
                assertTrue(defaults.containsKey(p.name()), p.name() + " has no default");
            }
        }
        assertEquals(26, keys);
    }

    @Test
    void theDefaultsMatchWorkerSettingsDefaults() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(in);
        }
        WorkerSettings d = WorkerSettings.defaults();
        assertEquals(d.heapMb(), Integer.parseInt(p.getProperty("berth.plugins.worker.heap-mb")));
        assertEquals(d.threads(), Integer.parseInt(p.getProperty("berth.plugins.worker.threads")));
        assertEquals(d.cpuSeconds(), Long.parseLong(p.getProperty("berth.plugins.worker.cpu-seconds")));
        assertEquals(d.maxProcesses(), Integer.parseInt(p.getProperty("berth.plugins.worker.max-processes")));
        assertEquals(d.maxFileBytes(), Long.parseLong(p.getProperty("berth.plugins.worker.max-file-bytes")));
        assertEquals(d.tmpBytes(), Long.parseLong(p.getProperty("berth.plugins.worker.tmp-bytes")));
        assertEquals(d.cancelGrace().toMillis(), Long.parseLong(p.getProperty("berth.plugins.worker.cancel-grace-ms")));
        assertEquals(d.startTimeout().toMillis(),
                Long.parseLong(p.getProperty("berth.plugins.worker.start-timeout-ms")));
        assertEquals(d.uidBase(), Integer.parseInt(p.getProperty("berth.plugins.worker.uid-base")));
        assertEquals("bwrap", p.getProperty("berth.plugins.worker.sandbox"));
    }
}
