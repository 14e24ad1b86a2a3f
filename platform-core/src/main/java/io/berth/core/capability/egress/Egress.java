package io.berth.core.capability.egress;

import io.berth.sdk.HttpEgress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Outbound HTTP for plugins ({@code ToolContext.http()}). Berth speaks HTTP/1.1 itself over a socket to the address it
 * checked rather than through {@code java.net.http.HttpClient}: that client resolves names on its own (a second
 * lookup an attacker's DNS could answer differently) and will not let a caller set {@code Host} when connecting to an
 * address. TLS is layered on the connected socket with the host name as SNI and for certificate verification, so the
 * pinned address still has to prove it is that host. No client certificate and no cookie store exist, and no
 * credential of Berth's is ever added.
 */
@ApplicationScoped
public class Egress {

    /** Resolves a host name to every address it has. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Opens a TCP connection to an address that has been checked. */
    @FunctionalInterface
    interface Connector {
        Socket connect(InetSocketAddress to, int timeoutMillis) throws IOException;
    }

    @Inject
    EgressConfig config;

    @Inject
    EgressSettingsStore settings;

    Resolver resolver = InetAddress::getAllByName;
    Connector connector = Egress::plainConnect;
    private volatile SSLSocketFactory tls;

    /** For tests and wiring by hand. */
    public static Egress of(EgressConfig config, EgressSettingsStore settings) {
        Egress e = new Egress();
        e.config = config;
        e.settings = settings;
        return e;
    }

    /** Outbound HTTP for one call: the tenant's settings are read once, at its first request. */
    public HttpEgress forCall(String tenantId, String plugin, BooleanSupplier cancelled) {
        return new CallEgress(this, tenantId, plugin, () -> settings.get(tenantId), cancelled);
    }

    /** TLS over {@code socket}: SNI and certificate checked against the URL's host, TLS 1.2 or 1.3, HTTP/1.1. */
    Socket tls(Socket socket, Target target, long timeoutMillis) throws IOException {
        SSLSocket ssl = (SSLSocket) tlsFactory().createSocket(socket, target.host(), target.port(), true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (target.address() == null) {
            p.setServerNames(List.of(new SNIHostName(target.host())));
        }
        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        p.setApplicationProtocols(new String[] {"http/1.1"});
        ssl.setSSLParameters(p);
        ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
        ssl.startHandshake();
        return ssl;
    }

    void tlsFactory(SSLSocketFactory factory) {
        this.tls = factory;
    }

    private SSLSocketFactory tlsFactory() throws IOException {
        SSLSocketFactory f = tls;
        if (f == null) {
            try {
                // No key managers: Berth never presents a client certificate. Default trust: the JDK's CA store.
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, null, null);
                f = context.getSocketFactory();
                tls = f;
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS is unavailable", e);
            }
        }
        return f;
    }

    private static Socket plainConnect(InetSocketAddress to, int timeoutMillis) throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(to, timeoutMillis);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }
}
