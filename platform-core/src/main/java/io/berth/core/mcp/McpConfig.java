package io.berth.core.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code berth.mcp.*} settings. */
@ApplicationScoped
public class McpConfig {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    @Inject
    @ConfigProperty(name = "berth.mcp.max-body-bytes")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "berth.mcp.max-json-depth")
    int maxJsonDepth;

    @Inject
    @ConfigProperty(name = "berth.mcp.sse-poll-after-ms")
    long ssePollAfterMs;

    @Inject
    @ConfigProperty(name = "berth.mcp.allowed-hosts")
    Optional<String> allowedHosts;

    private volatile Set<String> hosts;

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * After how long a session-era call still running has its response stream closed by the server, so the client
     * resumes it with {@code Last-Event-ID} (SSE polling, SEP-1699); 0 never.
     */
    public long ssePollAfterMs() {
        return ssePollAfterMs;
    }

    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** Host names (lower case, no port) the MCP endpoints answer to: loopback plus the configured ones. */
    public Set<String> allowedHosts() {
        Set<String> h = hosts;
        if (h == null) {
            h = Stream.concat(LOOPBACK.stream(), Arrays.stream(allowedHosts.orElse("").split(","))
                            .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)))
                    .collect(Collectors.toUnmodifiableSet());
            hosts = h;
        }
        return h;
    }
}
