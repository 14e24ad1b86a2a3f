package io.berth.core.plugin.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes a worker: how it is sandboxed, its limits, and how the host treats it. {@link WorkerConfig}
 * reads them from MicroProfile Config ({@code berth.plugins.worker.*}); tests build them with {@link #defaults()} and
 * the {@code with...} methods.
 *
 * @param sandbox            {@link Sandbox#BWRAP} (namespaces, seccomp, limits) or {@link Sandbox#NONE}, a
 *                           development mode that runs plugin code unconfined and says so loudly in the log
 * @param javaHome           the JDK the worker runs on (bound read-only into the sandbox)
 * @param runtimeClasspath   JARs or directories holding {@code io.berth.worker} and {@code io.berth.sdk}
 * @param stagingDir         where plugin JARs are copied for workers to read; null: a private temporary directory
 * @param threads            calls one worker runs at once; more are answered busy
 * @param heapMb             {@code -Xmx}
 * @param metaspaceMb        {@code -XX:MaxMetaspaceSize}
 * @param stackKb            {@code -Xss}
 * @param directMemoryMb     {@code -XX:MaxDirectMemorySize}
 * @param codeCacheMb        {@code -XX:ReservedCodeCacheSize}
 * @param cpuSeconds         RLIMIT_CPU: the CPU time a worker may use in its life before the kernel kills it
 * @param maxProcesses       RLIMIT_NPROC inside the worker's user namespace (threads count)
 * @param maxFileBytes       RLIMIT_FSIZE: the largest file a worker may write
 * @param addressSpaceBytes  RLIMIT_AS, 0 for none (the heap flags bound the JVM; this bounds native code too)
 * @param tmpBytes           size of the worker's private {@code /tmp}
 * @param maxMessageBytes    the longest protocol message either side accepts
 * @param startTimeout       spawn to loaded plugins; a worker slower than this is killed
 * @param cancelGrace        how long a cancelled or timed-out call may take to stop before its worker is killed
 * @param restartBackoffMin  the pause before restarting a worker that died, doubled per failure in a row
 * @param restartBackoffMax  the longest such pause
 * @param stderrLogBytes     how much of a worker's diagnostics reach Berth's log (the rest is dropped)
 * @param uidBase            when Berth runs as root, workers run as host uid {@code uidBase + slot}
 * @param uidCount           the number of such uids (and of workers at once)
 * @param seccomp            whether to load {@link SeccompFilter} (x86_64 only; elsewhere workers refuse to start)
 */
public record WorkerSettings(Sandbox sandbox, Path javaHome, List<Path> runtimeClasspath, Path stagingDir, int threads,
                             int heapMb, int metaspaceMb, int stackKb, int directMemoryMb, int codeCacheMb,
                             long cpuSeconds, int maxProcesses, long maxFileBytes, long addressSpaceBytes,
                             long tmpBytes, int maxMessageBytes, Duration startTimeout, Duration cancelGrace,
                             Duration restartBackoffMin, Duration restartBackoffMax, int stderrLogBytes, int uidBase,
                             int uidCount, boolean seccomp) {

    /** How workers are confined. */
    public enum Sandbox {
        /** bubblewrap: namespaces, no network, read-only binds, seccomp, resource limits. */
        BWRAP,
        /** No confinement at all: development only, never for untrusted code. */
        NONE
    }

    public WorkerSettings {
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(javaHome, "javaHome");
        runtimeClasspath = List.copyOf(runtimeClasspath);
        if (runtimeClasspath.isEmpty()) {
            throw new IllegalArgumentException("the worker runtime class path is empty");
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(cancelGrace, "cancelGrace");
        Objects.requireNonNull(restartBackoffMin, "restartBackoffMin");
        Objects.requireNonNull(restartBackoffMax, "restartBackoffMax");
        if (threads < 1 || heapMb < 8 || maxMessageBytes < 1024 || uidCount < 1) {
            throw new IllegalArgumentException("worker settings out of range");
        }
    }

    /**
     * The defaults of {@code microprofile-config.properties}, with this JVM's JDK and the class path entries holding
     * the worker and the SDK classes as loaded here.
     */
    public static WorkerSettings defaults() {
        return new WorkerSettings(Sandbox.BWRAP, Path.of(System.getProperty("java.home")),
                RuntimeClasspath.ofThisJvm(), null, 16, 256, 96, 512, 64, 32, 3600, 256, 64L << 20, 0,
                64L << 20, 16 << 20, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(250),
                Duration.ofSeconds(30), 64 << 10, 900_000, 10_000, true);
    }

    public WorkerSettings withSandbox(Sandbox s) {
        return new WorkerSettings(s, javaHome, runtimeClasspath, stagingDir, threads, heapMb, metaspaceMb, stackKb,
                directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes, tmpBytes,
                maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax, stderrLogBytes,
                uidBase, uidCount, seccomp);
    }

    public WorkerSettings withHeapMb(int mb) {
        return new WorkerSettings(sandbox, javaHome, runtimeClasspath, stagingDir, threads, mb, metaspaceMb, stackKb,
                directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes, tmpBytes,
                maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax, stderrLogBytes,
                uidBase, uidCount, seccomp);
    }

    public WorkerSettings withThreads(int n) {
        return new WorkerSettings(sandbox, javaHome, runtimeClasspath, stagingDir, n, heapMb, metaspaceMb, stackKb,
                directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes, tmpBytes,
                maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax, stderrLogBytes,
                uidBase, uidCount, seccomp);
    }

    public WorkerSettings withRuntimeClasspath(List<Path> classpath) {
        return new WorkerSettings(sandbox, javaHome, classpath, stagingDir, threads, heapMb, metaspaceMb, stackKb,
                directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes, tmpBytes,
                maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax, stderrLogBytes,
                uidBase, uidCount, seccomp);
    }

    public WorkerSettings withSeccomp(boolean on) {
        return new WorkerSettings(sandbox, javaHome, runtimeClasspath, stagingDir, threads, heapMb, metaspaceMb,
                stackKb, directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes,
                tmpBytes, maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax,
                stderrLogBytes, uidBase, uidCount, on);
    }

    public WorkerSettings withCancelGrace(Duration grace) {
        return new WorkerSettings(sandbox, javaHome, runtimeClasspath, stagingDir, threads, heapMb, metaspaceMb,
                stackKb, directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes,
                tmpBytes, maxMessageBytes, startTimeout, grace, restartBackoffMin, restartBackoffMax, stderrLogBytes,
                uidBase, uidCount, seccomp);
    }

    public WorkerSettings withUidBase(int base) {
        return new WorkerSettings(sandbox, javaHome, runtimeClasspath, stagingDir, threads, heapMb, metaspaceMb,
                stackKb, directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes,
                tmpBytes, maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax,
                stderrLogBytes, base, uidCount, seccomp);
    }
}
