package io.berth.core.mcp;

import io.berth.core.identity.IdentityUris;
import io.berth.core.identity.TokenVerifier;
import io.berth.core.plugin.TenantCatalog;
import io.berth.core.tenant.TenantDirectory;
import io.berth.core.tenant.TenantStanding;
import io.berth.core.tenant.TenantStatus;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What an MCP request goes through before any MCP work, wired by hand for measurements outside this package
 * ({@code io.berth.core.identity.VerifyBenchmark}): the tenant gate's status lookup, {@link AgentAuthentication}
 * (header, token verification with its caches and the revocation check, or the tenant's anonymous-agent policy), and
 * {@link OfferingAccess} for a {@code tools/call} or a {@code tools/list}.
 */
public final class AgentChecks {

    private final String tenant;
    private final TenantDirectory tenants;
    private final AgentAuthentication authentication = new AgentAuthentication();
    private final TenantCatalog catalog;

    public AgentChecks(String tenant, TokenVerifier verifier, TenantDirectory tenants, IdentityUris uris,
                       TenantCatalog catalog) {
        this.tenant = tenant;
        this.tenants = tenants;
        this.catalog = catalog;
        authentication.verifier = verifier;
        authentication.tenants = tenants;
        authentication.uris = uris;
        // The catalogs are asked only to name scopes in a refusal; refusals are not measured here.
    }

    /** A request with {@code Authorization: <value>}, or with none when {@code authorization} is null. */
    public static HttpServletRequest request(String authorization) {
        List<String> values = authorization == null ? List.of() : List.of(authorization);
        return (HttpServletRequest) Proxy.newProxyInstance(AgentChecks.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> "Authorization".equalsIgnoreCase((String) args[0])
                            ? Collections.enumeration(values) : Collections.emptyEnumeration();
                    case "toString" -> "request";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** {@code tools/call} params naming {@code tool}. */
    public static JsonObject call(String tool) {
        return Json.createObjectBuilder().add("name", tool).build();
    }

    /** Gate, authentication: the agent's granted scopes. Throws if the request would be refused. */
    public Set<String> authenticate(HttpServletRequest request) throws IOException {
        if (tenants.status(tenant).orElse(null) != TenantStatus.ACTIVE) {
            throw new IllegalStateException("the gate refuses " + tenant);
        }
        Agent agent = authentication.authenticate(tenant, TenantStanding.SERVED, request, null);
        if (agent == null) {
            throw new IllegalStateException("refused");
        }
        return agent.scopes();
    }

    /** The access decision of a {@code tools/call} (as the session era's pre-check and the stateless call make it). */
    public void callable(JsonObject params, Set<String> grants) {
        ToolMethods.find(catalog, params, grants);
    }

    /** The access decision of a {@code tools/list}: the number of tools the caller sees. */
    public int listed(Set<String> grants) {
        return OfferingAccess.visible(catalog, catalog.tools(), grants).size();
    }
}
