package io.berth.core.plugin;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.berth.core.tenant.TenantId;

/**
 * Loads each tenant's plugins from {@code <plugins dir>/<tenant>/*.jar} into the catalog. A JAR that fails to load, or
 * a tool whose name another plugin of the tenant already took, is skipped with a warning; the rest still load.
 */
@ApplicationScoped
public class PluginDirectoryLoader {

    private static final Logger LOG = Logger.getLogger(PluginDirectoryLoader.class.getName());

    @Inject
    PluginConfig config;

    @Inject
    PluginCatalog catalog;

    public void loadAll() {
        Path root = config.dir();
        if (!Files.isDirectory(root)) {
            LOG.info(() -> "No plugin directory at " + root);
            return;
        }
        try (Stream<Path> tenants = Files.list(root)) {
            tenants.filter(Files::isDirectory)
                    .filter(d -> TenantId.isValid(d.getFileName().toString()))
                    .sorted()
                    .forEach(this::loadTenant);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list " + root, e);
        }
    }

    private void loadTenant(Path dir) {
        String tenant = dir.getFileName().toString();
        List<PluginTool> tools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                for (PluginTool t : load(tenant, jar)) {
                    if (names.add(t.name())) {
                        tools.add(t);
                    } else {
                        LOG.warning(() -> "Tenant " + tenant + ": tool '" + t.name() + "' of " + t.pluginName()
                                + " is skipped, another plugin declares it already");
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list plugins of tenant " + tenant, e);
        }
        catalog.replace(tenant, tools);
        LOG.info(() -> "Tenant " + tenant + ": " + tools.size() + " tool(s) loaded from " + dir);
    }

    private List<PluginTool> load(String tenant, Path jar) {
        String plugin = jar.getFileName().toString();
        try {
            PluginClassLoader loader = new PluginClassLoader(tenant + "/" + plugin, jar.toUri().toURL());
            List<PluginTool> tools = new ArrayList<>();
            for (ToolPlugin p : ServiceLoader.load(ToolPlugin.class, loader)) {
                for (Tool tool : ToolInvoker.withLoader(loader, p::tools)) {
                    tools.add(new PluginTool(tenant, plugin, tool, loader));
                }
            }
            return tools;
        } catch (MalformedURLException | RuntimeException | java.util.ServiceConfigurationError e) {
            LOG.log(Level.WARNING, "Tenant " + tenant + ": plugin " + plugin + " could not be loaded", e);
            return List.of();
        }
    }
}
