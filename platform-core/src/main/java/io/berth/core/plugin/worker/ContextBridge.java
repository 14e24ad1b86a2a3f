package io.berth.core.plugin.worker;

import io.berth.sdk.CatalogList;
import io.berth.sdk.LogLevel;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.InputWire;
import io.berth.worker.wire.JsonException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a worker's {@code context/<capability>} messages from the real {@link ToolContext} of the call they name. The
 * table is open: a capability added to the SDK later is one {@link #register} here and one method of the worker's
 * context, with no change to the protocol's shape; caller, data store, egress and secrets are registered by
 * {@link HostCapabilities}.
 *
 * <p>Everything a worker sends is untrusted: parameters are read strictly, and a capability's own checks (progress
 * must grow, log levels, input the client may answer) stay where they are, in the host's context.
 */
public final class ContextBridge {

    /** One capability: reads its params, acts on the host's context, returns a plain-Java JSON result or null. */
    @FunctionalInterface
    public interface Capability {
        Object serve(ToolContext context, Map<String, Object> params) throws ToolException;
    }

    /** The worker asked for a capability nobody registered. */
    static final class UnknownCapability extends Exception {
        private static final long serialVersionUID = 1L;

        UnknownCapability(String name) {
            super("Unknown capability " + name, null, false, false);
        }
    }

    private final Map<String, Capability> capabilities = new ConcurrentHashMap<>();

    public ContextBridge() {
        register("progress", (c, p) -> {
            Object total = p.get("total");
            c.progress(Fields.number(p, "progress"), total == null ? null : Fields.number(p, "total"),
                    Fields.optString(p, "message"));
            return null;
        });
        register("log", (c, p) -> {
            c.log(LogLevel.valueOf(Fields.string(p, "level").toUpperCase(Locale.ROOT)), Fields.optString(p, "logger"),
                    p.get("data"));
            return null;
        });
        register("status", (c, p) -> {
            c.status(Fields.optString(p, "message"));
            return null;
        });
        register("listChanged", (c, p) -> {
            c.listChanged(CatalogList.valueOf(Fields.string(p, "list")));
            return null;
        });
        register("resourceUpdated", (c, p) -> {
            c.resourceUpdated(Fields.string(p, "uri"));
            return null;
        });
        register("elicit", (c, p) -> InputWire.elicitation(c.elicit(Fields.string(p, "message"),
                Fields.object(p, "requestedSchema"))));
        register("createMessage", (c, p) -> c.createMessage(Fields.object(p, "params")));
        register("requestInput", (c, p) -> one("answers",
                InputWire.responses(c.requestInput(InputWire.readRequests(Fields.object(p, "requests"))))));
        register("listRoots", (c, p) -> one("roots", InputWire.roots(c.listRoots())));
        register("runAsTask", (c, p) -> one("value", c.runAsTask()));
        register("canRequest", (c, p) -> one("value",
                c.canRequest(InputWire.request(Fields.object(p, "request")))));
        HostCapabilities.register(this);
    }

    /** Adds or replaces a capability. */
    public void register(String name, Capability capability) {
        capabilities.put(name, capability);
    }

    /**
     * @throws ToolException      the host's context refused: its message goes back to the plugin
     * @throws JsonException      the params are malformed
     * @throws UnknownCapability  nothing is registered under {@code name}
     */
    Object serve(String name, ToolContext context, Map<String, Object> params)
            throws ToolException, UnknownCapability {
        Capability c = capabilities.get(name);
        if (c == null) {
            throw new UnknownCapability(name);
        }
        try {
            return c.serve(context, params);
        } catch (IllegalArgumentException e) {
            // enum names and SDK record checks: the worker sent something the SDK does not allow
            throw e instanceof JsonException j ? j : new JsonException(e.getMessage() == null ? "invalid params"
                    : e.getMessage());
        }
    }

    private static Map<String, Object> one(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
