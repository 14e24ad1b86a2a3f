package io.berth.core.capability.egress;

import io.berth.core.capability.egress.Headers.Header;
import io.berth.sdk.EgressRequest;
import io.berth.sdk.EgressResponse;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.ToolException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.net.ssl.SSLException;

/**
 * Outbound HTTP for one call of one plugin of one tenant. Every hop, redirects included, is checked from scratch:
 * scheme, allow-list, then every address the name resolves to; the connection then goes to an address that passed,
 * so DNS cannot answer differently between the check and the connect. The call's budget of requests and bytes spans
 * all hops; a plugin may send from several threads at once.
 */
final class CallEgress implements HttpEgress {

    private static final Logger LOG = Logger.getLogger(CallEgress.class.getName());
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Egress egress;
    private final String tenant;
    private final String plugin;
    private final Supplier<EgressSettings> settingsSource;
    private final BooleanSupplier cancelled;
    private volatile EgressSettings settings;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    CallEgress(Egress egress, String tenant, String plugin, Supplier<EgressSettings> settings,
               BooleanSupplier cancelled) {
        this.egress = egress;
        this.tenant = tenant;
        this.plugin = plugin;
        this.settingsSource = settings;
        this.cancelled = cancelled;
    }

    @Override
    public EgressResponse send(EgressRequest request) throws ToolException {
        String method = request.method();
        if (!METHODS.contains(method)) {
            throw new ToolException("Unsupported HTTP method: use one of " + METHODS);
        }
        List<Header> headers = Headers.outbound(request.headers());
        byte[] body = request.body().orElse(null);
        if (body != null && body.length > egress.config.maxRequestBodyBytes()) {
            throw new ToolException("A request body may be at most " + egress.config.maxRequestBodyBytes() + " bytes");
        }
        Duration timeout = egress.config.timeout(request.timeout().orElse(null));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new ToolException("A request time-out must be positive");
        }
        Target target = Target.parse(request.url());
        for (int redirects = 0; ; redirects++) {
            EgressResponse response = once(method, target, headers, body, timeout);
            Optional<String> location = response.header("location");
            if (!request.followRedirects() || !REDIRECTS.contains(response.status()) || location.isEmpty()) {
                return response;
            }
            if (redirects >= egress.config.maxRedirects()) {
                throw new ToolException("More than " + egress.config.maxRedirects() + " redirects, last from "
                        + target.authority());
            }
            Target next = target.resolve(location.get());
            int status = response.status();
            if (status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST")) {
                method = "GET";
                body = null;
                headers = Headers.withoutBodyHeaders(headers);
            }
            if (!next.origin().equals(target.origin())) {
                headers = Headers.withoutCredentials(headers);
            }
            target = next;
        }
    }

    private EgressResponse once(String method, Target target, List<Header> headers, byte[] body, Duration timeout)
            throws ToolException {
        if (cancelled.getAsBoolean()) {
            throw new ToolException("The call was cancelled");
        }
        if (requests.incrementAndGet() > egress.config.maxRequestsPerCall()) {
            throw new ToolException("This call has used all " + egress.config.maxRequestsPerCall()
                    + " outbound requests it may make");
        }
        charge(body == null ? 0 : body.length);
        InetAddress[] addresses = permitted(target);
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] head = head(method, target, headers, body);
        try (Socket socket = connect(addresses, target, deadline)) {
            Socket channel = target.https() ? egress.tls(socket, target, remainingMillis(deadline)) : socket;
            return Http1Exchange.exchange(channel, deadline, cancelled, head, body, method.equals("HEAD"),
                    responseAllowance());
        } catch (Http1Exchange.CancelledException e) {
            throw new ToolException("The call was cancelled");
        } catch (SocketTimeoutException e) {
            throw new ToolException("The request to " + target.authority() + " timed out");
        } catch (SSLException e) {
            throw new ToolException("TLS with " + target.authority() + " failed (certificate not trusted or not for "
                    + "this host, or no common protocol)");
        } catch (IOException e) {
            throw new ToolException("The connection to " + target.authority() + " failed");
        }
    }

    /** The addresses this hop may connect to; throws with the reason when the tenant's rules refuse the hop. */
    private InetAddress[] permitted(Target target) throws ToolException {
        EgressSettings s = settings();
        if (!target.https() && !s.allowHttp()) {
            throw refused(target, "only https is allowed for this tenant");
        }
        if (!AllowList.of(s.allowedHosts()).allows(target)) {
            throw refused(target, "the host is not on the tenant's egress allow-list");
        }
        InetAddress[] addresses = resolve(target);
        for (InetAddress a : addresses) {
            Optional<AddressClassifier.Refusal> refusal = AddressClassifier.refusal(a);
            if (refusal.isPresent() && (refusal.get().always() || !s.allowPrivateAddresses())) {
                throw refused(target, "it resolves to " + refusal.get().reason()
                        + (refusal.get().always() ? "" : ", and the tenant does not allow private addresses"));
            }
        }
        return addresses;
    }

    private InetAddress[] resolve(Target target) throws ToolException {
        try {
            InetAddress[] addresses = target.address() != null
                    ? new InetAddress[] {InetAddress.getByAddress(target.address())}
                    : egress.resolver.resolve(target.host());
            if (addresses.length == 0) {
                throw new UnknownHostException();
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new ToolException("The host " + target.host() + " could not be resolved");
        }
    }

    /** Connects to the first checked address that answers; never resolves the name again. */
    private Socket connect(InetAddress[] addresses, Target target, long deadline) throws IOException, ToolException {
        IOException last = null;
        for (InetAddress a : addresses) {
            int wait = (int) Math.min(egress.config.connectTimeout().toMillis(), remainingMillis(deadline));
            try {
                return egress.connector.connect(new InetSocketAddress(a, target.port()), wait);
            } catch (IOException e) {
                last = e;
            }
        }
        if (last instanceof SocketTimeoutException timeout) {
            throw timeout;
        }
        throw new ToolException("Could not connect to " + target.authority()
                + (last instanceof ConnectException ? " (connection refused)" : ""));
    }

    private static long remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        return left;
    }

    private static byte[] head(String method, Target target, List<Header> headers, byte[] body) {
        StringBuilder h = new StringBuilder(256);
        h.append(method).append(' ').append(target.requestTarget()).append(" HTTP/1.1\r\n");
        h.append("Host: ").append(target.hostHeader()).append("\r\n");
        boolean agent = false;
        for (Header header : headers) {
            agent |= header.is("user-agent");
            h.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (!agent) {
            h.append("User-Agent: Berth-Egress\r\n");
        }
        if (body != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            h.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        h.append("Connection: close\r\n\r\n");
        return Http1Exchange.ascii(h.toString());
    }

    /** One response's body: at most the configured size, and within what is left of the call's bytes. */
    private Http1Exchange.Allowance responseAllowance() {
        long[] taken = {0};
        return n -> {
            taken[0] += n;
            if (taken[0] > egress.config.maxResponseBodyBytes()) {
                throw new ToolException("The response body is larger than " + egress.config.maxResponseBodyBytes()
                        + " bytes");
            }
            charge(n);
        };
    }

    private void charge(long n) throws ToolException {
        if (bytes.addAndGet(n) > egress.config.maxBytesPerCall()) {
            throw new ToolException("This call has used all " + egress.config.maxBytesPerCall()
                    + " bytes of outbound HTTP it may transfer");
        }
    }

    private EgressSettings settings() {
        EgressSettings s = settings;
        if (s == null) {
            s = settingsSource.get(); // read once per call: a change applies from the next call on
            settings = s;
        }
        return s;
    }

    private ToolException refused(Target target, String reason) {
        LOG.fine(() -> "Tenant " + tenant + ": egress of plugin " + plugin + " to " + target.authority()
                + " refused: " + reason);
        return new ToolException("Outbound request to " + target.authority() + " refused: " + reason);
    }
}
