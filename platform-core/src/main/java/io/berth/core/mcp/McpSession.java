package io.berth.core.mcp;

import io.berth.sdk.Caller;

import java.util.Objects;

/**
 * A session-era conversation: who holds it (tenant, principal), which protocol revision it negotiated, and the
 * client's declared capabilities (a JSON object, kept as text so the cluster stores only strings), and the least severe
 * log level the client wants to receive ({@code logging/setLevel}; everything until it says otherwise).
 *
 * <p>{@code caller} is not part of the stored session: it is who sends the request being served, as authenticated for
 * that request (its token's subject, client and scopes), so that a token refreshed with other scopes counts at once.
 * It always belongs to {@code principal}: a request of another principal never finds the session.
 */
public record McpSession(String tenantId, String principal, String id, String protocolVersion,
                         String clientCapabilities, io.berth.sdk.LogLevel logLevel, Caller caller) {

    public McpSession {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(clientCapabilities, "clientCapabilities");
        Objects.requireNonNull(logLevel, "logLevel");
        Objects.requireNonNull(caller, "caller");
    }

    /** The cluster-wide key of this session: {@code tenant:principal:sessionId}. */
    public String key() {
        return ScopedKeys.of(tenantId, principal, id);
    }
}
