package io.berth.core.plugin.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.berth.core.capability.CallCapabilities;
import io.berth.core.capability.Capabilities;
import io.berth.core.capability.TestTenants;
import io.berth.core.capability.data.DataConfig;
import io.berth.core.capability.data.PluginData;
import io.berth.core.capability.egress.Egress;
import io.berth.core.capability.egress.EgressConfig;
import io.berth.core.capability.egress.EgressSettingsStore;
import io.berth.core.capability.secrets.TenantSecrets;
import io.berth.core.security.TestSealing;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.Caller;
import io.berth.sdk.DataStore;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.Secret;
import io.berth.sdk.ToolException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Berth's real capabilities for worker tests: the data store and secrets in a migrated H2 database, egress with its
 * checks, and a local HTTP server to reach. {@link #context} is a host context granted as the MCP engine grants one
 * (for a tenant and the plugin being called), so the tests show that the host's scoping and checks decide.
 */
final class HostGrants implements AutoCloseable {

    /** Tenants: {@code acme} may reach the local server over plain HTTP; {@code closed} may reach nothing. */
    static final String OPEN = "acme";
    static final String CLOSED = "closed";
    static final int MAX_VALUE_BYTES = 65536;

    final Jdbc jdbc;
    final PluginData data;
    final TenantSecrets secrets;
    final Capabilities capabilities;
    final HttpServer server;
    /** The {@code Authorization} headers the server received. */
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();

    HostGrants(int maxResponseBodyBytes) throws IOException {
        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, OPEN, CLOSED);
        data = PluginData.of(jdbc, DataConfig.of(1_000_000, 1000, MAX_VALUE_BYTES), Clock.systemUTC());
        secrets = TenantSecrets.of(jdbc, TestSealing.sealer(TestSealing.loadedKeys(jdbc)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", this::echo);
        server.createContext("/bytes", x -> respond(x, 200, new byte[Integer.parseInt(x.getRequestURI().getQuery())]));
        server.createContext("/moved", x -> {
            x.getResponseHeaders().add("Location", "/echo");
            respond(x, 302, new byte[0]);
        });
        server.setExecutor(serverThreads);
        server.start();
        EgressSettingsStore settings = EgressSettingsStore.of(jdbc);
        settings.put(OPEN, List.of("127.0.0.1:" + port()), true, true, null);
        Egress egress = Egress.of(EgressConfig.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                1 << 20, maxResponseBodyBytes, 20, 8L << 20, 3), settings);
        capabilities = Capabilities.of(data, egress, secrets);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** A host context of a call of {@code plugin} for {@code tenant}, by {@code caller}. */
    GrantedContext context(String tenant, String plugin, Caller caller) {
        return new GrantedContext(tenant, capabilities.forCall(tenant, plugin, () -> false), caller);
    }

    GrantedContext context(String tenant, String plugin) {
        return context(tenant, plugin, Caller.anonymous());
    }

    /** Answers with the request: method, headers (by lower-case name) and body, as the response's headers and body. */
    private void echo(HttpExchange x) throws IOException {
        authorizations.addAll(x.getRequestHeaders().getOrDefault("Authorization", List.of()));
        Map<String, List<String>> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        seen.putAll(x.getRequestHeaders());
        x.getResponseHeaders().add("X-Method", x.getRequestMethod());
        x.getResponseHeaders().add("X-Test", String.join(",", seen.getOrDefault("X-Test", List.of())));
        x.getResponseHeaders().add("Content-Type", "application/octet-stream");
        respond(x, 201, x.getRequestBody().readAllBytes());
    }

    private static void respond(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        serverThreads.shutdownNow();
        MigratedH2.shutdown(jdbc);
    }

    /** A host context with the capabilities the MCP engine would grant it (as {@code CallContext} holds them). */
    static final class GrantedContext extends RecordingContext {
        private final CallCapabilities granted;
        private final Caller caller;

        GrantedContext(String tenant, CallCapabilities granted, Caller caller) {
            super(tenant);
            this.granted = granted;
            this.caller = caller;
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public DataStore data() {
            return granted.data();
        }

        @Override
        public HttpEgress http() {
            return granted.http();
        }

        @Override
        public Optional<Secret> secret(String name) throws ToolException {
            return granted.secret(name);
        }
    }
}
