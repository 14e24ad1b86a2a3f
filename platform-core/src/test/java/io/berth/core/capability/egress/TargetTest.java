package io.berth.core.capability.egress;

import io.berth.sdk.ToolException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** URLs are taken apart once, strictly; ambiguous hosts never reach the resolver. */
class TargetTest {

    @Test
    void aPlainHttpsUrl() throws ToolException {
        Target t = Target.parse("https://API.Example.com./v1/items?q=a%20b#frag");
        assertEquals("api.example.com", t.host());
        assertEquals(443, t.port());
        assertEquals("/v1/items?q=a%20b", t.requestTarget());
        assertEquals("api.example.com", t.hostHeader());
        assertNull(t.address());
    }

    @Test
    void portsAndAddressLiterals() throws ToolException {
        Target v4 = Target.parse("http://10.1.2.3:8080");
        assertArrayEquals(new byte[] {10, 1, 2, 3}, v4.address());
        assertEquals("/", v4.requestTarget());
        assertEquals("10.1.2.3:8080", v4.hostHeader());
        Target v6 = Target.parse("https://[::1]:8443/x");
        assertEquals(16, v6.address().length);
        assertEquals("[::1]:8443", v6.hostHeader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "/relative", "example.com",
            "https://user:pw@example.com/", "https://2130706433/", "https://127.1/", "https://0177.0.0.1/",
            "https://010.0.0.1/", "https://[fe80::1%25eth0]/", "https://exa_mple.com/", "https://ex ample.com/",
            "https://bücher.example/", "https://example.com:0/", "https://example.com:99999/",
            "jar:https://example.com/!/x", "https:///nohost", "gopher://127.0.0.1:25/"})
    void refused(String url) {
        assertThrows(ToolException.class, () -> Target.parse(url), url);
    }

    @Test
    void nonAsciiPathsGoOutPercentEncoded() throws ToolException {
        assertEquals("/caf%C3%A9?q=%C3%BC", Target.parse("https://example.com/caf\u00e9?q=\u00fc").requestTarget());
    }

    @Test
    void messagesNeverEchoTheQuery() {
        ToolException e = assertThrows(ToolException.class,
                () -> Target.parse("https://u:secret@x.com/?key=topsecret"));
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void redirectsResolveRelativeLocations() throws ToolException {
        Target t = Target.parse("https://a.example.com/one/two");
        assertEquals("/one/three", t.resolve("three").requestTarget());
        assertEquals("b.example.com", t.resolve("//b.example.com/x").host());
        assertEquals("https://a.example.com:443", t.resolve("/x").origin());
        assertThrows(ToolException.class, () -> t.resolve("file:///etc/passwd"));
    }
}
