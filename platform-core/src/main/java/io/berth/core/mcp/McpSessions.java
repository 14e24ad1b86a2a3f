package io.berth.core.mcp;

import com.hazelcast.config.Config;
import com.hazelcast.map.IMap;

import io.berth.core.cluster.ClusterContribution;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.cluster.NearCachedMaps;
import io.berth.core.security.Secrets;
import io.berth.sdk.LogLevel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Session-era MCP sessions, in Hazelcast so that any node serves any request of a session (no sticky load balancing).
 *
 * <p>The key is {@code tenant:principal:sessionId}: a session id presented at another tenant or by another principal
 * simply does not exist there (404), so a leaked id is useless to anyone else. Values are short strings; each node keeps
 * a near cache so the lookup on every POST costs no network hop.
 */
@ApplicationScoped
public class McpSessions implements ClusterContribution {

    static final String MAP = "berth.mcp-sessions";
    private static final char SEP = '\n';

    @Inject
    ClusterMember cluster;

    @Inject
    @ConfigProperty(name = "berth.mcp.session-ttl-seconds")
    long ttlSeconds;

    @Override
    public void contribute(Config config) {
        config.addMapConfig(NearCachedMaps.config(MAP, 100_000));
    }

    /** Starts a session; its id is 256 random bits, base64url (visible ASCII, as the transport requires). */
    McpSession open(String tenantId, Agent agent, String protocolVersion, String clientCapabilities) {
        McpSession s = new McpSession(tenantId, agent.principal(), Secrets.random(32), protocolVersion,
                clientCapabilities, LogLevel.DEBUG, agent.caller());
        store(s);
        return s;
    }

    /** Records what a legacy session's {@code initialize} negotiated (its stream came first). */
    public McpSession initialized(McpSession s, String protocolVersion, String clientCapabilities) {
        McpSession changed = new McpSession(s.tenantId(), s.principal(), s.id(), protocolVersion, clientCapabilities,
                s.logLevel(), s.caller());
        store(changed);
        return changed;
    }

    /** Records the client's {@code logging/setLevel} (and renews the session's lifetime). */
    public McpSession withLogLevel(McpSession s, LogLevel level) {
        McpSession changed = new McpSession(s.tenantId(), s.principal(), s.id(), s.protocolVersion(),
                s.clientCapabilities(), level, s.caller());
        store(changed);
        return changed;
    }

    private void store(McpSession s) {
        map().set(s.key(), s.protocolVersion() + SEP + s.logLevel().name() + SEP + s.clientCapabilities(), ttlSeconds,
                TimeUnit.SECONDS);
    }

    /** The agent's session with this id; empty when it does not exist for this tenant and principal. */
    Optional<McpSession> find(String tenantId, Agent agent, String sessionId) {
        String value = map().get(key(tenantId, agent.principal(), sessionId));
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\n", 3);
        return Optional.of(new McpSession(tenantId, agent.principal(), sessionId, parts[0], parts[2],
                LogLevel.valueOf(parts[1]), agent.caller()));
    }

    /** Ends a session; false when there was none. */
    public boolean close(String tenantId, String principal, String sessionId) {
        return map().remove(key(tenantId, principal, sessionId)) != null;
    }

    private static String key(String tenantId, String principal, String sessionId) {
        return ScopedKeys.of(tenantId, principal, sessionId);
    }

    private IMap<String, String> map() {
        return cluster.hazelcast().getMap(MAP);
    }
}
