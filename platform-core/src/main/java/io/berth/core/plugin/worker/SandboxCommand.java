package io.berth.core.plugin.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The command line that starts one worker. In {@link WorkerSettings.Sandbox#BWRAP} mode:
 *
 * <pre>
 * sh -c 'exec 3&lt;"$1"; shift; exec "$@"' berth-worker &lt;seccomp filter&gt;      (hands the filter to bwrap as fd 3)
 *   [setpriv --reuid=U --regid=U --clear-groups --inh-caps=-all --bounding-set=-all --no-new-privs --]  (Berth is root)
 *   bwrap --unshare-all --unshare-user --disable-userns --uid 65534 --gid 65534 --cap-drop ALL --die-with-parent
 *         --new-session --clearenv --hostname berth-worker
 *         --ro-bind /usr/lib … (system libraries) --ro-bind &lt;java.home&gt; … (and the files its links point at)
 *         --ro-bind &lt;worker runtime&gt; /berth/runtime/N --ro-bind &lt;staged plugin JAR&gt; /berth/plugins/N.jar
 *         --proc /proc --dev /dev --size &lt;tmp&gt; --tmpfs /tmp --remount-ro / --seccomp 3 --chdir /tmp
 *     /usr/bin/prlimit --cpu --nproc --fsize --core=0 [--as] -- &lt;java.home&gt;/bin/java &lt;JVM flags&gt; io.berth.worker.WorkerMain
 * </pre>
 *
 * <p>{@code --unshare-all} takes the network (only a loopback of its own is left), IPC, PID, UTS and cgroup
 * namespaces; nothing of the host's file system is visible beyond the read-only binds. The limits are set inside the
 * sandbox, where RLIMIT_NPROC counts the worker's own user namespace only. When Berth runs as root, the worker runs as
 * an unprivileged host uid of its own instead ({@code setpriv}), so it is never root outside and RLIMIT_NPROC applies.
 */
final class SandboxCommand {

    static final String RUNTIME_DIR = "/berth/runtime/";
    static final String PLUGIN_DIR = "/berth/plugins/";
    private static final List<String> SYSTEM_LIBRARY_DIRS = List.of("/usr/lib", "/usr/lib64", "/lib", "/lib64");

    /** A worker's command line and the paths of its plugin JARs as the worker sees them. */
    record Launch(List<String> command, List<String> jarsInWorker) {
    }

    private SandboxCommand() {
    }

    /**
     * @param jars       staged plugin JARs on the host
     * @param runtime    the worker runtime class path on the host (files staged, directories as they are)
     * @param uid        host uid to run as when Berth is root, or -1
     * @param seccomp    the filter file, or null
     */
    static Launch of(WorkerSettings s, Tools tools, List<Path> jars, List<Path> runtime, int uid, Path seccomp) {
        if (s.sandbox() == WorkerSettings.Sandbox.NONE) {
            List<String> cmd = new ArrayList<>(limits(s, tools.prlimit()));
            cmd.addAll(java(s, s.javaHome(), runtime.stream().map(Path::toString).toList()));
            return new Launch(cmd, jars.stream().map(Path::toString).toList());
        }
        List<String> cmd = new ArrayList<>();
        if (seccomp != null) {
            cmd.addAll(List.of(tools.sh(), "-c", "exec 3<\"$1\" && shift && exec \"$@\"", "berth-worker",
                    seccomp.toString()));
        }
        if (uid >= 0) {
            cmd.addAll(List.of(tools.setpriv(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                    "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"));
        }
        cmd.addAll(List.of(tools.bwrap(), "--unshare-all", "--unshare-user", "--disable-userns", "--uid", "65534",
                "--gid", "65534", "--cap-drop", "ALL", "--die-with-parent", "--new-session", "--clearenv",
                "--setenv", "LANG", "C.UTF-8", "--setenv", "MALLOC_ARENA_MAX", "2", "--hostname", "berth-worker"));
        Path javaHome = realPath(s.javaHome());
        List<String> bound = new ArrayList<>();
        systemLibraries(cmd, bound);
        bindOnce(cmd, bound, javaHome, javaHome.toString());
        linkTargets(javaHome).forEach((inside, real) -> bindOnce(cmd, bound, real, inside));
        Path prlimit = realPath(Path.of(tools.prlimit()));
        bindOnce(cmd, bound, prlimit, prlimit.toString());
        List<String> classpath = new ArrayList<>();
        for (int i = 0; i < runtime.size(); i++) {
            Path entry = runtime.get(i);
            String inside = RUNTIME_DIR + i + (Files.isDirectory(entry) ? "" : ".jar");
            cmd.addAll(List.of("--ro-bind", entry.toString(), inside));
            classpath.add(inside);
        }
        List<String> jarsInside = new ArrayList<>();
        for (int i = 0; i < jars.size(); i++) {
            String inside = PLUGIN_DIR + i + ".jar";
            cmd.addAll(List.of("--ro-bind", jars.get(i).toString(), inside));
            jarsInside.add(inside);
        }
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--size", Long.toString(s.tmpBytes()), "--tmpfs",
                "/tmp", "--remount-ro", "/"));
        if (seccomp != null) {
            cmd.addAll(List.of("--seccomp", "3"));
        }
        cmd.addAll(List.of("--chdir", "/tmp"));
        cmd.addAll(limits(s, prlimit.toString()));
        cmd.addAll(java(s, javaHome, classpath));
        return new Launch(cmd, jarsInside);
    }

    private static List<String> limits(WorkerSettings s, String prlimit) {
        List<String> l = new ArrayList<>(List.of(prlimit, "--cpu=" + s.cpuSeconds(), "--nproc=" + s.maxProcesses(),
                "--fsize=" + s.maxFileBytes(), "--core=0"));
        if (s.addressSpaceBytes() > 0) {
            l.add("--as=" + s.addressSpaceBytes());
        }
        l.add("--");
        return l;
    }

    /**
     * Flags for a small JVM that starts fast: serial GC, C1 only, the JDK's class data sharing archive, no perf data
     * file, no attach listener; every JVM message goes to stderr (stdout is the protocol), and running out of memory
     * ends the worker instead of leaving it half broken.
     */
    static List<String> java(WorkerSettings s, Path javaHome, List<String> classpath) {
        return List.of(javaHome.resolve("bin/java").toString(), "-Xmx" + s.heapMb() + "m",
                "-Xms" + Math.min(16, s.heapMb()) + "m", "-Xss" + s.stackKb() + "k",
                "-XX:MaxMetaspaceSize=" + s.metaspaceMb() + "m",
                "-XX:CompressedClassSpaceSize=" + Math.min(64, s.metaspaceMb()) + "m",
                "-XX:ReservedCodeCacheSize=" + s.codeCacheMb() + "m",
                "-XX:MaxDirectMemorySize=" + s.directMemoryMb() + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1", "-Xshare:auto", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-CreateCoredumpOnCrash", "-XX:+DisplayVMOutputToStderr",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-Djava.io.tmpdir=/tmp", "-Dfile.encoding=UTF-8",
                "-Dberth.worker.threads=" + s.threads(), "-Dberth.worker.max-message-bytes=" + s.maxMessageBytes(),
                "-cp", String.join(":", classpath), "io.berth.worker.WorkerMain");
    }

    /** The system's library directories: bound read-only, or re-created as the links they are (merged /usr). */
    private static void systemLibraries(List<String> cmd, List<String> bound) {
        for (String dir : SYSTEM_LIBRARY_DIRS) {
            Path p = Path.of(dir);
            try {
                if (Files.isSymbolicLink(p)) {
                    cmd.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), dir));
                } else if (Files.isDirectory(p)) {
                    bindOnce(cmd, bound, p, dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void bindOnce(List<String> cmd, List<String> bound, Path source, String inside) {
        for (String b : bound) {
            if (inside.equals(b) || inside.startsWith(b + "/")) {
                return;
            }
        }
        bound.add(inside);
        cmd.addAll(List.of("--ro-bind", source.toString(), inside));
    }

    /**
     * Links inside the JDK that point out of it (Debian keeps {@code conf/} and {@code cacerts} under {@code /etc}):
     * each target, by the path the link names, and the real file to bind there.
     */
    static Map<String, Path> linkTargets(Path javaHome) {
        Map<String, Path> targets = new LinkedHashMap<>();
        for (String sub : List.of("bin", "conf", "lib")) {
            Path dir = javaHome.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isSymbolicLink).forEach(link -> {
                    try {
                        Path named = link.resolveSibling(Files.readSymbolicLink(link)).normalize();
                        if (!named.startsWith(javaHome) && Files.exists(link)) {
                            targets.put(named.toString(), link.toRealPath());
                        }
                    } catch (IOException e) {
                        // a dangling or unreadable link stays dangling inside the sandbox
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return targets;
    }

    static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host programs a sandboxed worker needs, by absolute path. */
    record Tools(String sh, String bwrap, String prlimit, String setpriv) {
    }
}
