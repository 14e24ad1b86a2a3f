package io.berth.sdk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The capability types of the SDK: immutable, secrets hidden, and absent on hosts that do not offer them. */
class CapabilityTypesTest {

    private static final ToolContext OLD_HOST = () -> "acme";

    @Test
    void aHostWithoutCapabilitiesSaysSo() {
        assertThrows(ToolException.class, OLD_HOST::caller);
        assertThrows(ToolException.class, OLD_HOST::data);
        assertThrows(ToolException.class, OLD_HOST::http);
        assertThrows(ToolException.class, () -> OLD_HOST.secret("token"));
    }

    @Test
    void quotaErrorsAreToolErrors() {
        assertTrue(ToolException.class.isAssignableFrom(QuotaExceededException.class));
    }

    @Test
    void theAnonymousCallerHasNoScopes() {
        assertEquals("anonymous", Caller.anonymous().subject());
        assertFalse(Caller.anonymous().hasScope("admin"));
        Set<String> scopes = new HashSet<>(Set.of("notes:read"));
        Caller c = new Caller("agent-1", "client-9", scopes);
        scopes.add("notes:write");
        assertEquals(Set.of("notes:read"), c.scopes());
        assertEquals(Set.of(), new Caller("x", null, null).scopes());
    }

    @Test
    void aScopeGrantsTheScopesBelowIt() {
        Caller c = new Caller("agent-1", "client-9", Set.of("crm", "mail.read"));
        assertTrue(c.hasScope("crm"));
        assertTrue(c.hasScope("crm.read"));
        assertTrue(c.hasScope("crm:write"));
        assertTrue(c.hasScope("crm.contacts.read"));
        assertTrue(c.hasScope("mail.read"));
        assertFalse(c.hasScope("crmx"));
        assertFalse(c.hasScope("mail"));
        assertFalse(c.hasScope("mail.write"));
    }

    @Test
    void aSecretNeverShowsItsValueInText() {
        Secret s = new Secret("github", "ghp_value");
        assertEquals("ghp_value", s.reveal());
        assertFalse(s.toString().contains("ghp_value"));
        assertFalse(List.of(s).toString().contains("ghp_value"));
    }

    @Test
    void requestsAreImmutableAndHideTheirHeaders() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        EgressRequest.Builder b = EgressRequest.builder("POST", "https://api.example.com/x")
                .header("Authorization", "Bearer t").header("Accept", "a").header("Accept", "b").body(body)
                .timeout(Duration.ofSeconds(3));
        EgressRequest r = b.build();
        body[0] = 'X';
        b.header("Late", "1");
        assertEquals("{}", new String(r.body().orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b"), r.headers().get("Accept"));
        assertFalse(r.headers().containsKey("Late"));
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("X", List.of()));
        r.body().orElseThrow()[0] = 'Y';
        assertEquals('{', r.body().orElseThrow()[0]);
        assertFalse(r.toString().contains("Bearer"));
        assertTrue(r.followRedirects());
        assertTrue(EgressRequest.get("https://x.example").body().isEmpty());
    }

    @Test
    void responsesFindHeadersInAnyCaseAndDecodeTheirCharset() {
        EgressResponse r = new EgressResponse(200, Map.of("Content-Type", List.of("text/plain; charset=ISO-8859-1")),
                "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("text/plain; charset=ISO-8859-1", r.header("content-TYPE").orElseThrow());
        assertEquals("caf\u00e9", r.text());
        EgressResponse unknown = new EgressResponse(200, Map.of("content-type", List.of("text/plain; charset=nope")),
                "ok".getBytes(StandardCharsets.UTF_8));
        assertEquals("ok", unknown.text());
    }

    @Test
    void pagesCarryTheirCursor() {
        DataPage last = new DataPage(List.of(new DataEntry("k", "v", 1, null)), null);
        assertTrue(last.next().isEmpty());
        assertEquals("c", new DataPage(List.of(), "c").next().orElseThrow());
    }
}
