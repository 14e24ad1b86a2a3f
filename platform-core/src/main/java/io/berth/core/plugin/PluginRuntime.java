package io.berth.core.plugin;

import io.berth.core.plugin.worker.WorkerPlugin;
import io.berth.core.security.Secrets;
import io.berth.sdk.Prompt;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugins loaded on this node and the catalog built from them. Two sources per tenant: JARs in the plugins
 * directory (placed by the operator, loaded at start), and uploaded versions, whose active version is read from the
 * database and whose JAR is kept in a content-addressed cache on this node. {@link #refresh} brings a tenant up to date
 * after a deploy on any node: new versions load, replaced ones are retired — they finish their running calls (drain)
 * and their class loaders are closed, so that nothing of an old version stays reachable.
 */
@ApplicationScoped
public class PluginRuntime {

    private static final Logger LOG = Logger.getLogger(PluginRuntime.class.getName());
    static final Duration DECLARE_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    PluginConfig config;

    @Inject
    PluginCatalog catalog;

    @Inject
    PluginStore store;

    @Inject
    PluginCalls calls;

    @Inject
    PluginDirectoryLoader directory;

    @Inject
    io.berth.core.plugin.worker.WorkerTier workerTier;

    private final Map<String, List<LoadedPlugin>> fromDirectory = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> directoryTools = new ConcurrentHashMap<>();
    /** One lock per tenant: a tenant's slow plugin never holds up another tenant's deploys. */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LoadedPlugin>> deployed = new ConcurrentHashMap<>();
    /** Per tenant: the worker-tier versions its worker runs, and what they declare. */
    private final Map<String, Map<String, PluginVersion>> workerVersions = new ConcurrentHashMap<>();
    private final Map<String, List<WorkerPlugin>> workers = new ConcurrentHashMap<>();
    /** Declaring runs plugin code that may hang: it gets threads of its own, never the drain scheduler's. */
    private final java.util.concurrent.ExecutorService inspections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "berth-plugin-inspect");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService drains = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "berth-plugin-drain");
        t.setDaemon(true);
        return t;
    });

    /** Loads the directory plugins and every tenant's active versions; called once at start-up. */
    public void start() {
        fromDirectory.putAll(directory.loadAll());
        fromDirectory.forEach((tenant, plugins) -> {
            Set<String> names = new HashSet<>();
            plugins.forEach(p -> p.plugins().forEach(tp -> tp.tools().forEach(t -> names.add(t.name()))));
            directoryTools.put(tenant, Set.copyOf(names));
        });
        Set<String> tenants = new HashSet<>(fromDirectory.keySet());
        tenants.addAll(store.tenantsWithPlugins());
        tenants.stream().sorted().forEach(this::refresh);
    }

    /** Brings the tenant's loaded versions in line with the database and rebuilds its catalog. */
    public void refresh(String tenant) {
        synchronized (lock(tenant)) {
            refreshLocked(tenant);
        }
    }

    private Object lock(String tenant) {
        return locks.computeIfAbsent(tenant, t -> new Object());
    }

    private void refreshLocked(String tenant) {
        Map<String, PluginVersion> active = store.active(tenant);
        Map<String, LoadedPlugin> current = deployed.getOrDefault(tenant, Map.of());
        Map<String, LoadedPlugin> next = new LinkedHashMap<>();
        List<LoadedPlugin> retired = new ArrayList<>();
        refreshWorker(tenant, active);
        for (PluginVersion v : active.values()) {
            if (v.isolation() == PluginVersion.Isolation.WORKER) {
                continue;
            }
            LoadedPlugin loaded = current.get(v.plugin());
            if (loaded != null && loaded.sameAs(v)) {
                next.put(v.plugin(), loaded);
                continue;
            }
            try {
                next.put(v.plugin(), LoadedPlugin.load(tenant, v.plugin(), v.version(), v.sha256(),
                        cached(tenant, v)));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Tenant " + tenant + ": plugin " + v.plugin() + " version " + v.version()
                        + " could not be loaded; it offers nothing on this node", e);
            }
        }
        current.forEach((name, loaded) -> {
            if (next.get(name) != loaded) {
                retired.add(loaded);
            }
        });
        deployed.put(tenant, Map.copyOf(next));
        declare(tenant);
        retired.forEach(this::retire);
    }

    /** Reads the declarations of the tenant's loaded plugins again (a plugin said its lists changed). */
    public void redeclare(String tenant) {
        synchronized (lock(tenant)) {
            redeclareLocked(tenant);
        }
    }

    private void redeclareLocked(String tenant) {
        if (workers.containsKey(tenant)) {
            try {
                workers.put(tenant, workerTier.pool().redeclare(tenant));
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Tenant " + tenant + ": its worker could not declare again", e);
            }
        }
        declare(tenant);
    }

    /**
     * The tenant's worker runs exactly its active worker-tier versions: restarted with the new set when it changed,
     * stopped when none is left. A worker that cannot start leaves those plugins offering nothing (fail closed).
     */
    private void refreshWorker(String tenant, Map<String, PluginVersion> active) {
        Map<String, PluginVersion> wanted = new LinkedHashMap<>();
        active.values().stream().filter(v -> v.isolation() == PluginVersion.Isolation.WORKER)
                .forEach(v -> wanted.put(v.plugin(), v));
        Map<String, PluginVersion> running = workerVersions.getOrDefault(tenant, Map.of());
        if (sameVersions(wanted, running)) {
            return;
        }
        workerVersions.put(tenant, Map.copyOf(wanted));
        if (wanted.isEmpty()) {
            workers.remove(tenant);
            workerTier.pool().undeploy(tenant);
            return;
        }
        try {
            List<Path> jars = new ArrayList<>();
            for (PluginVersion v : wanted.values()) {
                jars.add(staged(tenant, v.plugin(), cached(tenant, v)));
            }
            workers.put(tenant, workerTier.pool().deploy(tenant, jars));
        } catch (IOException | RuntimeException e) {
            workers.remove(tenant);
            LOG.log(Level.SEVERE, "Tenant " + tenant + ": its worker could not start; its worker-tier plugins offer "
                    + "nothing on this node", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.remove(tenant);
        }
    }

    private static boolean sameVersions(Map<String, PluginVersion> a, Map<String, PluginVersion> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.values().stream().allMatch(v -> b.get(v.plugin()).version() == v.version()
                && b.get(v.plugin()).sha256().equals(v.sha256()));
    }

    /** A copy named after the plugin, so that the worker (and data namespaces) know it by its stable name. */
    private Path staged(String tenant, String plugin, Path cachedJar) throws IOException {
        Path dir = cacheDir().resolve("tenants").resolve(tenant);
        Files.createDirectories(dir);
        Path staged = dir.resolve(plugin + ".jar");
        Files.copy(cachedJar, staged, StandardCopyOption.REPLACE_EXISTING);
        return staged;
    }

    /** Reads what an upload declares inside a throw-away sandboxed worker: declaring runs the plugin's code. */
    private JsonObject inspectInWorker(String plugin, Path jar) throws IOException {
        String scratch = "inspect-" + Secrets.randomHex(6);
        try {
            List<WorkerPlugin> declared = workerTier.pool().deploy(scratch, List.of(staged(scratch, plugin, jar)));
            List<String> problems = workerTier.pool().problems(scratch);
            if (!problems.isEmpty()) {
                // Reported to the tenant as is: the messages name the JAR inside the sandbox, not host paths.
                throw new IOException(String.join("; ", problems));
            }
            return Declarations.of(declared.stream().map(PluginRuntime::asToolPlugin).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage());
        } finally {
            workerTier.pool().undeploy(scratch);
        }
    }

    private static ToolPlugin asToolPlugin(WorkerPlugin p) {
        return new DeclaredOfferings(p.tools(), p.resources(), p.templates(), p.prompts());
    }

    /**
     * Loads an uploaded JAR on its own, reads what it declares (under a time-out: declaring runs plugin code) and
     * unloads it again. The JAR lands in this node's cache, where activation finds it.
     */
    JsonObject inspect(String tenant, String plugin, String sha256, byte[] jar, PluginVersion.Isolation isolation)
            throws IOException {
        Path path = cache(sha256, jar);
        if (isolation == PluginVersion.Isolation.WORKER) {
            return inspectInWorker(plugin, path);
        }
        // Instantiating the plugin runs its code too: loading and declaring are timed together.
        LoadedPlugin[] loaded = new LoadedPlugin[1];
        Future<JsonObject> declared = inspections.submit(() -> {
            loaded[0] = LoadedPlugin.load(tenant, plugin, Integer.MAX_VALUE, sha256, path);
            return PluginCalls.withLoader(loaded[0].loader(), () -> Declarations.of(loaded[0].plugins()));
        });
        try {
            return declared.get(DECLARE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            declared.cancel(true);
            throw new IOException("the plugin did not declare its tools within " + DECLARE_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("the plugin failed while declaring its tools: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } finally {
            if (loaded[0] != null) {
                loaded[0].close();
            }
        }
    }

    /** The tool names the operator's directory plugins give the tenant (read once at start: trusted code). */
    Set<String> directoryToolNames(String tenant) {
        return directoryTools.getOrDefault(tenant, Set.of());
    }

    private void declare(String tenant) {
        Set<String> disabled = store.disabledTools(tenant);
        Offerings all = new Offerings(tenant);
        List<LoadedPlugin> plugins = new ArrayList<>(fromDirectory.getOrDefault(tenant, List.of()));
        plugins.addAll(deployed.getOrDefault(tenant, Map.of()).values());
        for (WorkerPlugin wp : workers.getOrDefault(tenant, List.of())) {
            String name = wp.jarName().replaceFirst("\\.jar$", "");
            LoadedPlugin asLoaded = new LoadedPlugin(name, 0, null, List.of(asToolPlugin(wp)), null);
            declare(tenant, asLoaded, asLoaded.plugins().get(0), disabled, all, wp.loader());
        }
        for (LoadedPlugin p : plugins) {
            for (ToolPlugin tp : p.plugins()) {
                ToolPlugin snapshot = declaredInTime(tenant, p, tp);
                if (snapshot != null) {
                    declare(tenant, p, snapshot, disabled, all, p.loader());
                }
            }
        }
        catalog.replace(tenant, new TenantCatalog(all.tools, all.resources, all.templates, all.prompts));
    }

    /**
     * What the plugin declares, read on a thread of its own under the declaration time-out (it is plugin code), as a
     * fixed snapshot; null when it failed or took too long (its offerings are left out, the rest of the tenant stays).
     */
    private ToolPlugin declaredInTime(String tenant, LoadedPlugin p, ToolPlugin tp) {
        Future<ToolPlugin> read = inspections.submit(() -> PluginCalls.withLoader(p.loader(),
                () -> DeclaredOfferings.of(tp)));
        try {
            return read.get(DECLARE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            LOG.warning(() -> "Tenant " + tenant + ": plugin " + p.name() + " did not declare its offerings within "
                    + DECLARE_TIMEOUT.toSeconds() + " s; they are left out");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Tenant " + tenant + ": plugin " + p.name() + " could not declare its offerings",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static void declare(String tenant, LoadedPlugin p, ToolPlugin tp, Set<String> disabled, Offerings all,
                                ClassLoader loader) {
        for (Tool t : tp.tools()) {
            List<String> problems = ToolDeclarations.problems(t);
            if (!problems.isEmpty()) {
                LOG.warning(() -> "Tenant " + tenant + ": tool '" + t.name() + "' of " + p.name() + " is skipped: "
                        + String.join("; ", problems));
            } else if (!disabled.contains(t.name())) {
                all.add(all.tools, t.name(), new Deployed<>(tenant, p.name(), t, loader));
            }
        }
        for (Resource r : tp.resources()) {
            all.add(all.resources, r.uri(), new Deployed<>(tenant, p.name(), r, loader));
        }
        for (ResourceTemplate t : tp.resourceTemplates()) {
            new UriTemplate(t.uriTemplate()); // refuses unsupported templates here, not at read time
            all.add(all.templates, t.uriTemplate(), new Deployed<>(tenant, p.name(), t, loader));
        }
        for (Prompt pr : tp.prompts()) {
            all.add(all.prompts, pr.name(), new Deployed<>(tenant, p.name(), pr, loader));
        }
    }

    /** Closes a replaced version's loader once its last running call has ended. */
    private void retire(LoadedPlugin old) {
        if (calls.running(old.loader()) == 0) {
            old.close();
            LOG.info(() -> "Plugin " + old.loader().getName() + " retired");
        } else {
            drains.schedule(() -> retire(old), 100, TimeUnit.MILLISECONDS);
        }
    }

    /** The version's JAR in this node's cache, fetched from the database when missing (or not matching its hash). */
    private Path cached(String tenant, PluginVersion v) throws IOException {
        Path path = cacheDir().resolve(v.sha256() + ".jar");
        if (Files.isRegularFile(path) && sha256(Files.readAllBytes(path)).equals(v.sha256())) {
            return path;
        }
        byte[] jar = store.jar(tenant, v.plugin(), v.version());
        if (!sha256(jar).equals(v.sha256())) {
            throw new IOException("the stored JAR does not match its recorded SHA-256");
        }
        return cache(v.sha256(), jar);
    }

    private Path cache(String sha256, byte[] jar) throws IOException {
        Path dir = cacheDir();
        Files.createDirectories(dir);
        Path path = dir.resolve(sha256 + ".jar");
        Path tmp = dir.resolve(sha256 + "." + Secrets.randomHex(4) + ".tmp");
        Files.write(tmp, jar);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return path;
    }

    private Path cacheDir() {
        return config.cacheDir();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        drains.shutdownNow();
        inspections.shutdownNow();
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
