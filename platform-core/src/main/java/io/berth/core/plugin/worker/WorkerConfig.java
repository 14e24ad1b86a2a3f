package io.berth.core.plugin.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code berth.plugins.worker.*} settings (documented in {@code microprofile-config.properties}). */
@ApplicationScoped
public class WorkerConfig {

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.sandbox")
    String sandbox;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.java-home")
    Optional<String> javaHome;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.runtime-classpath")
    Optional<String> runtimeClasspath;

    /** JARs (or directories of JARs) added to the worker's class path, e.g. the Bean Validation provider. */
    @Inject
    @ConfigProperty(name = "berth.plugins.worker.extra-classpath")
    Optional<String> extraClasspath;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.staging-dir")
    Optional<String> stagingDir;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.bwrap")
    Optional<String> bwrap;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.seccomp")
    boolean seccomp;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.threads")
    int threads;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.heap-mb")
    int heapMb;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.metaspace-mb")
    int metaspaceMb;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.stack-kb")
    int stackKb;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.direct-memory-mb")
    int directMemoryMb;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.code-cache-mb")
    int codeCacheMb;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.cpu-seconds")
    long cpuSeconds;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.max-processes")
    int maxProcesses;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.max-file-bytes")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.address-space-bytes")
    long addressSpaceBytes;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.tmp-bytes")
    long tmpBytes;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.max-message-bytes")
    int maxMessageBytes;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.start-timeout-ms")
    long startTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.cancel-grace-ms")
    long cancelGraceMs;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.restart-backoff-min-ms")
    long restartBackoffMinMs;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.restart-backoff-max-ms")
    long restartBackoffMaxMs;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.stderr-log-bytes")
    int stderrLogBytes;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.uid-base")
    int uidBase;

    @Inject
    @ConfigProperty(name = "berth.plugins.worker.uid-count")
    int uidCount;

    /** The settings; the runtime class path is found from this JVM's own classes unless configured. */
    public WorkerSettings settings() {
        WorkerSettings.Builder b = WorkerSettings.defaults(runtimeClasspath.isEmpty()).toBuilder()
                .sandbox(WorkerSettings.Sandbox.valueOf(sandbox.trim().toUpperCase(Locale.ROOT)))
                .seccomp(seccomp).threads(threads).heapMb(heapMb).metaspaceMb(metaspaceMb).stackKb(stackKb)
                .directMemoryMb(directMemoryMb).codeCacheMb(codeCacheMb).cpuSeconds(cpuSeconds)
                .maxProcesses(maxProcesses).maxFileBytes(maxFileBytes).addressSpaceBytes(addressSpaceBytes)
                .tmpBytes(tmpBytes).maxMessageBytes(maxMessageBytes).startTimeout(Duration.ofMillis(startTimeoutMs))
                .cancelGrace(Duration.ofMillis(cancelGraceMs))
                .restartBackoff(Duration.ofMillis(restartBackoffMinMs), Duration.ofMillis(restartBackoffMaxMs))
                .stderrLogBytes(stderrLogBytes).uids(uidBase, uidCount);
        javaHome.map(Path::of).ifPresent(b::javaHome);
        runtimeClasspath.map(cp -> Arrays.stream(cp.split(":")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Path::of).toList()).ifPresent(b::runtimeClasspath);
        stagingDir.map(Path::of).ifPresent(b::stagingDir);
        bwrap.map(Path::of).ifPresent(b::bwrap);
        List<Path> extra = extraJars();
        if (!extra.isEmpty()) {
            List<Path> all = new java.util.ArrayList<>(b.build().runtimeClasspath());
            all.addAll(extra);
            b.runtimeClasspath(all);
        }
        return b.build();
    }

    /** The extra class path entries; a directory stands for the JARs in it (sorted), a missing one for nothing. */
    private List<Path> extraJars() {
        List<Path> jars = new java.util.ArrayList<>();
        for (String entry : extraClasspath.orElse("").split(":")) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.strip());
            if (java.nio.file.Files.isDirectory(p)) {
                try (var files = java.nio.file.Files.list(p)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Cannot list " + p, e);
                }
            } else if (java.nio.file.Files.isRegularFile(p)) {
                jars.add(p);
            }
        }
        return jars;
    }
}
