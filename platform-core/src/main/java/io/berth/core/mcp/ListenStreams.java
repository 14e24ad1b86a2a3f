package io.berth.core.mcp;

import io.berth.core.identity.Scopes;
import io.berth.core.json.JsonFactories;
import io.berth.core.plugin.CatalogChange;
import io.berth.core.plugin.PluginCatalog;
import io.berth.core.plugin.TenantCatalog;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code subscriptions/listen} (2026-07-28): a long-lived event stream per request, held on the node that received it.
 * It opens with {@code notifications/subscriptions/acknowledged} naming what will be sent, then carries only those
 * notifications, each tagged with the listen request's id. Changes announced on any node reach every node
 * ({@link CatalogChange} events), so a listener hears of them wherever it is connected. On shutdown each stream gets
 * its final result and ends. A listener hears of a resource only while its scopes, as its request brought them, let it
 * read that resource ({@link OfferingAccess}): the rest of its {@code resourceSubscriptions} is left out of the
 * acknowledgement, as URIs the tenant does not offer are.
 */
@ApplicationScoped
class ListenStreams {

    static final String SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

    @Inject
    @ConfigProperty(name = "berth.mcp.keep-alive-seconds")
    long keepAliveSeconds;

    @Inject
    PluginCatalog catalogs;

    /** What one listener asked for and was granted, and the scopes of the request that opened it. */
    private record Listener(String tenant, JsonValue id, boolean tools, boolean prompts, boolean resources,
                            Set<String> uris, Set<String> grants, SseStream stream) {
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "berth-listen-keep-alive");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean keepingAlive;

    void open(String tenant, TenantCatalog catalog, Set<String> grants, JsonRpcMessage.Request r,
              HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonValue requested = r.params().get("notifications");
        if (!(requested instanceof JsonObject filter)) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "notifications must be an object");
        }
        Set<String> uris = new LinkedHashSet<>();
        if (filter.get("resourceSubscriptions") instanceof JsonArray list) {
            for (JsonValue v : list) {
                // Only resources this tenant offers and the listener may read: the acknowledgement must not promise
                // updates that cannot come.
                if (v instanceof JsonString s && OfferingAccess.scopesToRead(catalog, s.getString())
                        .filter(needed -> Scopes.allows(grants, needed)).isPresent()) {
                    uris.add(s.getString());
                }
            }
        } else if (filter.containsKey("resourceSubscriptions")) {
            throw JsonRpcException.of(JsonRpcError.INVALID_PARAMS, "resourceSubscriptions must be an array of URIs");
        }
        startKeepAlive();
        Listener[] self = new Listener[1];
        SseStream stream = new SseStream(req.startAsync(), resp, () -> listeners.remove(self[0]));
        self[0] = new Listener(tenant, r.id(), filter.get("toolsListChanged") == JsonValue.TRUE,
                filter.get("promptsListChanged") == JsonValue.TRUE,
                filter.get("resourcesListChanged") == JsonValue.TRUE, Set.copyOf(uris), Set.copyOf(grants), stream);
        stream.send("message", acknowledgement(self[0]));
        listeners.add(self[0]);
    }

    void onChange(@Observes CatalogChange change) {
        // A resource's scopes may have changed since the listener subscribed (a new plugin version): checked again.
        Set<String> needed = change.kind() == CatalogChange.Kind.RESOURCE_UPDATED
                ? OfferingAccess.scopesToRead(catalogs.of(change.tenantId()), change.uri()).orElse(null) : Set.of();
        for (Listener l : listeners) {
            if (!l.tenant().equals(change.tenantId())) {
                continue;
            }
            boolean asked = switch (change.kind()) {
                case TOOLS -> l.tools();
                case PROMPTS -> l.prompts();
                case RESOURCES -> l.resources();
                case RESOURCE_UPDATED -> needed != null && l.uris().contains(change.uri())
                        && Scopes.allows(l.grants(), needed);
                case PLUGINS -> false;
            };
            String method = CallContext.notificationMethod(change.kind());
            if (asked && method != null) {
                JsonObjectBuilder params = JsonFactories.BUILDERS.createObjectBuilder();
                if (change.uri() != null) {
                    params.add("uri", change.uri());
                }
                l.stream().send("message", CallContext.notification(method, params.add("_meta", tag(l)).build()));
            }
        }
    }

    private static String acknowledgement(Listener l) {
        var b = JsonFactories.BUILDERS;
        JsonObjectBuilder granted = b.createObjectBuilder();
        if (l.tools()) {
            granted.add("toolsListChanged", true);
        }
        if (l.prompts()) {
            granted.add("promptsListChanged", true);
        }
        if (l.resources()) {
            granted.add("resourcesListChanged", true);
        }
        if (!l.uris().isEmpty()) {
            JsonArrayBuilder uris = b.createArrayBuilder();
            l.uris().forEach(uris::add);
            granted.add("resourceSubscriptions", uris);
        }
        return CallContext.notification("notifications/subscriptions/acknowledged",
                b.createObjectBuilder().add("notifications", granted).add("_meta", tag(l)).build());
    }

    private static JsonObject tag(Listener l) {
        return JsonFactories.BUILDERS.createObjectBuilder().add(SUBSCRIPTION_ID, l.id()).build();
    }

    private void startKeepAlive() {
        if (!keepingAlive) {
            synchronized (this) {
                if (!keepingAlive) {
                    keepAlive.scheduleAtFixedRate(() -> listeners.forEach(l -> l.stream().keepAlive()),
                            keepAliveSeconds, keepAliveSeconds, TimeUnit.SECONDS);
                    keepingAlive = true;
                }
            }
        }
    }

    /** A graceful end: each listener gets the listen request's result, then the stream closes. */
    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
        for (Listener l : listeners) {
            JsonObject result = ModernResults.complete(JsonFactories.BUILDERS.createObjectBuilder()
                    .add("_meta", tag(l)).build());
            l.stream().send("message", JsonRpcCodec.result(l.id(), result));
            l.stream().close();
        }
    }
}
