package io.berth.admin.access;

import io.berth.core.tenant.AgentAccess;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;

/** A tenant's agent access policy: read with GET, replaced with PUT (the tenant's version travels as the ETag). */
@Schema(name = "AgentAccess", description = "Who may call the tenant's MCP endpoint. Every agent with a valid token "
        + "may (and sees the tools its scopes allow); agents without a token only when anonymous is true, and then "
        + "only tools that need no scope. A bad token is refused either way.")
public record AgentAccessView(
        @Schema(description = "Serve agents that present no token, as the principal 'anonymous' (default false)",
                required = true, example = "false")
        Boolean anonymous) {

    static final Set<String> FIELDS = Set.of("anonymous");

    static AgentAccessView of(AgentAccess a) {
        return new AgentAccessView(a.anonymousAgents());
    }
}
