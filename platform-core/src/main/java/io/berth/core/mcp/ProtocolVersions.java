package io.berth.core.mcp;

import java.util.List;

/** The MCP protocol revisions Berth's session-era engine speaks, newest first. */
public final class ProtocolVersions {

    public static final String LATEST = "2025-11-25";
    /** 2024-11-05 is the revision of the legacy HTTP+SSE transport; older clients still negotiate it. */
    public static final List<String> SESSION_ERA = List.of(LATEST, "2025-06-18", "2025-03-26", "2024-11-05");

    private ProtocolVersions() {
    }

    /** The version to answer an initialize request with: the requested one if supported, else the latest. */
    public static String negotiate(String requested) {
        return SESSION_ERA.contains(requested) ? requested : LATEST;
    }

    public static boolean supported(String version) {
        return SESSION_ERA.contains(version);
    }
}
