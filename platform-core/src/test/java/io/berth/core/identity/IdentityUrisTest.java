package io.berth.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.Optional;

class IdentityUrisTest {

    private static IdentityUris uris(Optional<String> base, Optional<String> host, Optional<Integer> port) {
        IdentityConfig c = IdentityConfig.defaults();
        c.publicBaseUrl = base;
        c.httpsHost = host;
        c.httpsPort = port;
        IdentityUris u = new IdentityUris();
        u.config = c;
        return u;
    }

    @Test
    void everyAddressDerivesFromTheBase() {
        IdentityUris u = uris(Optional.of("HTTPS://Berth.Example.com:443/"), Optional.empty(), Optional.empty());
        assertEquals("https://berth.example.com", u.base());
        assertEquals("https://berth.example.com/t/acme/mcp", u.resource("acme"));
        assertEquals("https://berth.example.com/t/acme", u.issuer("acme"));
        assertEquals("https://berth.example.com/t/acme/oauth/token", u.tokenEndpoint("acme"));
        assertEquals("https://berth.example.com/t/acme/oauth/revoke", u.revocationEndpoint("acme"));
        assertEquals("https://berth.example.com/t/acme/oauth/jwks", u.jwksUri("acme"));
        assertEquals("https://berth.example.com/.well-known/oauth-authorization-server/t/acme",
                u.authorizationServerMetadata("acme"));
        assertEquals("https://berth.example.com/.well-known/oauth-protected-resource/t/acme/mcp",
                u.protectedResourceMetadata("acme"));
    }

    @Test
    void withoutAConfiguredBaseTheHttpsEndpointIsUsed() {
        assertEquals("https://localhost:9443", uris(Optional.empty(), Optional.of("*"), Optional.empty()).base());
        assertEquals("https://mcp.example.com:8443", uris(Optional.empty(), Optional.of("mcp.example.com"),
                Optional.of(8443)).base());
        assertEquals("https://mcp.example.com", uris(Optional.of(" "), Optional.of("mcp.example.com"),
                Optional.of(443)).base());
    }

    @Test
    void aBaseWithQueryOrFragmentIsAConfigurationError() {
        assertThrows(IllegalStateException.class, () -> uris(Optional.of("https://x.example/?a=b"), Optional.empty(),
                Optional.empty()).base());
        assertThrows(IllegalStateException.class, () -> uris(Optional.of("ftp://x.example"), Optional.empty(),
                Optional.empty()).base());
    }

    @Test
    void canonicalFormsFollowRfc8707() {
        assertEquals(Optional.of("https://a.example/t/x/mcp"), IdentityUris.canonical("HTTPS://A.example:443/t/x/mcp/"));
        assertEquals(Optional.of("http://a.example:8080/mcp"), IdentityUris.canonical("http://a.example:8080/mcp"));
        assertEquals(Optional.of("https://a.example/T/X"), IdentityUris.canonical("https://a.example/T/X"),
                "paths are case-sensitive");
        assertEquals(Optional.empty(), IdentityUris.canonical("https://a.example/mcp#f"));
        assertEquals(Optional.empty(), IdentityUris.canonical("https://a.example/mcp?x=1"));
        assertEquals(Optional.empty(), IdentityUris.canonical("https://user@a.example/mcp"));
        assertEquals(Optional.empty(), IdentityUris.canonical("/t/x/mcp"));
        assertEquals(Optional.empty(), IdentityUris.canonical("urn:x"));
        assertEquals(Optional.empty(), IdentityUris.canonical(null));
    }
}
