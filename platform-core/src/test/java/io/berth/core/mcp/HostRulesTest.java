package io.berth.core.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HostRulesTest {

    private static final Set<String> ALLOWED = Set.of("localhost", "127.0.0.1", "[::1]", "mcp.example.com");

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:9080", "127.0.0.1:1234", "[::1]:9443", "MCP.example.com"})
    void allowedHosts(String host) {
        assertTrue(HostRules.hostAllowed(host, ALLOWED), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example.com", "evil.example.com:9080", "localhost.evil.com", "127.0.0.2", ""})
    void refusedHosts(String host) {
        assertFalse(HostRules.hostAllowed(host, ALLOWED), host);
    }

    @Test
    void aMissingHostIsRefused() {
        assertFalse(HostRules.hostAllowed(null, ALLOWED));
    }

    @ParameterizedTest
    @CsvSource({"http://localhost:3000,true", "https://mcp.example.com,true", "http://[::1]:80,true",
            "http://evil.example.com,false", "null,false", "file:///etc,false", "not a uri,false"})
    void origins(String origin, boolean allowed) {
        assertEquals(allowed, HostRules.originAllowed(origin, ALLOWED), origin);
    }

    @Test
    void anAbsentOriginIsFine() {
        assertTrue(HostRules.originAllowed(null, ALLOWED));
    }

    @Test
    void http2NamesItsAuthorityWithoutAHostHeader() {
        assertEquals("localhost", HostRules.http2Authority("HTTP/2.0", "localhost"));
        assertEquals("[::1]", HostRules.http2Authority("HTTP/2.0", "::1"));
        assertTrue(HostRules.hostAllowed(HostRules.http2Authority("HTTP/2.0", "mcp.example.com"), ALLOWED));
        assertFalse(HostRules.hostAllowed(HostRules.http2Authority("HTTP/2.0", "evil.example.com"), ALLOWED),
                "a rebound name over HTTP/2 is refused as over HTTP/1.1");
    }

    @Test
    void http1WithoutAHostHeaderNamesNoAuthority() {
        assertEquals(null, HostRules.http2Authority("HTTP/1.1", "localhost"));
        assertEquals(null, HostRules.http2Authority("HTTP/1.0", "localhost"));
        assertFalse(HostRules.hostAllowed(HostRules.http2Authority("HTTP/1.1", "localhost"), ALLOWED));
    }
}
