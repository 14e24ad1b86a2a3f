package io.berth.core.mcp;

import io.berth.core.capability.CallCapabilities;
import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.core.plugin.CatalogChange;
import io.berth.core.plugin.CatalogChanges;
import io.berth.sdk.Caller;
import io.berth.sdk.CatalogList;
import io.berth.sdk.DataStore;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Secret;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Optional;

/**
 * What every running call offers a plugin, whatever the protocol era: its tenant and caller, cancellation, progress
 * and log messages on the call's own stream, and the capabilities of the plugin being called (data store, egress,
 * secrets), granted by {@link ToolMethods} once it knows which plugin that is. The eras differ in how input is
 * requested (subclasses).
 */
abstract class CallContext implements ToolContext {

    private final String tenantId;
    private final JsonValue progressToken;
    protected final MessageSink channel;
    private final CatalogChanges changes;
    private volatile boolean cancelled;
    private volatile Caller caller = Caller.anonymous();
    private volatile CallCapabilities capabilities;
    private double lastProgress = Double.NEGATIVE_INFINITY;

    CallContext(String tenantId, JsonValue progressToken, MessageSink channel, CatalogChanges changes) {
        this.tenantId = tenantId;
        this.progressToken = progressToken;
        this.channel = channel;
        this.changes = changes;
    }

    @Override
    public void listChanged(CatalogList list) {
        changes.announce(new CatalogChange(tenantId, CatalogChange.Kind.valueOf(list.name()), null));
    }

    @Override
    public void resourceUpdated(String uri) {
        changes.announce(new CatalogChange(tenantId, CatalogChange.Kind.RESOURCE_UPDATED, uri));
    }

    /**
     * Grants the capabilities of the plugin this call runs. They must be for this call's tenant: a mismatch is a bug
     * in Berth, and fails loudly rather than hand one tenant's data to another.
     */
    void grant(CallCapabilities granted) {
        if (!granted.tenantId().equals(tenantId)) {
            throw new IllegalStateException("capabilities of another tenant offered to a call");
        }
        capabilities = granted;
    }

    /** Grants the capabilities of {@code target}'s plugin (a tool, resource, template or prompt about to run). */
    void grantFor(io.berth.core.plugin.Deployed<?> target, io.berth.core.capability.Capabilities source) {
        grant(source.forCall(target.tenantId(), target.pluginName(), this::cancelled));
    }

    /** Sets the authenticated caller (agent identity); until then every call is anonymous. */
    void caller(Caller authenticated) {
        caller = java.util.Objects.requireNonNull(authenticated, "authenticated");
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public DataStore data() throws ToolException {
        return granted().data();
    }

    @Override
    public HttpEgress http() throws ToolException {
        return granted().http();
    }

    @Override
    public Optional<Secret> secret(String name) throws ToolException {
        return granted().secret(name);
    }

    private CallCapabilities granted() throws ToolException {
        CallCapabilities c = capabilities;
        if (c == null) {
            throw new ToolException("This capability is not available outside a tool call");
        }
        return c;
    }

    /** The least severe level the caller wants to see, or null for no log messages at all. */
    abstract LogLevel logThreshold();

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public synchronized void progress(double progress, Double total, String message) {
        // Progress must strictly increase (utilities/progress): a report that does not is dropped.
        if (progressToken == null || progress <= lastProgress) {
            return;
        }
        lastProgress = progress;
        JsonObjectBuilder params = JsonFactories.BUILDERS.createObjectBuilder()
                .add("progressToken", progressToken).add("progress", progress);
        if (total != null) {
            params.add("total", total);
        }
        if (message != null) {
            params.add("message", message);
        }
        channel.send(notification("notifications/progress", params.build()));
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        LogLevel threshold = logThreshold();
        if (threshold == null || level.ordinal() < threshold.ordinal()) {
            return;
        }
        JsonObjectBuilder params = JsonFactories.BUILDERS.createObjectBuilder().add("level", level.wire());
        if (logger != null) {
            params.add("logger", logger);
        }
        params.add("data", PlainJson.toJson(data));
        channel.send(notification("notifications/message", params.build()));
    }

    /** The MCP notification that tells a client of {@code kind}; null for {@code PLUGINS} (never fired as such). */
    static String notificationMethod(CatalogChange.Kind kind) {
        return switch (kind) {
            case TOOLS -> "notifications/tools/list_changed";
            case PROMPTS -> "notifications/prompts/list_changed";
            case RESOURCES -> "notifications/resources/list_changed";
            case RESOURCE_UPDATED -> "notifications/resources/updated";
            case PLUGINS -> null; // announced, then turned into the list kinds by CatalogChanges
        };
    }

    static String notification(String method, JsonObject params) {
        return JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("method", method)
                .add("params", params).build().toString();
    }
}
