package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Caller;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * {@code caller()} and {@code secret(name)} of a worker plugin are the host's answers for the call. A secret's value
 * crosses only in the answer to the plugin's own request: it reaches the server the plugin sends it to, and no host log
 * record (at any level, worker diagnostics included) and no line of the worker's stderr ever shows it.
 */
class WorkerPluginsGetCallerAndSecretsFromTheHostTest {

    private static final String VALUE = "ghp_WorkerSecretValue0123456789";
    private static final Logger BERTH = Logger.getLogger("io.berth");
    private static final List<String> LOGGED = new CopyOnWriteArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringWriter text = new StringWriter();
            text.append(String.valueOf(r.getMessage())).append(' ').append(String.valueOf(
                    r.getParameters() == null ? "" : List.of(r.getParameters())));
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(text));
            }
            LOGGED.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private static Level previous;
    private static HostGrants host;
    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        previous = BERTH.getLevel();
        BERTH.setLevel(Level.ALL);
        CAPTURE.setLevel(Level.ALL);
        BERTH.addHandler(CAPTURE);
        host = new HostGrants(1 << 20);
        host.secrets.put(HostGrants.OPEN, "api-token", VALUE, null);
        host.secrets.put(HostGrants.OPEN, "other-plugins", "not for caps", "other");
        host.secrets.put(HostGrants.CLOSED, "api-token", "closed's " + VALUE, null);
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy(HostGrants.OPEN, List.of(CapabilityPluginJar.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
        if (host != null) {
            host.close();
        }
        BERTH.removeHandler(CAPTURE);
        BERTH.setLevel(previous);
    }

    @Test
    void theCallerIsTheHostContexts() throws Exception {
        assertEquals("anonymous|null|[]", Workers.text(Workers.call(plugins, "whoami", Map.of(),
                host.context(HostGrants.OPEN, "caps"))));
        Caller agent = new Caller("key-7", "client-7", Set.of("crm.write", "crm.read"));
        assertEquals("key-7|client-7|[crm.read, crm.write]", Workers.text(Workers.call(plugins, "whoami", Map.of(),
                host.context(HostGrants.OPEN, "caps", agent))));
        assertEquals("ToolException: Caller identity is not available here", Workers.text(Workers.call(plugins,
                "whoami", Map.of(), new RecordingContext("acme"))));
    }

    @Test
    void secretsAreTheTenantsAndThePluginsOnly() throws Exception {
        assertEquals("present Secret[api-token, value hidden], " + VALUE.length() + " chars", secret("api-token"));
        assertEquals("absent", secret("other-plugins"), "restricted to another plugin");
        assertEquals("absent", secret("missing"));
        assertEquals("ToolException: Invalid secret name: 1 to 64 letters, digits, '.', '_' or '-', starting with a "
                + "letter", secret("no spaces"));
        assertEquals("ToolException: Secrets are not available here", Workers.text(Workers.call(plugins, "secret",
                Map.of("name", "api-token"), new RecordingContext("acme"))));
    }

    private static String secret(String name) throws Exception {
        return Workers.text(Workers.call(plugins, "secret", Map.of("name", name),
                host.context(HostGrants.OPEN, "caps")));
    }

    @Test
    void aSecretsValueIsUsedButNeverLogged() throws Exception {
        ToolResult sent = Workers.call(plugins, "fetch", Map.of("url", host.url("/echo"), "secret", "api-token"),
                host.context(HostGrants.OPEN, "caps"));
        assertFalse(sent.isError(), () -> Workers.text(sent));
        assertEquals(List.of("Bearer " + VALUE), host.authorizations, "the value reached the server it was sent to");
        // refused on the host with the value in a header; and a header the host refuses
        ToolResult refused = Workers.call(plugins, "fetch", Map.of("url", host.url("/echo"), "secret", "api-token"),
                host.context(HostGrants.CLOSED, "caps"));
        assertTrue(refused.isError());
        Workers.call(plugins, "fetch", Map.of("url", host.url("/echo"), "secret", "api-token", "header", "Bad Name",
                "headerValue", VALUE), host.context(HostGrants.OPEN, "caps"));

        WorkerProcess worker = pool.worker(HostGrants.OPEN).current();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (LOGGED.stream().noneMatch(l -> l.contains("sending with Secret[api-token, value hidden]"))) {
            assertTrue(System.nanoTime() < deadline, "the worker's stderr reached the host's log: " + LOGGED);
            Thread.sleep(20);
        }
        assertFalse(worker.tail().contains(VALUE), "the worker's stderr");
        for (String line : LOGGED) {
            assertFalse(line.contains(VALUE) || line.contains("WorkerSecretValue"), "logged: " + line);
        }
    }
}
