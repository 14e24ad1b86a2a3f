package io.berth.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The {@code berth.plugins.*} settings. */
@ApplicationScoped
public class PluginConfig {

    @Inject
    @ConfigProperty(name = "berth.plugins.dir")
    Optional<String> dir;

    @Inject
    @ConfigProperty(name = "berth.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "berth.plugins.call-timeout-ms")
    long callTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.plugins.task-timeout-ms")
    long taskTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.plugins.classloader-tenants")
    Optional<String> classloaderTenants;

    @Inject
    @ConfigProperty(name = "berth.plugins.max-concurrent-calls-per-tenant")
    int maxConcurrentCallsPerTenant;

    /** Where plugins are read from: {@code <dir>/<tenant>/*.jar}; by default {@code <data dir>/plugins}. */
    public Path dir() {
        return dir.map(Path::of).orElse(Path.of(dataDir, "plugins"));
    }

    /** This node's content-addressed cache of uploaded plugin JARs: {@code <data dir>/plugin-cache/<sha256>.jar}. */
    public Path cacheDir() {
        return Path.of(dataDir, "plugin-cache");
    }

    public Duration callTimeout() {
        return Duration.ofMillis(callTimeoutMs);
    }

    /** How long a call that may become a task (MCP tasks) may run in all. */
    public Duration taskTimeout() {
        return Duration.ofMillis(taskTimeoutMs);
    }

    /**
     * Whether the operator vetted this tenant for the class-loader tier (plugins in Berth's own JVM: fast, but not a
     * sandbox). Everyone else's uploads run in the worker tier.
     */
    public boolean classloaderTierAllowed(String tenant) {
        return classloaderTenants.map(list -> java.util.Arrays.stream(list.split(",")).map(String::strip)
                .anyMatch(tenant::equals)).orElse(false);
    }

    public int maxConcurrentCallsPerTenant() {
        return maxConcurrentCallsPerTenant;
    }
}
