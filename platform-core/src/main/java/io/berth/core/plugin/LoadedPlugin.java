package io.berth.core.plugin;

import io.berth.sdk.ToolPlugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A plugin JAR loaded on this node: its own class loader and the {@link ToolPlugin}s its service file names.
 * {@code version} is 0 for a JAR read from the plugins directory.
 */
record LoadedPlugin(String name, int version, String sha256, List<ToolPlugin> plugins, PluginClassLoader loader) {

    static LoadedPlugin load(String tenant, String name, int version, String sha256, Path jar) throws IOException {
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(tenant + "/" + name + (version > 0 ? "@" + version : ""), jar.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IOException("not a loadable path: " + jar, e);
        }
        try {
            List<ToolPlugin> plugins = PluginCalls.withLoader(loader, () -> {
                List<ToolPlugin> found = new ArrayList<>();
                ServiceLoader.load(ToolPlugin.class, loader).forEach(found::add);
                return found;
            });
            return new LoadedPlugin(name, version, sha256, List.copyOf(plugins), loader);
        } catch (RuntimeException | java.util.ServiceConfigurationError e) {
            loader.close();
            throw new IOException("the plugin could not be instantiated: " + e.getMessage(), e);
        }
    }

    /** Same plugin version (a reload may keep it). */
    boolean sameAs(PluginVersion v) {
        return version == v.version() && sha256 != null && sha256.equals(v.sha256());
    }

    void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing held open that matters: the JAR file stays in the content-addressed cache
        }
    }
}
