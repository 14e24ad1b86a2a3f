package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The worker's command line: what it binds, unshares and limits, read without starting anything. */
class SandboxCommandTest {

    private static final SandboxCommand.Tools TOOLS = new SandboxCommand.Tools("/bin/sh", "/usr/bin/bwrap",
            "/usr/bin/prlimit", "/usr/bin/setpriv");
    private final WorkerSettings settings = WorkerSettings.defaults();
    private final List<Path> jars = List.of(Path.of("/staging/acme-x/0.jar"), Path.of("/staging/acme-x/1.jar"));
    private final List<Path> runtime = List.of(Path.of("/staging/runtime/0.jar"), Path.of("/staging/runtime/1.jar"));

    @Test
    void unsharesEverythingAndDropsPrivileges() {
        List<String> cmd = SandboxCommand.of(settings, TOOLS, jars, runtime, 900_001, Path.of("/f.bpf")).command();
        for (String flag : List.of("--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
                "--new-session", "--clearenv")) {
            assertTrue(cmd.contains(flag), flag);
        }
        assertFalse(cmd.contains("--share-net"));
        assertEquals(List.of("--cap-drop", "ALL"), after(cmd, "--cap-drop", 1, -1));
        assertEquals(List.of("/bin/sh", "-c", "exec 3<\"$1\" && shift && exec \"$@\"", "berth-worker", "/f.bpf",
                "/usr/bin/setpriv", "--reuid=900001", "--regid=900001", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", "--", "/usr/bin/bwrap"), cmd.subList(0, 14));
        assertEquals(List.of("--seccomp", "3"), after(cmd, "--seccomp", 1, -1));
    }

    @Test
    void bindsOnlySystemLibrariesTheJdkTheRuntimeAndThePluginsReadOnly() {
        List<String> cmd = SandboxCommand.of(settings, TOOLS, jars, runtime, -1, null).command();
        List<String> binds = new ArrayList<>();
        for (int i = 0; i < cmd.size(); i++) {
            assertFalse(cmd.get(i).equals("--bind") || cmd.get(i).equals("--dev-bind"), "writable bind");
            if (cmd.get(i).equals("--ro-bind")) {
                binds.add(cmd.get(i + 2));
            }
        }
        assertTrue(binds.contains("/usr/lib"));
        assertTrue(binds.containsAll(List.of("/berth/runtime/0.jar", "/berth/runtime/1.jar", "/berth/plugins/0.jar",
                "/berth/plugins/1.jar")));
        for (String b : binds) {
            assertTrue(b.startsWith("/usr/") || b.startsWith("/lib") || b.startsWith("/berth/")
                    || b.startsWith("/etc/java-") || b.startsWith("/etc/ssl/certs/java/")
                    || b.startsWith(SandboxCommand.realPath(settings.javaHome()).toString()), "bound: " + b);
        }
        assertEquals(List.of("--size", Long.toString(settings.tmpBytes()), "--tmpfs", "/tmp", "--remount-ro", "/"),
                after(cmd, "--size", 0, 6));
        assertFalse(cmd.contains("/usr/bin/setpriv"), "no uid change when Berth is not root");
        assertFalse(cmd.contains("--seccomp"));
    }

    @Test
    void setsLimitsInsideTheSandboxAndAFastSmallJvm() {
        List<String> cmd = SandboxCommand.of(settings, TOOLS, jars, runtime, -1, null).command();
        int prlimit = cmd.lastIndexOf("/usr/bin/prlimit");
        assertEquals(List.of("--cpu=3600", "--nproc=256", "--fsize=67108864", "--core=0", "--"),
                cmd.subList(prlimit + 1, prlimit + 6));
        List<String> java = cmd.subList(prlimit + 6, cmd.size());
        assertTrue(java.get(0).endsWith("/bin/java"));
        for (String flag : List.of("-Xmx256m", "-Xss512k", "-XX:MaxMetaspaceSize=96m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr", "-Xlog:all=warning:stderr", "io.berth.worker.WorkerMain")) {
            assertTrue(java.contains(flag), flag);
        }
        assertEquals("/berth/runtime/0.jar:/berth/runtime/1.jar", java.get(java.indexOf("-cp") + 1));
    }

    @Test
    void theDevelopmentModeHasNoSandboxButTheSameLimits() {
        WorkerSettings none = settings.toBuilder().sandbox(WorkerSettings.Sandbox.NONE).build();
        SandboxCommand.Launch l = SandboxCommand.of(none, TOOLS, jars, runtime, 900_001, Path.of("/f.bpf"));
        assertEquals("/usr/bin/prlimit", l.command().get(0));
        assertFalse(l.command().contains("/usr/bin/bwrap"));
        assertEquals(List.of("/staging/acme-x/0.jar", "/staging/acme-x/1.jar"), l.jarsInWorker());
    }

    @Test
    void followsTheJdksLinksOutOfItsHome() {
        // Debian's JDK keeps its configuration under /etc; elsewhere there may be none.
        Path home = SandboxCommand.realPath(settings.javaHome());
        SandboxCommand.linkTargets(home).forEach((inside, real) -> {
            assertFalse(inside.startsWith(home.toString()), inside);
            assertTrue(java.nio.file.Files.isRegularFile(real), real.toString());
        });
    }

    private static List<String> after(List<String> cmd, String flag, int skip, int count) {
        int i = cmd.indexOf(flag);
        if (count < 0) {
            return cmd.subList(i, i + 1 + skip);
        }
        return cmd.subList(i, i + count);
    }
}
