package io.berth.core.mcp;

import java.util.Objects;

/**
 * A session-era conversation: who holds it (tenant, principal), which protocol revision it negotiated, and the
 * client's declared capabilities (a JSON object, kept as text so the cluster stores only strings).
 */
public record McpSession(String tenantId, String principal, String id, String protocolVersion,
                         String clientCapabilities) {

    public McpSession {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(clientCapabilities, "clientCapabilities");
    }
}
