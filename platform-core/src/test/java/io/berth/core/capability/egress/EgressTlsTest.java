package io.berth.core.capability.egress;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.berth.core.capability.TestTenants;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;
import io.berth.sdk.EgressRequest;
import io.berth.sdk.ToolException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS over a pinned address: the connection goes to the address Berth checked, yet the certificate must still be
 * valid for the URL's host name (sent as SNI), so pinning does not weaken server authentication.
 */
class EgressTlsTest {

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static SSLContext clientTrust;
    private static Jdbc jdbc;
    private static Egress egress;

    @BeforeAll
    static void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=egress.test", "-ext", "SAN=dns:egress.test", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", x -> {
            byte[] body = ("hello over TLS, host " + x.getRequestHeaders().getFirst("Host"))
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();

        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        clientTrust = SSLContext.getInstance("TLS");
        clientTrust.init(null, tmf.getTrustManagers(), null);

        jdbc = MigratedH2.create();
        TestTenants.create(jdbc, "acme");
        EgressSettingsStore settings = EgressSettingsStore.of(jdbc);
        settings.put("acme", List.of("egress.test", "impostor.test"), false, false, null);
        egress = Egress.of(EgressConfig.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
                1000, 10_000, 10, 100_000, 3), settings);
        egress.tlsFactory(clientTrust.getSocketFactory());
        egress.resolver = host -> {
            if (host.endsWith(".test")) {
                return new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            }
            throw new UnknownHostException(host);
        };
        egress.connector = (to, timeout) -> {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort()), timeout);
            return s;
        };
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        MigratedH2.shutdown(jdbc);
    }

    @Test
    void aPinnedAddressStillHasToProveItIsTheHost() throws ToolException {
        var r = egress.forCall("acme", "p.jar", () -> false).send(EgressRequest.get("https://egress.test/x"));
        assertEquals(200, r.status());
        assertEquals("hello over TLS, host egress.test", r.text());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        ToolException e = assertThrows(ToolException.class, () -> egress.forCall("acme", "p.jar", () -> false)
                .send(EgressRequest.get("https://impostor.test/x")));
        assertTrue(e.getMessage().contains("TLS with impostor.test failed"), e.getMessage());
    }
}
