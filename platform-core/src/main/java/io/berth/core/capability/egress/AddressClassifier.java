package io.berth.core.capability.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Tells public unicast addresses from everything else. It works on the address bytes the connection will use (never on
 * text), so decimal, octal, hexadecimal or IPv4-mapped spellings of a name make no difference: whatever the resolver
 * made of them is what is checked and what is connected to.
 *
 * <p>Two kinds of refusal: addresses a tenant may open up by allowing private addresses (loopback, RFC 1918,
 * link-local, unique-local, CGNAT, reserved and documentation ranges), and addresses that are never reachable from a plugin
 * whatever the tenant says (unspecified, multicast, broadcast and the future-use block, and cloud metadata endpoints,
 * which hand out the credentials of the machine Berth runs on).
 */
final class AddressClassifier {

    /** Why an address is refused; {@code always} ones stay refused when the tenant allows private addresses. */
    record Refusal(String reason, boolean always) {
    }

    private record Range(byte[] prefix, int bits, String reason, boolean always) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    /** Checked first: the metadata endpoints lie inside ranges a tenant may allow. */
    private static final List<Range> METADATA = List.of(
            range("169.254.169.254", 32, "a cloud metadata endpoint", true),
            range("169.254.170.2", 32, "a cloud metadata endpoint", true),
            range("100.100.100.200", 32, "a cloud metadata endpoint", true),
            range("fd00:ec2::254", 128, "a cloud metadata endpoint", true));

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0", 8, "an unspecified (this-network) address", true),
            range("10.0.0.0", 8, "a private address", false),
            range("100.64.0.0", 10, "a shared (CGNAT) address", false),
            range("127.0.0.0", 8, "a loopback address", false),
            range("169.254.0.0", 16, "a link-local address", false),
            range("172.16.0.0", 12, "a private address", false),
            range("192.0.0.0", 24, "a reserved address", false),
            range("192.0.2.0", 24, "a documentation address", false),
            range("192.88.99.0", 24, "a reserved address", false),
            range("192.168.0.0", 16, "a private address", false),
            range("198.18.0.0", 15, "a reserved (benchmarking) address", false),
            range("198.51.100.0", 24, "a documentation address", false),
            range("203.0.113.0", 24, "a documentation address", false),
            range("224.0.0.0", 4, "a multicast address", true),
            range("240.0.0.0", 4, "a reserved or broadcast address", true));

    private static final List<Range> IPV6 = List.of(
            range("::", 128, "an unspecified address", true),
            range("::1", 128, "a loopback address", false),
            range("100::", 64, "a reserved (discard) address", false),
            range("64:ff9b:1::", 48, "a private (local NAT64) address", false),
            range("2001::", 32, "a Teredo address", false),
            range("2001:db8::", 32, "a documentation address", false),
            range("fc00::", 7, "a unique-local address", false),
            range("fe80::", 10, "a link-local address", false),
            range("fec0::", 10, "a site-local address", false),
            range("ff00::", 8, "a multicast address", true));

    private AddressClassifier() {
    }

    /** Why {@code address} is refused, or empty for a public unicast address. */
    static Optional<Refusal> refusal(InetAddress address) {
        return refusal(address.getAddress());
    }

    private static Optional<Refusal> refusal(byte[] a) {
        for (Range r : METADATA) {
            if (r.contains(a)) {
                return Optional.of(new Refusal(r.reason(), true));
            }
        }
        if (a.length == 16) {
            byte[] embedded = embeddedIpv4(a);
            if (embedded != null) {
                return refusal(embedded).map(r -> new Refusal(r.reason() + " (embedded in IPv6)", r.always()));
            }
            if (isCompatible(a)) {
                return Optional.of(new Refusal("a deprecated IPv4-compatible IPv6 address", false));
            }
        }
        for (Range r : a.length == 4 ? IPV4 : IPV6) {
            if (r.contains(a)) {
                return Optional.of(new Refusal(r.reason(), r.always()));
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:0:0/96}), NAT64 ({@code 64:ff9b::/96}) or 6to4
     * ({@code 2002::/16}) address: where such an address leads is decided by its IPv4 part.
     */
    private static byte[] embeddedIpv4(byte[] a) {
        if (startsWith(a, new byte[10]) && a[10] == (byte) 0xFF && a[11] == (byte) 0xFF) {
            return slice(a, 12);
        }
        if (startsWith(a, bytes("64:ff9b::"), 12)) {
            return slice(a, 12);
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return slice(a, 2);
        }
        return null;
    }

    /** {@code ::a.b.c.d} other than {@code ::} and {@code ::1}. */
    private static boolean isCompatible(byte[] a) {
        if (!startsWith(a, new byte[12])) {
            return false;
        }
        return !(a[12] == 0 && a[13] == 0 && a[14] == 0 && (a[15] == 0 || a[15] == 1));
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        return startsWith(a, prefix, prefix.length);
    }

    private static boolean startsWith(byte[] a, byte[] prefix, int length) {
        for (int i = 0; i < length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(a, from, v4, 0, 4);
        return v4;
    }

    private static Range range(String literal, int bits, String reason, boolean always) {
        return new Range(bytes(literal), bits, reason, always);
    }

    /** Bytes of an address literal (never a name: no resolver is involved). */
    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad literal " + literal, e);
        }
    }
}
