package io.berth.core.plugin.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Prepares what workers are started from, and refuses to prepare anything when the sandbox cannot be had: no
 * bubblewrap, no prlimit, no seccomp filter for this architecture. Plugin JARs are copied ("staged") into a directory
 * of Berth's own, so a worker reads exactly the bytes that were deployed, and, when Berth is root and workers run as
 * other uids, can read them at all: the staging root is {@code 0711} (no listing), each worker's directory has a random
 * name, and the files are {@code 0644}.
 */
final class Launcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Launcher.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WorkerSettings settings;
    private final SandboxCommand.Tools tools;
    private final boolean root;
    private final Path stagingRoot;
    private final boolean ownStagingRoot;
    private final Path seccomp;
    private final List<Path> runtime;
    private final BitSet uidSlots = new BitSet();

    /** Files staged for one worker; deleted when it is no longer needed. */
    record Staged(Path dir, List<Path> jars) {
    }

    Launcher(WorkerSettings settings) {
        this.settings = settings;
        boolean sandboxed = settings.sandbox() == WorkerSettings.Sandbox.BWRAP;
        this.root = sandboxed && effectiveUid() == 0;
        this.tools = new SandboxCommand.Tools(find("sh", true), bwrap(settings, sandboxed), find("prlimit", true),
                find("setpriv", root));
        if (sandboxed && settings.seccomp() && !SeccompFilter.supportedHere()) {
            throw new WorkerStartException("The worker seccomp filter exists for x86_64 only, this is "
                    + System.getProperty("os.arch") + "; worker plugins cannot run (berth.plugins.worker.seccomp)");
        }
        try {
            this.ownStagingRoot = settings.stagingDir() == null;
            this.stagingRoot = ownStagingRoot ? Files.createTempDirectory("berth-workers-") : settings.stagingDir();
            Files.createDirectories(stagingRoot);
            Files.setPosixFilePermissions(stagingRoot, PosixFilePermissions.fromString("rwx--x--x"));
            this.seccomp = sandboxed && settings.seccomp() ? writeFilter(stagingRoot) : null;
            this.runtime = stageRuntime(settings.runtimeClasspath());
        } catch (IOException e) {
            throw new WorkerStartException("Cannot prepare the worker staging directory: " + e.getMessage(), e);
        }
        if (!sandboxed) {
            LOG.severe("Worker plugins run WITHOUT A SANDBOX (berth.plugins.worker.sandbox=none): their code can read "
                    + "the host's files and use its network as Berth's user. Development only.");
        }
    }

    boolean sandboxed() {
        return settings.sandbox() == WorkerSettings.Sandbox.BWRAP;
    }

    /** Copies a tenant's plugin JARs for one worker. */
    Staged stage(String tenant, List<Path> jars) {
        try {
            String safe = tenant.replaceAll("[^A-Za-z0-9_-]", "_");
            Path dir = stagingRoot.resolve(safe.substring(0, Math.min(40, safe.length())) + "-"
                    + HexFormat.of().formatHex(randomBytes()));
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            List<Path> staged = new ArrayList<>();
            for (int i = 0; i < jars.size(); i++) {
                staged.add(copy(jars.get(i), dir.resolve(i + ".jar")));
            }
            return new Staged(dir, List.copyOf(staged));
        } catch (IOException e) {
            throw new WorkerStartException("Cannot stage the plugins of tenant " + tenant + ": " + e.getMessage(), e);
        }
    }

    void unstage(Staged staged) {
        deleteTree(staged.dir());
    }

    /** The command for a worker on these staged JARs, run as host uid {@code uid} (root only, else ignored). */
    SandboxCommand.Launch launch(Staged staged, int uid) {
        return SandboxCommand.of(settings, tools, staged.jars(), runtime, root ? uid : -1, seccomp);
    }

    /** A host uid for one worker while it lives (Berth as root), or -1. */
    synchronized int takeUid() {
        if (!root) {
            return -1;
        }
        int slot = uidSlots.nextClearBit(0);
        if (slot >= settings.uidCount()) {
            throw new WorkerStartException("All " + settings.uidCount() + " worker uids are in use");
        }
        uidSlots.set(slot);
        return settings.uidBase() + slot;
    }

    synchronized void releaseUid(int uid) {
        if (uid >= 0) {
            uidSlots.clear(uid - settings.uidBase());
        }
    }

    @Override
    public void close() {
        if (ownStagingRoot) {
            deleteTree(stagingRoot);
        }
    }

    private List<Path> stageRuntime(List<Path> classpath) throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = stagingRoot.resolve("runtime-" + HexFormat.of().formatHex(randomBytes()));
        Files.createDirectory(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        for (int i = 0; i < classpath.size(); i++) {
            Path entry = classpath.get(i);
            // Directories (a development build) are bound as they are; JARs are copied like plugins.
            out.add(Files.isDirectory(entry) ? entry : copy(entry, dir.resolve(i + ".jar")));
        }
        return List.copyOf(out);
    }

    private static Path writeFilter(Path dir) throws IOException {
        Path file = dir.resolve("seccomp-x86_64.bpf");
        Files.write(file, SeccompFilter.x86_64());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static Path copy(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(from)) {
            throw new IOException(from + " is not a file");
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        return to;
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.fine(() -> "Could not delete " + p + ": " + e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.fine(() -> "Could not delete " + dir + ": " + e);
        }
    }

    private static String bwrap(WorkerSettings settings, boolean required) {
        if (settings.bwrap() == null) {
            return find("bwrap", required);
        }
        if (required && !Files.isExecutable(settings.bwrap())) {
            throw new WorkerStartException("bubblewrap (bwrap) is not at " + settings.bwrap()
                    + ", so worker plugins cannot be sandboxed and do not run.");
        }
        return settings.bwrap().toString();
    }

    /** A program from the usual system directories; missing and required means the tier is unavailable. */
    private static String find(String name, boolean required) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        if (required) {
            throw new WorkerStartException(("bwrap".equals(name)
                    ? "bubblewrap (bwrap) is not installed, so worker plugins cannot be sandboxed and do not run. "
                    + "Install Debian's bubblewrap package (./berth does)"
                    : name + " is not installed; worker plugins do not run without it") + ".");
        }
        return null;
    }

    /** The effective uid, from /proc (Linux only, as the sandbox is). */
    static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "Cannot read the effective uid: " + e);
        }
        return -1;
    }
}
