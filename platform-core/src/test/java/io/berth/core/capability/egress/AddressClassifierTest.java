package io.berth.core.capability.egress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every special-purpose range is refused, in IPv4, IPv6 and the IPv6 forms that carry an IPv4 address. Addresses are
 * built by {@link InetAddress} as the egress path does, so odd spellings are classified by what they resolve to.
 */
class AddressClassifierTest {

    @ParameterizedTest
    @CsvSource({
            // address, reason fragment, refused even when the tenant allows private addresses
            "127.0.0.1, loopback, false",
            "127.255.255.254, loopback, false",
            "10.0.0.1, private, false",
            "10.255.255.255, private, false",
            "172.16.0.1, private, false",
            "172.31.255.255, private, false",
            "192.168.1.1, private, false",
            "169.254.1.1, link-local, false",
            "169.254.169.254, metadata, true",
            "169.254.170.2, metadata, true",
            "100.100.100.200, metadata, true",
            "100.64.0.1, CGNAT, false",
            "100.127.255.255, CGNAT, false",
            "0.0.0.0, unspecified, true",
            "0.1.2.3, unspecified, true",
            "224.0.0.1, multicast, true",
            "239.255.255.250, multicast, true",
            "240.0.0.1, reserved, true",
            "255.255.255.255, broadcast, true",
            "192.0.0.8, reserved, false",
            "192.0.2.1, documentation, false",
            "198.51.100.1, documentation, false",
            "203.0.113.1, documentation, false",
            "198.18.0.1, benchmarking, false",
            "::1, loopback, false",
            "::, unspecified, true",
            "fe80::1, link-local, false",
            "febf:ffff::1, link-local, false",
            "fec0::1, site-local, false",
            "fc00::1, unique-local, false",
            "fd12:3456::1, unique-local, false",
            "fd00:ec2::254, metadata, true",
            "ff02::1, multicast, true",
            "2001:db8::1, documentation, false",
            "2001:0:4136:e378::1, Teredo, false",
            "100::1, discard, false",
            "64:ff9b:1::1, NAT64, false",
            // IPv4-mapped: the JDK turns these into IPv4 addresses, which is what is then checked
            "::ffff:127.0.0.1, loopback, false",
            "::ffff:10.1.2.3, private, false",
            "::ffff:169.254.169.254, metadata, true",
            // NAT64 and 6to4 carry an IPv4 address that decides
            "64:ff9b::7f00:1, loopback address (embedded, false",
            "64:ff9b::a9fe:a9fe, metadata, true",
            "2002:c0a8:0101::1, private address (embedded, false",
            "2002:7f00:0001::, loopback address (embedded, false",
            "::127.0.0.1, IPv4-compatible, false",
            "::8.8.8.8, IPv4-compatible, false",
    })
    void refused(String literal, String reason, boolean always) throws UnknownHostException {
        Optional<AddressClassifier.Refusal> r = AddressClassifier.refusal(InetAddress.getByName(literal));
        assertTrue(r.isPresent(), literal + " must be refused");
        assertTrue(r.get().reason().contains(reason), literal + ": " + r.get().reason());
        assertEquals(always, r.get().always(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.0", "100.63.255.255",
            "100.128.0.0", "169.253.255.255", "11.0.0.0", "192.167.255.255", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:0808:0808::1",
            "::ffff:8.8.4.4"})
    void publicAddressesPass(String literal) throws UnknownHostException {
        assertEquals(Optional.empty(), AddressClassifier.refusal(InetAddress.getByName(literal)), literal);
    }

    /**
     * Numeric spellings the JDK parses without DNS: what it makes of them is what is checked (and connected to).
     * Egress refuses these spellings in URLs before any of this (see {@code TargetTest}), since other parsers read
     * {@code 0177.0.0.1} as 127.0.0.1 while the JDK reads 177.0.0.1.
     */
    @ParameterizedTest
    @CsvSource({"2130706433, 127.0.0.1", "127.1, 127.0.0.1", "0177.0.0.1, 177.0.0.1", "::ffff:7f00:1, 127.0.0.1"})
    void oddSpellingsAreJudgedByTheAddressTheyBecome(String spelling, String becomes) throws UnknownHostException {
        InetAddress resolved = InetAddress.getByName(spelling);
        assertEquals(becomes, resolved.getHostAddress());
        assertEquals(AddressClassifier.refusal(InetAddress.getByName(becomes)), AddressClassifier.refusal(resolved));
    }
}
