package io.berth.core.mcp;

import io.berth.core.identity.VerifiedToken;
import io.berth.sdk.Caller;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends an MCP request, as {@link McpEndpoint} authenticated it: the principal that sessions, their streams,
 * MRTR request states and tasks belong to, and the caller tools see ({@code ToolContext.caller()}) with the scopes
 * that decide which tools it may call. Never stored: every request brings its own, so a refreshed token's scopes apply
 * at once, and a token of the same tenant, issuer and subject keeps its sessions.
 *
 * @param principal {@link io.berth.core.identity.AgentPrincipal#key()} ({@code <issuer> <subject>}), or
 *                  {@value #ANONYMOUS_PRINCIPAL} for an agent without a token at a tenant that allows that; an issuer
 *                  is a URL without spaces, so the two never meet
 */
record Agent(String principal, Caller caller) {

    static final String ANONYMOUS_PRINCIPAL = "anonymous";
    static final Agent ANONYMOUS = new Agent(ANONYMOUS_PRINCIPAL, Caller.anonymous());

    Agent {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(caller, "caller");
    }

    /** The agent a verified token names: subject, client (API key id or OAuth client) and granted scopes. */
    static Agent of(VerifiedToken token) {
        return new Agent(token.principal().key(), new Caller(token.subject(), token.clientId(), token.scopes()));
    }

    Set<String> scopes() {
        return caller.scopes();
    }
}
