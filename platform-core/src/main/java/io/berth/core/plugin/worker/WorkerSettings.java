package io.berth.core.plugin.worker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes a worker: how it is sandboxed, its limits, and how the host treats it. {@link WorkerConfig}
 * reads them from MicroProfile Config ({@code berth.plugins.worker.*}); tests start from {@link #defaults()} and
 * change a copy with {@link #toBuilder()}.
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
 * @param bwrap              the bubblewrap program; null: looked up in the system directories
 */
public record WorkerSettings(Sandbox sandbox, Path javaHome, List<Path> runtimeClasspath, Path stagingDir, int threads,
                             int heapMb, int metaspaceMb, int stackKb, int directMemoryMb, int codeCacheMb,
                             long cpuSeconds, int maxProcesses, long maxFileBytes, long addressSpaceBytes,
                             long tmpBytes, int maxMessageBytes, Duration startTimeout, Duration cancelGrace,
                             Duration restartBackoffMin, Duration restartBackoffMax, int stderrLogBytes, int uidBase,
                             int uidCount, boolean seccomp, Path bwrap) {

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
        return defaults(true);
    }

    /** {@code findRuntime}: false when the runtime class path is configured, so it need not be found here. */
    static WorkerSettings defaults(boolean findRuntime) {
        return new WorkerSettings(Sandbox.BWRAP, Path.of(System.getProperty("java.home")),
                findRuntime ? RuntimeClasspath.ofThisJvm() : List.of(Path.of("/")), null, 16, 256, 96, 512, 64, 32, 3600, 256, 64L << 20, 0,
                64L << 20, 16 << 20, Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(250),
                Duration.ofSeconds(30), 64 << 10, 900_000, 10_000, true, null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a copy. */
    public static final class Builder {
        private Sandbox sandbox;
        private Path javaHome;
        private List<Path> runtimeClasspath;
        private Path stagingDir;
        private int threads;
        private int heapMb;
        private int metaspaceMb;
        private int stackKb;
        private int directMemoryMb;
        private int codeCacheMb;
        private long cpuSeconds;
        private int maxProcesses;
        private long maxFileBytes;
        private long addressSpaceBytes;
        private long tmpBytes;
        private int maxMessageBytes;
        private Duration startTimeout;
        private Duration cancelGrace;
        private Duration restartBackoffMin;
        private Duration restartBackoffMax;
        private int stderrLogBytes;
        private int uidBase;
        private int uidCount;
        private boolean seccomp;
        private Path bwrap;

        private Builder(WorkerSettings s) {
            sandbox = s.sandbox;
            javaHome = s.javaHome;
            runtimeClasspath = s.runtimeClasspath;
            stagingDir = s.stagingDir;
            threads = s.threads;
            heapMb = s.heapMb;
            metaspaceMb = s.metaspaceMb;
            stackKb = s.stackKb;
            directMemoryMb = s.directMemoryMb;
            codeCacheMb = s.codeCacheMb;
            cpuSeconds = s.cpuSeconds;
            maxProcesses = s.maxProcesses;
            maxFileBytes = s.maxFileBytes;
            addressSpaceBytes = s.addressSpaceBytes;
            tmpBytes = s.tmpBytes;
            maxMessageBytes = s.maxMessageBytes;
            startTimeout = s.startTimeout;
            cancelGrace = s.cancelGrace;
            restartBackoffMin = s.restartBackoffMin;
            restartBackoffMax = s.restartBackoffMax;
            stderrLogBytes = s.stderrLogBytes;
            uidBase = s.uidBase;
            uidCount = s.uidCount;
            seccomp = s.seccomp;
            bwrap = s.bwrap;
        }

        public Builder sandbox(Sandbox v) {
            sandbox = v;
            return this;
        }

        public Builder javaHome(Path v) {
            javaHome = v;
            return this;
        }

        public Builder runtimeClasspath(List<Path> v) {
            runtimeClasspath = v;
            return this;
        }

        public Builder stagingDir(Path v) {
            stagingDir = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder heapMb(int v) {
            heapMb = v;
            return this;
        }

        public Builder metaspaceMb(int v) {
            metaspaceMb = v;
            return this;
        }

        public Builder stackKb(int v) {
            stackKb = v;
            return this;
        }

        public Builder directMemoryMb(int v) {
            directMemoryMb = v;
            return this;
        }

        public Builder codeCacheMb(int v) {
            codeCacheMb = v;
            return this;
        }

        public Builder cpuSeconds(long v) {
            cpuSeconds = v;
            return this;
        }

        public Builder maxProcesses(int v) {
            maxProcesses = v;
            return this;
        }

        public Builder maxFileBytes(long v) {
            maxFileBytes = v;
            return this;
        }

        public Builder addressSpaceBytes(long v) {
            addressSpaceBytes = v;
            return this;
        }

        public Builder tmpBytes(long v) {
            tmpBytes = v;
            return this;
        }

        public Builder maxMessageBytes(int v) {
            maxMessageBytes = v;
            return this;
        }

        public Builder startTimeout(Duration v) {
            startTimeout = v;
            return this;
        }

        public Builder cancelGrace(Duration v) {
            cancelGrace = v;
            return this;
        }

        public Builder restartBackoff(Duration min, Duration max) {
            restartBackoffMin = min;
            restartBackoffMax = max;
            return this;
        }

        public Builder stderrLogBytes(int v) {
            stderrLogBytes = v;
            return this;
        }

        public Builder uids(int base, int count) {
            uidBase = base;
            uidCount = count;
            return this;
        }

        public Builder seccomp(boolean v) {
            seccomp = v;
            return this;
        }

        public Builder bwrap(Path v) {
            bwrap = v;
            return this;
        }

        public WorkerSettings build() {
            return new WorkerSettings(sandbox, javaHome, runtimeClasspath, stagingDir, threads, heapMb, metaspaceMb,
                    stackKb, directMemoryMb, codeCacheMb, cpuSeconds, maxProcesses, maxFileBytes, addressSpaceBytes,
                    tmpBytes, maxMessageBytes, startTimeout, cancelGrace, restartBackoffMin, restartBackoffMax,
                    stderrLogBytes, uidBase, uidCount, seccomp, bwrap);
        }
    }
}
