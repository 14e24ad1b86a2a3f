package io.berth.core.capability.egress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** The {@code berth.egress.*} settings: the limits every tenant's outbound HTTP runs under. */
@ApplicationScoped
public class EgressConfig {

    @Inject
    @ConfigProperty(name = "berth.egress.connect-timeout-ms")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.egress.default-timeout-ms")
    long defaultTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.egress.max-timeout-ms")
    long maxTimeoutMs;

    @Inject
    @ConfigProperty(name = "berth.egress.max-request-body-bytes")
    int maxRequestBodyBytes;

    @Inject
    @ConfigProperty(name = "berth.egress.max-response-body-bytes")
    int maxResponseBodyBytes;

    @Inject
    @ConfigProperty(name = "berth.egress.max-requests-per-call")
    int maxRequestsPerCall;

    @Inject
    @ConfigProperty(name = "berth.egress.max-bytes-per-call")
    long maxBytesPerCall;

    @Inject
    @ConfigProperty(name = "berth.egress.max-redirects")
    int maxRedirects;

    /** For tests and wiring by hand. */
    public static EgressConfig of(Duration connectTimeout, Duration defaultTimeout, Duration maxTimeout,
                                  int maxRequestBodyBytes, int maxResponseBodyBytes, int maxRequestsPerCall,
                                  long maxBytesPerCall, int maxRedirects) {
        EgressConfig c = new EgressConfig();
        c.connectTimeoutMs = connectTimeout.toMillis();
        c.defaultTimeoutMs = defaultTimeout.toMillis();
        c.maxTimeoutMs = maxTimeout.toMillis();
        c.maxRequestBodyBytes = maxRequestBodyBytes;
        c.maxResponseBodyBytes = maxResponseBodyBytes;
        c.maxRequestsPerCall = maxRequestsPerCall;
        c.maxBytesPerCall = maxBytesPerCall;
        c.maxRedirects = maxRedirects;
        return c;
    }

    Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }

    /** The time one exchange (connect, send, whole response) may take: the request's own, capped at the maximum. */
    Duration timeout(Duration requested) {
        Duration max = Duration.ofMillis(maxTimeoutMs);
        Duration t = requested == null ? Duration.ofMillis(defaultTimeoutMs) : requested;
        return t.compareTo(max) > 0 ? max : t;
    }

    int maxRequestBodyBytes() {
        return maxRequestBodyBytes;
    }

    int maxResponseBodyBytes() {
        return maxResponseBodyBytes;
    }

    int maxRequestsPerCall() {
        return maxRequestsPerCall;
    }

    long maxBytesPerCall() {
        return maxBytesPerCall;
    }

    int maxRedirects() {
        return maxRedirects;
    }
}
