package io.berth.core.plugin;

import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
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
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import io.berth.core.tenant.TenantId;

/**
 * Loads each tenant's plugins from {@code <plugins dir>/<tenant>/*.jar} into the catalog. A JAR that fails to load, or
 * a tool, prompt or resource whose name or URI another plugin of the tenant already took, is skipped with a warning;
 * the rest still load.
 */
@ApplicationScoped
public class PluginDirectoryLoader {

    private static final Logger LOG = Logger.getLogger(PluginDirectoryLoader.class.getName());

    @Inject
    PluginConfig config;

    @Inject
    PluginCatalog catalog;

    /** The plugins loaded per tenant, kept so that their declarations can be read again. */
    private final Map<String, List<LoadedPlugin>> loaded = new ConcurrentHashMap<>();

    private record LoadedPlugin(String name, ToolPlugin plugin, PluginClassLoader loader) {
    }

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
        List<LoadedPlugin> plugins = new ArrayList<>();
        try (Stream<Path> jars = Files.list(dir)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                plugins.addAll(load(tenant, jar));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list plugins of tenant " + tenant, e);
        }
        loaded.put(tenant, List.copyOf(plugins));
        Offerings all = declare(tenant);
        LOG.info(() -> "Tenant " + tenant + ": " + all.tools.size() + " tool(s), " + all.resources.size()
                + " resource(s), " + all.templates.size() + " template(s), " + all.prompts.size()
                + " prompt(s) loaded from " + dir);
    }

    /** Reads the declarations of a tenant's loaded plugins again (a plugin said its lists changed). */
    public void redeclare(String tenant) {
        if (loaded.containsKey(tenant)) {
            declare(tenant);
        }
    }

    private Offerings declare(String tenant) {
        Offerings all = new Offerings(tenant);
        for (LoadedPlugin p : loaded.getOrDefault(tenant, List.of())) {
            try {
                PluginCalls.withLoader(p.loader(), () -> {
                    Deployer d = new Deployer(tenant, p.name(), p.loader());
                    p.plugin().tools().forEach(t -> {
                        List<String> problems = ToolDeclarations.problems(t);
                        if (problems.isEmpty()) {
                            all.add(all.tools, t.name(), d.of(t));
                        } else {
                            LOG.warning(() -> "Tenant " + tenant + ": tool '" + t.name() + "' of " + p.name()
                                    + " is skipped: " + String.join("; ", problems));
                        }
                    });
                    p.plugin().resources().forEach(r -> all.add(all.resources, r.uri(), d.of(r)));
                    p.plugin().resourceTemplates().forEach(t -> {
                        new UriTemplate(t.uriTemplate()); // refuses unsupported templates here, not at read time
                        all.add(all.templates, t.uriTemplate(), d.of(t));
                    });
                    p.plugin().prompts().forEach(pr -> all.add(all.prompts, pr.name(), d.of(pr)));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Tenant " + tenant + ": plugin " + p.name() + " could not declare its offerings",
                        e);
            }
        }
        catalog.replace(tenant, new TenantCatalog(all.tools, all.resources, all.templates, all.prompts));
        return all;
    }

    private List<LoadedPlugin> load(String tenant, Path jar) {
        String plugin = jar.getFileName().toString();
        List<LoadedPlugin> found = new ArrayList<>();
        try {
            PluginClassLoader loader = new PluginClassLoader(tenant + "/" + plugin, jar.toUri().toURL());
            for (ToolPlugin p : ServiceLoader.load(ToolPlugin.class, loader)) {
                found.add(new LoadedPlugin(plugin, p, loader));
            }
        } catch (MalformedURLException | RuntimeException | java.util.ServiceConfigurationError e) {
            LOG.log(Level.WARNING, "Tenant " + tenant + ": plugin " + plugin + " could not be loaded", e);
        }
        return found;
    }

    private record Deployer(String tenant, String plugin, ClassLoader loader) {
        <T> Deployed<T> of(T item) {
            return new Deployed<>(tenant, plugin, item, loader);
        }
    }

    /** Everything a tenant's plugins offer, with the rule that a name or URI belongs to the first plugin taking it. */
    private static final class Offerings {
        final String tenant;
        final List<Deployed<Tool>> tools = new ArrayList<>();
        final List<Deployed<Resource>> resources = new ArrayList<>();
        final List<Deployed<ResourceTemplate>> templates = new ArrayList<>();
        final List<Deployed<Prompt>> prompts = new ArrayList<>();
        private final Set<String> taken = new HashSet<>();

        Offerings(String tenant) {
            this.tenant = tenant;
        }

        <T> void add(List<Deployed<T>> list, String key, Deployed<T> item) {
            String kind = item.item().getClass().getSimpleName();
            if (taken.add(kind + ':' + key)) {
                list.add(item);
            } else {
                LOG.warning(() -> "Tenant " + tenant + ": " + kind + " '" + key + "' of " + item.pluginName()
                        + " is skipped, another plugin declares it already");
            }
        }
    }
}
