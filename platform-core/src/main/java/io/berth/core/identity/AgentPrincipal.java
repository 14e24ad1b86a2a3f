package io.berth.core.identity;

import java.util.Objects;

/**
 * Who calls: the subject of a token as named by its issuer, within a tenant. Sessions, streams and tasks belong to
 * this triple, so a session id presented with another issuer's token (even for the same subject string) is someone
 * else's.
 */
public record AgentPrincipal(String tenant, String issuer, String subject) {

    public AgentPrincipal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * The principal within its tenant as one string, {@code <issuer> <subject>}: unambiguous because an issuer is a URL
     * and has no space. Use it where the MCP code keys state by {@code tenant:principal:id}.
     */
    public String key() {
        return issuer + ' ' + subject;
    }
}
