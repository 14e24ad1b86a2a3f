package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What plugin code in a worker cannot do: see the host's files, reach the network, keep privileges, or grow files and
 * memory past its limits. Each check is made from inside the sandbox by the test plugin.
 */
class SandboxConfinesPluginCodeTest {

    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @TempDir
    static Path hostDataDir;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void cannotReadTheHostsFiles() throws Exception {
        Path secret = Files.writeString(hostDataDir.resolve("tenant-data.txt"), "another tenant's data");
        for (String path : List.of("/etc/passwd", "/etc/shadow", secret.toString(), "/root/.m2/settings.xml",
                System.getProperty("user.dir") + "/pom.xml", "/sys/kernel/notes")) {
            ToolResult r = Workers.call(plugins, "read", Map.of("path", path));
            assertTrue(r.isError(), path + " was readable: " + Workers.text(r));
            assertTrue(Workers.text(r).startsWith("NoSuchFileException"), path + ": " + Workers.text(r));
        }
        assertTrue(Workers.text(Workers.call(plugins, "read", Map.of("path", "/etc/hostname"))).startsWith(
                "NoSuchFileException"));
        // PID 1 of the sandbox is bwrap's own init: its environment is the launcher's, which Berth empties
        String init = Workers.text(Workers.call(plugins, "read", Map.of("path", "/proc/1/environ")));
        assertEquals("READ:PATH=/usr/bin:/bin\0PWD=/\0", init);
    }

    @Test
    void cannotOpenANetworkConnection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                try {
                    server.setSoTimeout(3000);
                    while (true) {
                        try (Socket s = server.accept()) {
                            accepted.incrementAndGet();
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // no more connections
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.start();
            for (String host : List.of("127.0.0.1", "::1", "localhost")) {
                ToolResult r = Workers.call(plugins, "connect", Map.of("host", host,
                        "port", Integer.toString(server.getLocalPort())));
                assertTrue(r.isError(), host + ": " + Workers.text(r));
                // seccomp refuses the socket itself: the plugin never gets as far as a connection attempt
                assertTrue(Workers.text(r).contains("Operation not permitted")
                        || Workers.text(r).contains("UnknownHost"), host + ": " + Workers.text(r));
            }
            acceptor.join();
            assertEquals(0, accepted.get(), "the test's server saw a connection");
        }
    }

    @Test
    void runsUnprivilegedWithSeccompAndAnEmptyEnvironment() throws Exception {
        Map<String, Object> s = Workers.call(plugins, "status", Map.of()).structuredContent();
        assertTrue(((String) s.get("Uid")).startsWith("65534"), "uid " + s.get("Uid"));
        assertEquals("0000000000000000", s.get("CapEff"));
        assertEquals("0000000000000000", s.get("CapBnd"));
        assertEquals("1", s.get("NoNewPrivs"));
        assertEquals("2", s.get("Seccomp"), "filter mode");
        assertEquals("{LANG=C.UTF-8, MALLOC_ARENA_MAX=2, PWD=/tmp}", s.get("env"));
        assertEquals("[berth, dev, etc, lib, lib64, proc, tmp, usr]", s.get("root"));
        assertEquals("/tmp", s.get("tmpdir"));
    }

    @Test
    void runsAsAnUnprivilegedHostUserWhenBerthIsRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Launcher.effectiveUid() == 0, "Berth is not root here");
        long java = pool.status("acme").orElseThrow().javaPid().orElseThrow();
        String uidLine = Files.readAllLines(Path.of("/proc/" + java + "/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
        int hostUid = Integer.parseInt(uidLine.substring(4).trim().split("\\s+")[0]);
        assertTrue(hostUid >= WorkerSettings.defaults().uidBase(), "host uid " + hostUid);
    }

    @Test
    void canWriteOnlyItsOwnSmallTmp() throws Exception {
        ToolResult usr = Workers.call(plugins, "write", Map.of("path", "/usr/lib/evil.so", "mb", "1"));
        assertTrue(Workers.text(usr).contains("Read-only file system"), Workers.text(usr));
        ToolResult jar = Workers.call(plugins, "write", Map.of("path", "/berth/plugins/0.jar", "mb", "1"));
        assertTrue(jar.isError(), Workers.text(jar));
        ToolResult big = Workers.call(plugins, "write", Map.of("path", "/tmp/big", "mb", "100"));
        assertTrue(big.isError(), Workers.text(big));
        assertFalse(Workers.text(big).contains("WROTE"));
        // the file-size limit (64 MiB) or the /tmp size (64 MiB), whichever is hit first, and the worker lives on
        assertEquals("alive", Workers.text(Workers.call(plugins, "echo", Map.of("text", "alive"))));
    }
}
