package io.berth.core.identity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token that passed every check for a tenant.
 *
 * @param principal    tenant, issuer and subject: who calls
 * @param clientId     the OAuth client: for Berth-issued tokens the API key id (also the subject); for a tenant's IdP
 *                     {@code client_id} or {@code azp}, else the subject
 * @param scopes       the granted scopes (check them with {@link Scopes})
 * @param jti          the handle revocation uses: the {@code jti}, or for an IdP token without one
 *                     {@code sha256:<hex of the token>}
 * @param expiresAt    when the token expires
 * @param berthIssued  true for tokens of Berth's own authorization server
 */
public record VerifiedToken(AgentPrincipal principal, String clientId, Set<String> scopes, String jti,
                            Instant expiresAt, boolean berthIssued) implements Verification {

    public VerifiedToken {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        scopes = Set.copyOf(scopes);
    }

    public String tenant() {
        return principal.tenant();
    }

    public String issuer() {
        return principal.issuer();
    }

    public String subject() {
        return principal.subject();
    }

    /** The API key behind a Berth-issued token; null for a tenant IdP's token. */
    public String apiKeyId() {
        return berthIssued ? clientId : null;
    }
}
