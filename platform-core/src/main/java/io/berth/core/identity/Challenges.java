package io.berth.core.identity;

import java.util.Collection;

/**
 * {@code WWW-Authenticate} values for the MCP endpoint (RFC 6750 §3, RFC 9728 §5.1, MCP authorization). The scope
 * list is every scope the operation needs (MCP 2026-07-28: one challenge with all of them), never
 * {@code offline_access}. Values are quoted strings with {@code "} and {@code \} escaped and control characters dropped,
 * so nothing a caller chose can split the header.
 */
public final class Challenges {

    private Challenges() {
    }

    /** 401 for a request without a token: no error code (RFC 6750 §3.1). */
    public static String unauthorized(String resourceMetadataUrl, Collection<String> scopes) {
        StringBuilder b = new StringBuilder("Bearer ");
        param(b, "resource_metadata", resourceMetadataUrl);
        scope(b, scopes);
        return b.toString();
    }

    /** 401 (or 400 for {@code invalid_request}) for a refused token; the description is the generic one. */
    public static String rejected(String resourceMetadataUrl, Collection<String> scopes, TokenRejected rejected) {
        if (rejected.reason().error() == null) {
            return unauthorized(resourceMetadataUrl, scopes);
        }
        StringBuilder b = new StringBuilder("Bearer ");
        param(b, "error", rejected.reason().error());
        b.append(", ");
        param(b, "error_description", rejected.description());
        b.append(", ");
        param(b, "resource_metadata", resourceMetadataUrl);
        scope(b, scopes);
        return b.toString();
    }

    /** 403 when the token lacks a scope: {@code scope} names all scopes needed, including those already held. */
    public static String insufficientScope(String resourceMetadataUrl, Collection<String> neededScopes,
                                           String description) {
        StringBuilder b = new StringBuilder("Bearer ");
        param(b, "error", "insufficient_scope");
        scope(b, neededScopes);
        b.append(", ");
        param(b, "resource_metadata", resourceMetadataUrl);
        if (description != null && !description.isEmpty()) {
            b.append(", ");
            param(b, "error_description", description);
        }
        return b.toString();
    }

    private static void scope(StringBuilder b, Collection<String> scopes) {
        StringBuilder joined = new StringBuilder();
        for (String s : scopes) {
            if (s.equals("offline_access")) {
                continue;
            }
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(s);
        }
        if (joined.length() > 0) {
            b.append(", ");
            param(b, "scope", joined.toString());
        }
    }

    private static void param(StringBuilder b, String name, String value) {
        b.append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            }
        }
        b.append('"');
    }
}
