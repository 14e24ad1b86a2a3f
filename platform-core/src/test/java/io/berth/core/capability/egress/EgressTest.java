package io.berth.core.capability.egress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.berth.core.capability.TestTenants;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.EgressRequest;
import io.berth.sdk.EgressResponse;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.ToolException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Egress against a local HTTP server. Names ending in {@code .test} resolve through a table; "public" addresses are
 * connected to the local server by a test connector, which also records every address a connection was opened to,
 * so a test can show that a refused address was never contacted.
 */
class EgressTest {

    private static final String PUBLIC = "93.184.216.34";
    private static final String PUBLIC_2 = "93.184.216.35";
    private static HttpServer server;
    private static Jdbc jdbc;
    private static EgressSettingsStore settings;
    private final List<InetAddress> connected = new CopyOnWriteArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Egress egress;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", x -> respond(x, 200, echo(x)));
        server.createContext("/big", x -> respond(x, 200, "x".repeat(20_000)));
        server.createContext("/medium", x -> respond(x, 200, "m".repeat(9_000)));
        server.createContext("/chunked", x -> {
            x.sendResponseHeaders(200, 0); // length 0: chunked
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 30; i++) {
                    out.write("y".repeat(500).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/small-chunked", x -> {
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write("part one, ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("part two".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/slow", x -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(x, 200, "late");
        });
        server.createContext("/redirect", x -> {
            String to = x.getRequestURI().getQuery().substring("to=".length());
            x.getResponseHeaders().add("Location", to);
            respond(x, 302, "");
        });
        server.createContext("/see-other", x -> {
            x.getResponseHeaders().add("Location", "/echo");
            respond(x, 303, "");
        });
        server.createContext("/loop", x -> {
            x.getResponseHeaders().add("Location", "/loop");
            respond(x, 307, "");
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, "acme", "other");
        settings = EgressSettingsStore.of(jdbc);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        MigratedH2.shutdown(jdbc);
    }

    @BeforeEach
    void wire() {
        egress = Egress.of(EgressConfig.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                1000, 10_000, 6, 40_000, 3), settings);
        egress.resolver = EgressTest::resolve;
        egress.connector = (to, timeout) -> {
            connected.add(to.getAddress());
            InetAddress a = to.getAddress();
            int port = a.isLoopbackAddress() ? to.getPort() : server.getAddress().getPort();
            if (!a.isLoopbackAddress() && !a.getHostAddress().startsWith("93.184.216.")) {
                throw new IOException("the test network has no route to " + a);
            }
            Socket s = new Socket();
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
            return s;
        };
        allow(List.of("public.test", "www.public.test", "mixed.test", "internal.test", "meta.test", "localhost:"
                + port(), "127.0.0.1:" + port()), true, false);
    }

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        return switch (host) {
            case "public.test" -> addresses(PUBLIC);
            case "www.public.test" -> addresses(PUBLIC_2);
            case "mixed.test" -> addresses(PUBLIC, "10.0.0.7");
            case "internal.test" -> addresses("10.0.0.5");
            case "meta.test" -> addresses("169.254.169.254");
            case "localhost" -> addresses("127.0.0.1");
            default -> throw new UnknownHostException(host);
        };
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] out = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            out[i] = InetAddress.getByName(literals[i]);
        }
        return out;
    }

    private void allow(List<String> hosts, boolean http, boolean privateAddresses) {
        settings.put("acme", hosts, http, privateAddresses, null);
    }

    private HttpEgress http() {
        return egress.forCall("acme", "fetch.jar", cancelled::get);
    }

    private static int port() {
        return server.getAddress().getPort();
    }

    @Test
    void aPublicAllowedHostIsReached() throws ToolException {
        EgressResponse r = http().send(EgressRequest.get("http://public.test/echo?x=1"));
        assertEquals(200, r.status());
        assertTrue(r.text().contains("GET /echo?x=1"), r.text());
        assertEquals(PUBLIC, connected.get(0).getHostAddress(), "connected to the address that was checked");
    }

    @Test
    void theLoopbackServerIsRefusedUnlessTheTenantAllowsPrivateAddresses() throws ToolException {
        ToolException e = assertThrows(ToolException.class,
                () -> http().send(EgressRequest.get("http://localhost:" + port() + "/echo")));
        assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        assertTrue(e.getMessage().contains("does not allow private addresses"), e.getMessage());
        assertTrue(connected.isEmpty());

        allow(List.of("localhost:" + port(), "127.0.0.1:" + port()), true, true);
        assertEquals(200, http().send(EgressRequest.get("http://localhost:" + port() + "/echo")).status());
        assertEquals(200, http().send(EgressRequest.get("http://127.0.0.1:" + port() + "/echo")).status());
    }

    @Test
    void aNameWithAnyPrivateAddressIsRefused() {
        ToolException e = assertThrows(ToolException.class,
                () -> http().send(EgressRequest.get("http://mixed.test/echo")));
        assertTrue(e.getMessage().contains("private address"), e.getMessage());
        assertTrue(connected.isEmpty());
    }

    @Test
    void metadataEndpointsAreRefusedEvenWhenPrivateAddressesAreAllowed() {
        allow(List.of("meta.test", "169.254.169.254"), true, true);
        for (String url : List.of("http://meta.test/latest/meta-data/", "http://169.254.169.254/latest/meta-data/")) {
            ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.get(url)));
            assertTrue(e.getMessage().contains("metadata"), e.getMessage());
        }
        assertTrue(connected.isEmpty());
    }

    @Test
    void aRedirectToAPrivateAddressIsRefused() {
        ToolException e = assertThrows(ToolException.class, () -> http().send(
                EgressRequest.get("http://public.test/redirect?to=http://internal.test/echo")));
        assertTrue(e.getMessage().contains("internal.test"), e.getMessage());
        assertTrue(e.getMessage().contains("private address"), e.getMessage());
        assertEquals(1, connected.size(), "only the first hop was connected");
    }

    @Test
    void aRedirectToAHostOffTheListOrToMetadataIsRefused() {
        ToolException e = assertThrows(ToolException.class, () -> http().send(
                EgressRequest.get("http://public.test/redirect?to=http://169.254.169.254/latest/")));
        assertTrue(e.getMessage().contains("169.254.169.254"), e.getMessage());
        ToolException off = assertThrows(ToolException.class, () -> http().send(
                EgressRequest.get("http://public.test/redirect?to=http://elsewhere.example/")));
        assertTrue(off.getMessage().contains("allow-list"), off.getMessage());
    }

    @Test
    void redirectsAreFollowedAndCredentialsStayWithTheirOrigin() throws ToolException {
        EgressResponse same = http().send(EgressRequest.builder("GET", "http://public.test/redirect?to=/echo")
                .header("Authorization", "Bearer t0ken").build());
        assertTrue(same.text().contains("authorization: Bearer t0ken"), same.text());
        EgressResponse cross = http().send(EgressRequest.builder("GET",
                        "http://public.test/redirect?to=http://www.public.test/echo")
                .header("Authorization", "Bearer t0ken").header("Cookie", "a=b").header("X-Trace", "1").build());
        assertEquals(200, cross.status());
        assertFalse(cross.text().contains("t0ken"), cross.text());
        assertFalse(cross.text().contains("cookie"), cross.text());
        assertTrue(cross.text().contains("x-trace: 1"), cross.text());
        assertTrue(cross.text().contains("host: www.public.test"), cross.text());
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() throws ToolException {
        EgressResponse r = http().send(EgressRequest.builder("POST", "http://public.test/see-other")
                .body("application/json", "{\"a\":1}").build());
        assertTrue(r.text().startsWith("GET /echo"), r.text());
        assertFalse(r.text().contains("content-type"), r.text());
    }

    @Test
    void redirectsCanBeReturnedInsteadOfFollowed() throws ToolException {
        EgressResponse r = http().send(EgressRequest.builder("GET", "http://public.test/redirect?to=/echo")
                .followRedirects(false).build());
        assertEquals(302, r.status());
        assertEquals("/echo", r.header("Location").orElseThrow());
    }

    @Test
    void redirectLoopsEnd() {
        ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.get(
                "http://public.test/loop")));
        assertTrue(e.getMessage().contains("More than 3 redirects"), e.getMessage());
    }

    @Test
    void httpsOnlyUnlessTheTenantAllowsHttp() {
        allow(List.of("public.test"), false, false);
        ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.get(
                "http://public.test/echo")));
        assertTrue(e.getMessage().contains("only https"), e.getMessage());
    }

    @Test
    void hostsOffTheAllowListAndOtherTenantsListsAreRefused() {
        settings.put("other", List.of("elsewhere.test"), true, true, null);
        ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.get(
                "http://elsewhere.test/")));
        assertTrue(e.getMessage().contains("not on the tenant's egress allow-list"), e.getMessage());
        ToolException none = assertThrows(ToolException.class, () -> egress.forCall("bravo-none", "p", () -> false)
                .send(EgressRequest.get("https://public.test/")));
        assertTrue(none.getMessage().contains("allow-list"), none.getMessage());
    }

    @Test
    void berthOwnedAndHopByHopHeadersAreNotSent() throws ToolException {
        EgressResponse r = http().send(EgressRequest.builder("GET", "http://public.test/echo")
                .header("Host", "evil.example").header("Connection", "keep-alive, X-Secret")
                .header("Transfer-Encoding", "chunked").header("Proxy-Authorization", "Basic abc")
                .header("Content-Length", "99").header("Upgrade", "h2c").header("Accept", "text/plain").build());
        String echo = r.text();
        assertTrue(echo.contains("host: public.test\n"), echo);
        assertTrue(echo.contains("connection: close\n"), echo);
        assertTrue(echo.contains("accept: text/plain"), echo);
        for (String absent : List.of("evil.example", "keep-alive", "transfer-encoding", "proxy-authorization",
                "upgrade", "content-length")) {
            assertFalse(echo.contains(absent), absent + " in " + echo);
        }
        assertFalse(r.headers().containsKey("connection"));
        assertFalse(r.headers().containsKey("transfer-encoding"));
    }

    @Test
    void headerInjectionIsRefused() {
        for (String[] h : List.of(new String[] {"X-A", "v\r\nX-Injected: 1"}, new String[] {"X-A", "v\nx"},
                new String[] {"X A", "v"}, new String[] {"X-A:", "v"}, new String[] {"X-A", "nul\u0000"})) {
            assertThrows(ToolException.class, () -> http().send(EgressRequest.builder("GET",
                    "http://public.test/echo").header(h[0], h[1]).build()), h[0] + "=" + h[1]);
        }
        assertTrue(connected.isEmpty());
        assertThrows(ToolException.class, () -> http().send(EgressRequest.builder("CONNECT", "http://public.test/")
                .build()));
        assertThrows(ToolException.class, () -> http().send(EgressRequest.builder("TRACE", "http://public.test/")
                .build()));
    }

    @Test
    void bodiesGoOutAndComeBack() throws ToolException {
        EgressResponse r = http().send(EgressRequest.builder("POST", "http://public.test/echo")
                .body("application/json", "{\"n\":1}").build());
        assertTrue(r.text().contains("content-length: 7"), r.text());
        assertTrue(r.text().endsWith("{\"n\":1}"), r.text());
        assertEquals("part one, part two", http().send(EgressRequest.get("http://public.test/small-chunked")).text());
    }

    @Test
    void responsesAboveTheCapAreRefused() {
        ToolException fixed = assertThrows(ToolException.class,
                () -> http().send(EgressRequest.get("http://public.test/big")));
        assertTrue(fixed.getMessage().contains("larger than 10000 bytes"), fixed.getMessage());
        ToolException chunked = assertThrows(ToolException.class,
                () -> http().send(EgressRequest.get("http://public.test/chunked")));
        assertTrue(chunked.getMessage().contains("larger than 10000 bytes"), chunked.getMessage());
    }

    @Test
    void requestBodiesAboveTheCapAreRefused() {
        assertThrows(ToolException.class, () -> http().send(EgressRequest.builder("POST", "http://public.test/echo")
                .body(new byte[1001]).build()));
    }

    @Test
    void aCallHasABudgetOfRequestsAndBytes() throws ToolException {
        HttpEgress once = http();
        for (int i = 0; i < 6; i++) {
            once.send(EgressRequest.get("http://public.test/echo"));
        }
        ToolException e = assertThrows(ToolException.class, () -> once.send(EgressRequest.get(
                "http://public.test/echo")));
        assertTrue(e.getMessage().contains("all 6 outbound requests"), e.getMessage());
        http().send(EgressRequest.get("http://public.test/echo")); // the next call starts afresh

        HttpEgress bytes = http();
        for (int i = 0; i < 4; i++) {
            bytes.send(EgressRequest.get("http://public.test/medium")); // 9,000 bytes each, 36,000 of 40,000
        }
        ToolException b = assertThrows(ToolException.class, () -> bytes.send(EgressRequest.get(
                "http://public.test/medium")));
        assertTrue(b.getMessage().contains("all 40000 bytes of outbound HTTP"), b.getMessage());
    }

    @Test
    void slowServersTimeOut() {
        long start = System.nanoTime();
        ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.builder("GET",
                "http://public.test/slow").timeout(Duration.ofMillis(300)).build()));
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        assertTrue(System.nanoTime() - start < 1_500_000_000L);
    }

    @Test
    void aCancelledCallSendsNothing() {
        cancelled.set(true);
        ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.get(
                "http://public.test/echo")));
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertTrue(connected.isEmpty());
    }

    @Test
    void unknownHostsAreReportedWithoutTheUrl() {
        allow(List.of("nowhere.test"), true, false);
        ToolException e = assertThrows(ToolException.class, () -> http().send(EgressRequest.get(
                "http://nowhere.test/?apikey=s3cr3t")));
        assertTrue(e.getMessage().contains("nowhere.test could not be resolved"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    /** Request line and headers (lower-case names, sorted), then the body. */
    private static String echo(HttpExchange x) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(x.getRequestMethod()).append(' ').append(x.getRequestURI()).append('\n');
        x.getRequestHeaders().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue()
                .forEach(v -> b.append(e.getKey().toLowerCase(Locale.ROOT)).append(": ").append(v).append('\n')));
        b.append('\n').append(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        return b.toString();
    }

    private static void respond(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
