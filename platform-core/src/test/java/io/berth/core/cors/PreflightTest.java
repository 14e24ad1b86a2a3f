package io.berth.core.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PreflightTest {

    @Test
    void theMcpHeadersAreAlwaysGranted() {
        assertEquals(Preflight.ALLOWED_HEADERS, Preflight.allowHeaders(null));
        assertEquals(Preflight.ALLOWED_HEADERS, Preflight.allowHeaders("authorization,content-type,mcp-session-id"));
    }

    @Test
    void requestedMcpParamHeadersAreEchoedWhenTheyAreTokens() {
        assertEquals(Preflight.ALLOWED_HEADERS + ", mcp-param-region, Mcp-Param-Top_K",
                Preflight.allowHeaders("content-type, mcp-param-region,Mcp-Param-Top_K"));
    }

    @Test
    void otherOrMalformedHeadersAreNotGranted() {
        assertEquals(Preflight.ALLOWED_HEADERS,
                Preflight.allowHeaders("x-custom, cookie, mcp-param-, mcp-param-a b, mcp-param-é, mcp-param-x\"y"));
    }

    @Test
    void theEchoIsBounded() {
        String many = IntStream.range(0, 100).mapToObj(i -> "mcp-param-p" + i).collect(Collectors.joining(","));
        long echoed = Preflight.allowHeaders(many).split(",").length - Preflight.ALLOWED_HEADERS.split(",").length;
        assertEquals(Preflight.MAX_PARAM_HEADERS, echoed);
        assertEquals(Preflight.ALLOWED_HEADERS, Preflight.allowHeaders("mcp-param-" + "a".repeat(200)));
    }

    @Test
    void tokens() {
        assertTrue(Preflight.isToken("Mcp-Param-a.b~c!"));
        assertFalse(Preflight.isToken(""));
        assertFalse(Preflight.isToken("a:b"));
        assertFalse(Preflight.isToken("a/b"));
    }
}
