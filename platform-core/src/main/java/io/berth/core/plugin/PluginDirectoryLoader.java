package io.berth.core.plugin;

import io.berth.core.tenant.TenantId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reads the plugins an operator placed in {@code <plugins dir>/<tenant>/*.jar}: trusted code, loaded at start-up in
 * the class-loader tier and never verified (uploads are). A JAR that fails to load is skipped with a warning.
 */
@ApplicationScoped
public class PluginDirectoryLoader {

    private static final Logger LOG = Logger.getLogger(PluginDirectoryLoader.class.getName());

    @Inject
    PluginConfig config;

    /** The plugins of each tenant directory, in file name order. */
    Map<String, List<LoadedPlugin>> loadAll() {
        Map<String, List<LoadedPlugin>> all = new LinkedHashMap<>();
        Path root = config.dir();
        if (!Files.isDirectory(root)) {
            LOG.info(() -> "No plugin directory at " + root);
            return all;
        }
        try (Stream<Path> tenants = Files.list(root)) {
            tenants.filter(Files::isDirectory)
                    .filter(d -> TenantId.isValid(d.getFileName().toString()))
                    .sorted()
                    .forEach(d -> all.put(d.getFileName().toString(), loadTenant(d)));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list " + root, e);
        }
        return all;
    }

    private static List<LoadedPlugin> loadTenant(Path dir) {
        String tenant = dir.getFileName().toString();
        List<LoadedPlugin> plugins = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    plugins.add(LoadedPlugin.load(tenant, jar.getFileName().toString(), 0, null, jar));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Tenant " + tenant + ": plugin " + jar.getFileName()
                            + " could not be loaded", e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list plugins of tenant " + tenant, e);
        }
        LOG.info(() -> "Tenant " + tenant + ": " + plugins.size() + " plugin JAR(s) loaded from " + dir);
        return plugins;
    }
}
