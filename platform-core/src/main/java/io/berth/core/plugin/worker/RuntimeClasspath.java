package io.berth.core.plugin.worker;

import io.berth.sdk.ToolPlugin;
import io.berth.worker.WorkerMain;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Where the worker's own classes come from: the JARs (or class directories) this JVM loaded them from. */
final class RuntimeClasspath {

    private RuntimeClasspath() {
    }

    static List<Path> ofThisJvm() {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(locate(WorkerMain.class));
        entries.add(locate(ToolPlugin.class));
        return List.copyOf(entries);
    }

    private static Path locate(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Cannot tell which file holds " + c.getName() + " (" + url
                    + "); set berth.plugins.worker.runtime-classpath");
        }
        try {
            Path p = Path.of(url.toURI());
            if (!Files.exists(p)) {
                throw new IllegalStateException(p + " (holding " + c.getName() + ") does not exist");
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot read the location of " + c.getName(), e);
        }
    }
}
