package io.berth.sdk.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.ToolException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** E-mail addresses within an allow-list of domains, with and without subdomains. */
class EmailDomainsTest {

    private static final EmailDomains EXACT = EmailDomains.exactly("example.com", "bücher.de");
    private static final EmailDomains WITH_SUBDOMAINS = EmailDomains.withSubdomains("example.com");

    @Test
    void addressesInAnAllowedDomainPassWithTheDomainInAscii() throws ToolException {
        assertEquals("ann@example.com", EXACT.require("ann@example.com"));
        assertEquals("Ann.Lee+tag@example.com", EXACT.require("  Ann.Lee+tag@EXAMPLE.Com "));
        assertEquals("kim@xn--bcher-kva.de", EXACT.require("kim@bücher.de"));
        assertEquals("kim@xn--bcher-kva.de", EXACT.require("kim@xn--bcher-kva.de"));
        assertEquals("kim@xn--bcher-kva.de", EXACT.require("kim@BÜCHER.DE"));
        assertEquals("ann@example.com", EXACT.require("ann@example\uFF0Ecom"));
        assertEquals("jörg@example.com", EXACT.require("jörg@example.com"));
    }

    @Test
    void subdomainsCountOnlyWhenThePolicySaysSo() {
        assertFalse(EXACT.allows("ann@eu.example.com"));
        assertTrue(WITH_SUBDOMAINS.allows("ann@eu.example.com"));
        assertTrue(WITH_SUBDOMAINS.allows("ann@a.b.example.com"));
        assertTrue(WITH_SUBDOMAINS.allows("ann@example.com"));
        assertFalse(WITH_SUBDOMAINS.allows("ann@notexample.com"));
        assertFalse(WITH_SUBDOMAINS.allows("ann@example.com.evil.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.com", "ann@example.com@evil.org", "ann@evil.org",
            "\"ann@example.com\"@evil.org", "ann@evil.org (ann@example.com)", "Ann <ann@example.com>",
            "ann@example.com.", "ann@[192.0.2.1]", "ann@examp\u0430le.com", "ann@exаmple.com", ".ann@example.com",
            "ann.@example.com", "a..nn@example.com", "ann smith@example.com", "ann\r\nBcc: x@evil.org@example.com",
            "ann@example.com\r\nBcc: x@evil.org", "ann%evil.org@example.com\u0000", "ann@localhost",
            "ann@-example.com", "ann@exa_mple.com", "ann\u202E@example.com", "ann@example..com"})
    void everythingElseIsRefused(String address) {
        assertFalse(EXACT.allows(address), () -> "accepted " + Quote.of(address));
        assertThrows(ToolException.class, () -> EXACT.require(address));
    }

    @Test
    void overlongAddressesAreRefused() {
        assertFalse(EXACT.allows("a".repeat(65) + "@example.com"));
        assertTrue(EXACT.allows("a".repeat(64) + "@example.com"));
        assertFalse(WITH_SUBDOMAINS.allows("a@" + "x.".repeat(124) + "example.com"));
    }

    @Test
    void theReasonNamesTheAllowedDomains() {
        assertEquals("the e-mail address \"ann@evil.org\" is not in an allowed domain (example.com, "
                + "xn--bcher-kva.de)", EXACT.problem("ann@evil.org").orElseThrow());
        assertEquals("the e-mail address \"ann@evil.org\" is not in an allowed domain (example.com, or their "
                + "subdomains)", WITH_SUBDOMAINS.problem("ann@evil.org").orElseThrow());
    }

    @Test
    void aPolicyNeedsValidDomains() {
        assertThrows(IllegalArgumentException.class, EmailDomains::exactly);
        assertThrows(IllegalArgumentException.class, () -> EmailDomains.exactly("not a domain"));
    }
}
