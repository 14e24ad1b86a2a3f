package io.berth.core.capability.egress;

import io.berth.sdk.ToolException;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes, taken apart once: only absolute {@code http(s)} URLs with a host Berth can check, no user
 * info. Messages name the host at most, never the whole URL (query strings often carry keys).
 *
 * @param host          the name in lower case without a trailing dot, or the address literal (IPv6 without brackets)
 * @param address       the address of an IP-literal URL, or null for a name
 * @param requestTarget path and query as sent on the request line
 */
record Target(URI uri, String scheme, String host, byte[] address, int port, String requestTarget) {

    static Target parse(String url) throws ToolException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new ToolException("Invalid URL: it must be an absolute http(s) URL");
        }
        return of(uri);
    }

    static Target of(URI uri) throws ToolException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.isOpaque()) {
            throw new ToolException("Invalid URL: only absolute http(s) URLs can be requested");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ToolException("Invalid URL: user info (user:password@) is not allowed; send an "
                    + "Authorization header instead");
        }
        String raw = uri.getHost();
        if (raw == null) {
            throw new ToolException("Invalid URL: no host Berth can check (internationalised names must be in "
                    + "their xn-- form)");
        }
        String host = raw.toLowerCase(Locale.ROOT);
        byte[] address = null;
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (host.contains("%")) {
                throw new ToolException("Invalid URL: IPv6 zone ids are not allowed");
            }
            try {
                address = HostRule.ipv6(host);
            } catch (IllegalArgumentException e) {
                throw new ToolException("Invalid URL: bad IPv6 address");
            }
        } else {
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (HostRule.isDottedQuad(host)) {
                address = HostRule.parse(host).address();
            } else if (!HostRule.isName(host)) {
                throw new ToolException("Invalid URL: '" + host + "' is neither a host name nor an IP address "
                        + "in the usual form");
            }
        }
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new ToolException("Invalid URL: bad port");
        }
        // The ASCII form: java.net.URI lets non-ASCII characters through in paths and queries; on the wire they must
        // be percent-encoded UTF-8.
        URI ascii = URI.create(uri.toASCIIString());
        String path = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        String target = ascii.getRawQuery() == null ? path : path + "?" + ascii.getRawQuery();
        return new Target(uri, scheme, host, address, port, target);
    }

    boolean https() {
        return scheme.equals("https");
    }

    int defaultPort() {
        return defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** The Host header: the name (an IPv6 address in brackets) and the port unless it is the default. */
    String hostHeader() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == defaultPort() ? h : h + ":" + port;
    }

    /** Host and port, for messages. */
    String authority() {
        return hostHeader();
    }

    /** Scheme, host and port: credentials are not carried across a redirect to another origin. */
    String origin() {
        return scheme + "://" + host + ":" + port;
    }

    /** Resolves a redirect's Location against this URL. */
    Target resolve(String location) throws ToolException {
        try {
            return of(uri.resolve(new URI(location)));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new ToolException("The server at " + authority() + " redirected to an invalid URL");
        }
    }
}
