package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.core.plugin.CatalogChange;
import io.berth.core.plugin.CatalogChanges;
import io.berth.sdk.CatalogList;
import io.berth.sdk.LogLevel;
import io.berth.sdk.ToolContext;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * What every running call offers a plugin, whatever the protocol era: its tenant, cancellation, and progress and log
 * messages on the call's own stream. The eras differ in how input is requested (subclasses).
 */
abstract class CallContext implements ToolContext {

    private final String tenantId;
    private final JsonValue progressToken;
    protected final MessageSink channel;
    private final CatalogChanges changes;
    private volatile boolean cancelled;
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

    static String notification(String method, JsonObject params) {
        return JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("method", method)
                .add("params", params).build().toString();
    }
}
