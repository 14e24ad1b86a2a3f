package io.berth.core.mcp;

import com.hazelcast.multimap.MultiMap;

import io.berth.core.capability.Capabilities;
import io.berth.core.cluster.ClusterMember;
import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.Deployed;
import io.berth.core.plugin.PluginCalls;
import io.berth.core.plugin.TenantCatalog;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code resources/list}, {@code resources/templates/list}, {@code resources/read} and subscriptions. A URI no plugin
 * of the tenant offers is -32002 (resource not found), whether or not another tenant offers it. Lists show what the
 * caller may read, and reading or subscribing to anything else is the 403 of {@link OfferingAccess}.
 */
@ApplicationScoped
class ResourceMethods {

    static final int RESOURCE_NOT_FOUND = -32002;
    static final String SUBSCRIPTIONS = "berth.mcp-subscriptions";

    @Inject
    PluginCalls calls;

    @Inject
    Capabilities capabilities;

    @Inject
    ClusterMember cluster;

    JsonObject list(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        Pages.Page<Deployed<Resource>> page = Pages.of(OfferingAccess.visible(catalog, catalog.resources(), grants),
                r -> r.item().uri(), params);
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        page.items().forEach(d -> {
            Resource r = d.item();
            JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("uri", r.uri()).add("name", r.name());
            optional(b, "title", r.title());
            optional(b, "description", r.description());
            optional(b, "mimeType", r.mimeType());
            list.add(b);
        });
        return page.cursorInto(JsonFactories.BUILDERS.createObjectBuilder().add("resources", list)).build();
    }

    JsonObject templates(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        Pages.Page<Deployed<ResourceTemplate>> page = Pages.of(OfferingAccess.visible(catalog, catalog.templates(),
                grants), t -> t.item().uriTemplate(), params);
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        page.items().forEach(d -> {
            ResourceTemplate t = d.item();
            JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("uriTemplate", t.uriTemplate())
                    .add("name", t.name());
            optional(b, "title", t.title());
            optional(b, "description", t.description());
            optional(b, "mimeType", t.mimeType());
            list.add(b);
        });
        return page.cursorInto(JsonFactories.BUILDERS.createObjectBuilder().add("resourceTemplates", list)).build();
    }

    CompletableFuture<JsonObject> read(TenantCatalog catalog, JsonObject params, CallContext context) {
        TenantCatalog.ResolvedResource found = find(catalog, params, context.caller().scopes());
        String uri = McpMethods.requireString(params, "uri");
        context.grantFor(OfferingAccess.offering(found), capabilities);
        CompletableFuture<List<ResourceContents>> contents = found.resource() != null
                ? calls.run(found.resource(), "resource " + uri,
                        () -> found.resource().item().reader().read(uri, context))
                : calls.run(found.template(), "resource " + uri,
                        () -> found.template().item().reader().read(uri, found.variables(), context));
        return contents.handle((list, failure) -> {
            if (failure != null) {
                throw PluginErrors.toJsonRpc(failure);
            }
            if (list == null || list.isEmpty()) {
                throw notFound(uri);
            }
            JsonArrayBuilder out = JsonFactories.BUILDERS.createArrayBuilder();
            list.forEach(c -> {
                JsonObjectBuilder b = JsonFactories.BUILDERS.createObjectBuilder().add("uri", c.uri());
                optional(b, "mimeType", c.mimeType());
                out.add(c.text() != null ? b.add("text", c.text()) : b.add("blob", c.base64Blob()));
            });
            return JsonFactories.BUILDERS.createObjectBuilder().add("contents", out).build();
        });
    }

    /** Records the subscription (cluster-wide, per session) for a URI the tenant offers and the caller may read. */
    JsonObject subscribe(McpSession session, TenantCatalog catalog, JsonObject params) {
        find(catalog, params, session.caller().scopes());
        subscriptions().put(session.key(), McpMethods.requireString(params, "uri"));
        return McpMethods.EMPTY;
    }

    /**
     * What {@code params.uri} names, if the caller with {@code grants} may read it: unknown is -32002, lacking scopes
     * the 403 of {@link OfferingAccess#require}.
     */
    private static TenantCatalog.ResolvedResource find(TenantCatalog catalog, JsonObject params, Set<String> grants) {
        String uri = McpMethods.requireString(params, "uri");
        TenantCatalog.ResolvedResource found = catalog.resolve(uri).orElseThrow(() -> notFound(uri));
        OfferingAccess.require(OfferingAccess.offering(found), grants);
        return found;
    }

    JsonObject unsubscribe(McpSession session, JsonObject params) {
        subscriptions().remove(session.key(), McpMethods.requireString(params, "uri"));
        return McpMethods.EMPTY;
    }

    boolean subscribed(String sessionKey, String uri) {
        return subscriptions().containsEntry(sessionKey, uri);
    }

    /** Drops a session's subscriptions when the session ends. */
    void forget(String sessionKey) {
        subscriptions().remove(sessionKey);
    }

    private MultiMap<String, String> subscriptions() {
        return cluster.hazelcast().getMultiMap(SUBSCRIPTIONS);
    }

    /** -32002 with {@code data.uri}; 2026-07-28 answers the same with -32602 ({@link StatelessTransport}). */
    private static JsonRpcException notFound(String uri) {
        return new JsonRpcException(null, new JsonRpcError(RESOURCE_NOT_FOUND, "Resource not found: " + uri,
                JsonFactories.BUILDERS.createObjectBuilder().add("uri", uri).build()), 200);
    }

    static void optional(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
