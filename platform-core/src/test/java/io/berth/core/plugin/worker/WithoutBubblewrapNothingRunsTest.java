package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The worker tier fails closed: without bubblewrap no worker starts and no plugin code runs; only the explicit
 * development mode runs workers unconfined.
 */
class WithoutBubblewrapNothingRunsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingBwrapRefusesTheDeployWithAClearMessage() {
        WorkerSettings settings = Workers.sandboxed().toBuilder().bwrap(Path.of("/nonexistent/bwrap")).build();
        try (WorkerPool pool = new WorkerPool(settings)) {
            WorkerStartException e = assertThrows(WorkerStartException.class,
                    () -> pool.deploy("acme", List.of(Workers.jar())));
            assertTrue(e.getMessage().startsWith("bubblewrap (bwrap) is not at /nonexistent/bwrap"), e.getMessage());
            assertTrue(pool.status("acme").isEmpty());
        }
    }

    @Test
    void aBwrapThatCannotSandboxRefusesTheDeploy() throws Exception {
        Path fake = dir.resolve("bwrap");
        Files.writeString(fake, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
        // readable and executable by the unprivileged uid the launcher runs it as when the tests run as root
        Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        WorkerSettings settings = Workers.sandboxed().toBuilder().bwrap(fake).build();
        try (WorkerPool pool = new WorkerPool(settings)) {
            WorkerStartException e = assertThrows(WorkerStartException.class,
                    () -> pool.deploy("acme", List.of(Workers.jar())));
            assertTrue(e.getMessage().contains("No permissions to create new namespace"), e.getMessage());
        }
    }

    @Test
    void theDevelopmentModeRunsUnconfinedOnlyWhenAskedTo() throws Exception {
        WorkerSettings settings = Workers.sandboxed().toBuilder().sandbox(WorkerSettings.Sandbox.NONE)
                .bwrap(Path.of("/nonexistent/bwrap")).build();
        try (WorkerPool pool = new WorkerPool(settings)) {
            List<WorkerPlugin> plugins = pool.deploy("acme", List.of(Workers.jar()));
            assertEquals("dev", Workers.text(Workers.call(plugins, "echo", Map.of("text", "dev"))));
            Map<String, Object> status = Workers.call(plugins, "status", Map.of()).structuredContent();
            assertEquals("0", status.get("Seccomp"), "no filter in development mode");
        }
    }
}
