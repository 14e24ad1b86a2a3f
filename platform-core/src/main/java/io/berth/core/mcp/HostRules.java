package io.berth.core.mcp;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: the Host header, and the Origin header when a browser sends one, must name a host Berth
 * is configured to answer to. A page on evil.example that resolves its name to 127.0.0.1 is refused. The one other
 * Origin admitted is one the tenant lists for CORS ({@code io.berth.core.cors.Cors}); {@link McpEndpoint} asks both, and
 * the Host check always applies.
 */
final class HostRules {

    private HostRules() {
    }

    static boolean hostAllowed(String hostHeader, Set<String> allowed) {
        return hostHeader != null && allowed.contains(hostName(hostHeader));
    }

    /**
     * The authority of a request without a Host header: for HTTP/2, which carries it as the {@code :authority}
     * pseudo-header instead (browsers and most clients over TLS), the server name the container took from it; null for
     * HTTP/1.x, which is then refused. Asked only when Host is absent, so an HTTP/1.1 request pays nothing for it.
     */
    static String http2Authority(String protocol, String serverName) {
        if (protocol == null || !protocol.startsWith("HTTP/2") || serverName == null || serverName.isEmpty()) {
            return null;
        }
        return serverName.contains(":") && !serverName.startsWith("[") ? "[" + serverName + "]" : serverName;
    }

    /** An absent Origin (non-browser clients) is fine; a present one must be http(s) on an allowed host. */
    static boolean originAllowed(String origin, Set<String> allowed) {
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (host == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return false;
            }
            String name = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            return allowed.contains(name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host name of a Host header value, lower case, without the port; IPv6 literals keep their brackets. */
    static String hostName(String hostHeader) {
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
