package io.berth.core.mcp;

import java.util.List;

/** The MCP protocol revisions Berth speaks: the stateless one, and the session era's, newest first. */
public final class ProtocolVersions {

    public static final String LATEST = "2025-11-25";
    /** 2024-11-05 is the revision of the legacy HTTP+SSE transport; older clients still negotiate it. */
    public static final List<String> SESSION_ERA = List.of(LATEST, "2025-06-18", "2025-03-26", "2024-11-05");

    /** The stateless revision: no initialize, a {@code _meta} envelope on every request. */
    public static final String MODERN = "2026-07-28";
    /** Every revision this endpoint serves, newest first: what -32022 and server/discover list. */
    public static final List<String> ALL = List.of(MODERN, LATEST, "2025-06-18", "2025-03-26", "2024-11-05");

    private ProtocolVersions() {
    }

    /** The version to answer an initialize request with: the requested one if supported, else the latest. */
    public static String negotiate(String requested) {
        return SESSION_ERA.contains(requested) ? requested : LATEST;
    }

    /** JSON-RPC batches: allowed by 2025-03-26 and 2024-11-05, removed in 2025-06-18. */
    public static boolean allowsBatches(String version) {
        return "2025-03-26".equals(version) || "2024-11-05".equals(version);
    }

    public static boolean modern(String version) {
        return MODERN.equals(version);
    }

    public static boolean supported(String version) {
        return SESSION_ERA.contains(version);
    }
}
