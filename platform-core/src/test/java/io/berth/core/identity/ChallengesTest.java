package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class ChallengesTest {

    private static final String PRM = "https://berth.test/.well-known/oauth-protected-resource/t/acme/mcp";

    @Test
    void unauthorizedNamesTheMetadataAndTheScopesWithoutAnError() {
        assertEquals("Bearer resource_metadata=\"" + PRM + "\", scope=\"crm.read files\"",
                Challenges.unauthorized(PRM, List.of("crm.read", "offline_access", "files")));
        assertEquals("Bearer resource_metadata=\"" + PRM + "\"", Challenges.unauthorized(PRM, List.of()));
    }

    @Test
    void aRejectedTokenIsInvalidTokenWithTheGenericDescription() {
        assertEquals("Bearer error=\"invalid_token\", error_description=\"The access token is invalid, expired or"
                + " revoked.\", resource_metadata=\"" + PRM + "\", scope=\"crm\"", Challenges.rejected(PRM,
                List.of("crm"), TokenRejected.of(TokenRejected.Reason.BAD_SIGNATURE)));
        assertEquals(Challenges.unauthorized(PRM, List.of("crm")), Challenges.rejected(PRM, List.of("crm"),
                TokenRejected.of(TokenRejected.Reason.MISSING)));
        assertEquals(400, TokenRejected.Reason.INVALID_REQUEST.status());
    }

    @Test
    void insufficientScopeListsEveryNeededScope() {
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"crm.read crm.write\", resource_metadata=\"" + PRM
                + "\", error_description=\"Tool crm_update needs crm.write\"", Challenges.insufficientScope(PRM,
                List.of("crm.read", "crm.write"), "Tool crm_update needs crm.write"));
    }

    @Test
    void quotesAndBackslashesAreEscapedAndLineBreaksDropped() {
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"a\", resource_metadata=\"x\", error_description="
                + "\"say \\\"hi\\\" \\\\ thenInjected: 1\"", Challenges.insufficientScope("x", List.of("a"),
                "say \"hi\" \\ then\r\nInjected: 1"));
    }
}
