package io.berth.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.http.RecordedResponse;
import io.berth.core.identity.AgentPrincipal;
import io.berth.core.identity.IdentityUris;
import io.berth.core.identity.TokenRejected;
import io.berth.core.identity.TokenVerifier;
import io.berth.core.identity.Verification;
import io.berth.core.identity.VerifiedToken;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TenantStanding;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A tenant that is not served (suspended, or no such tenant) answers every caller as a served tenant without anonymous
 * access would, until the caller proves a credential of it: a token that verifies for it, or no token where it lets
 * anonymous agents in. Only they learn why it is not served.
 */
class AgentAuthenticationTest {

    /** Tenants whose anonymous-agent policy is on. */
    private static final Set<String> OPEN = Set.of("open", "open-frozen");

    private final List<String> policyAsked = new ArrayList<>();
    private final List<Boolean> idpsConsulted = new ArrayList<>();
    private final AgentAuthentication authentication = new AgentAuthentication();

    AgentAuthenticationTest() {
        authentication.verifier = new TokenVerifier() {
            @Override
            public Verification verifyAuthorization(String tenant, Iterator<String> headers, boolean tenantExists) {
                idpsConsulted.add(tenantExists);
                String header = headers.hasNext() ? headers.next() : null;
                if (header == null) {
                    return TokenRejected.of(TokenRejected.Reason.MISSING);
                }
                if (!header.equals("Bearer good-for-" + tenant)) {
                    return TokenRejected.of(TokenRejected.Reason.BAD_SIGNATURE);
                }
                return new VerifiedToken(new AgentPrincipal(tenant, "https://berth.test/t/" + tenant, "key1"),
                        "key1", Set.of("crm"), "jti1", Instant.now().plusSeconds(600), true);
            }
        };
        authentication.tenants = new TenantDirectory() {
            @Override
            public boolean anonymousAgentsAllowed(String tenantId) {
                policyAsked.add(tenantId);
                return OPEN.contains(tenantId);
            }
        };
        authentication.uris = new IdentityUris() {
            @Override
            public String base() {
                return "https://berth.test";
            }
        };
        authentication.catalogs = new PluginCatalog();
    }

    @Test
    void anAnonymousCallerCannotTellSuspendedOrUnknownFromServed() throws IOException {
        RecordedResponse served = refused("acme", TenantStanding.SERVED, null);
        assertEquals(401, served.status());
        assertTrue(served.header("WWW-Authenticate").contains(
                "resource_metadata=\"https://berth.test/.well-known/oauth-protected-resource/t/acme/mcp\""),
                served.header("WWW-Authenticate"));
        assertSameAnswer(served, refused("frozen", TenantStanding.SUSPENDED, null), "frozen");
        assertSameAnswer(served, refused("nobody", TenantStanding.UNKNOWN, null), "nobody");
    }

    @Test
    void aTokenThatDoesNotVerifyGetsTheSameChallengeEverywhere() throws IOException {
        RecordedResponse served = refused("acme", TenantStanding.SERVED, "Bearer forged");
        assertEquals(401, served.status());
        assertTrue(served.header("WWW-Authenticate").contains("error=\"invalid_token\""));
        assertSameAnswer(served, refused("frozen", TenantStanding.SUSPENDED, "Bearer forged"), "frozen");
        assertSameAnswer(served, refused("nobody", TenantStanding.UNKNOWN, "Bearer forged"), "nobody");
    }

    @Test
    void aTokenOfTheTenantLearnsWhyItIsNotServed() throws IOException {
        assertNotNull(authenticate("acme", TenantStanding.SERVED, "Bearer good-for-acme", new RecordedResponse()));
        RecordedResponse suspended = refused("frozen", TenantStanding.SUSPENDED, "Bearer good-for-frozen");
        assertEquals(403, suspended.status());
        assertTrue(suspended.body().contains("tenant-suspended"), suspended.body());
        RecordedResponse deleted = refused("gone", TenantStanding.UNKNOWN, "Bearer good-for-gone");
        assertEquals(404, deleted.status());
        assertTrue(deleted.body().contains("tenant-not-found"), deleted.body());
        assertNull(deleted.header("WWW-Authenticate"));
    }

    @Test
    void aSuspendedTenantThatLetsAnonymousAgentsInTellsThemItIsSuspended() throws IOException {
        assertSame(Agent.ANONYMOUS, authenticate("open", TenantStanding.SERVED, null, new RecordedResponse()));
        RecordedResponse suspended = refused("open-frozen", TenantStanding.SUSPENDED, null);
        assertEquals(403, suspended.status());
        assertTrue(suspended.body().contains("tenant-suspended"), suspended.body());
    }

    @Test
    void anUnknownTenantNeverConsultsTheAnonymousPolicyNorItsIdps() throws IOException {
        RecordedResponse unknown = refused("open", TenantStanding.UNKNOWN, null);
        assertEquals(401, unknown.status(), "an id whose tenant is gone does not inherit its policy");
        assertTrue(policyAsked.isEmpty(), policyAsked::toString);
        assertEquals(List.of(false), idpsConsulted);
    }

    @Test
    void aServedTenantVerifiesAsBefore() throws IOException {
        authenticate("acme", TenantStanding.SERVED, "Bearer good-for-acme", new RecordedResponse());
        authenticate("frozen", TenantStanding.SUSPENDED, "Bearer forged", new RecordedResponse());
        assertEquals(List.of(true, true), idpsConsulted, "tenants that exist consult their IdPs");
    }

    private Agent authenticate(String tenant, TenantStanding standing, String authorization, RecordedResponse into)
            throws IOException {
        return authentication.authenticate(tenant, standing, AgentChecks.request(authorization), into.response());
    }

    private RecordedResponse refused(String tenant, TenantStanding standing, String authorization)
            throws IOException {
        RecordedResponse recorded = new RecordedResponse();
        assertNull(authenticate(tenant, standing, authorization, recorded), "refused");
        return recorded;
    }

    private static void assertSameAnswer(RecordedResponse expected, RecordedResponse actual, String tenant) {
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.header("WWW-Authenticate").replace("/t/acme/", "/t/" + tenant + "/"),
                actual.header("WWW-Authenticate"));
        assertEquals(expected.header("Cache-Control"), actual.header("Cache-Control"));
        assertEquals(expected.contentType(), actual.contentType());
        assertEquals(expected.body(), actual.body());
        assertFalse(actual.body().contains("suspended") || actual.body().contains("not-found"), actual.body());
    }
}
