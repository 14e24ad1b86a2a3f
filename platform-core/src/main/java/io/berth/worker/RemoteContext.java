package io.berth.worker;

import io.berth.sdk.Caller;
import io.berth.sdk.CatalogList;
import io.berth.sdk.DataStore;
import io.berth.sdk.Elicitation;
import io.berth.sdk.HttpEgress;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.LogLevel;
import io.berth.sdk.QuotaExceededException;
import io.berth.sdk.Root;
import io.berth.sdk.Secret;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.worker.wire.CallerWire;
import io.berth.worker.wire.Fields;
import io.berth.worker.wire.InputWire;
import io.berth.worker.wire.JsonException;
import io.berth.worker.wire.Rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ToolContext} plugin code gets inside the worker: every capability is a {@code context/<name>} message to
 * the host, which serves it from the call's real context. Capabilities that return nothing are notifications (in
 * order with the call's answer on the same pipe); those that return something are requests. Cancellation is pushed by
 * the host, so {@link #cancelled()} is a local read.
 *
 * <p>The data store, egress and secrets are the host's too: the worker holds no grant of its own, so the host's checks
 * (tenant and plugin scoping, quota, allow-list, address pinning) decide every use. {@link #data()} and
 * {@link #http()} ask the host once per call whether the call has them, so they refuse where the host's context
 * would, and then hand out proxies.
 */
final class RemoteContext implements ToolContext {

    private final HostLink host;
    private final long call;
    private final String tenantId;
    private volatile boolean cancelled;
    private volatile DataStore data;
    private volatile HttpEgress http;

    RemoteContext(HostLink host, long call, String tenantId) {
        this.host = host;
        this.call = call;
        this.tenantId = tenantId;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public Caller caller() throws ToolException {
        try {
            return CallerWire.caller(askObject("caller", params()));
        } catch (JsonException e) {
            throw malformed();
        }
    }

    @Override
    public DataStore data() throws ToolException {
        DataStore d = data;
        if (d == null) {
            ask("data", params());
            d = data = new RemoteDataStore(this);
        }
        return d;
    }

    @Override
    public HttpEgress http() throws ToolException {
        HttpEgress h = http;
        if (h == null) {
            ask("http", params());
            h = http = new RemoteEgress(this);
        }
        return h;
    }

    @Override
    public Optional<Secret> secret(String name) throws ToolException {
        Map<String, Object> p = params();
        p.put("name", name);
        try {
            return CallerWire.readSecret(askObject("secret", p));
        } catch (JsonException e) {
            throw malformed();
        }
    }

    @Override
    public void progress(double progress, Double total, String message) {
        Map<String, Object> p = params();
        p.put("progress", progress);
        put(p, "total", total);
        put(p, "message", message);
        tell("progress", p);
    }

    @Override
    public void log(LogLevel level, String logger, Object data) {
        Map<String, Object> p = params();
        p.put("level", level.wire());
        put(p, "logger", logger);
        p.put("data", data);
        tell("log", p);
    }

    @Override
    public void status(String message) {
        Map<String, Object> p = params();
        put(p, "message", message);
        tell("status", p);
    }

    @Override
    public void listChanged(CatalogList list) {
        Map<String, Object> p = params();
        p.put("list", list.name());
        tell("listChanged", p);
    }

    @Override
    public void resourceUpdated(String uri) {
        Map<String, Object> p = params();
        p.put("uri", uri);
        tell("resourceUpdated", p);
    }

    @Override
    public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
        Map<String, Object> p = params();
        p.put("message", message);
        p.put("requestedSchema", requestedSchema);
        return InputWire.elicitation(object(ask("elicit", p)));
    }

    @Override
    public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
        Map<String, Object> p = params();
        p.put("params", params);
        return object(ask("createMessage", p));
    }

    @Override
    public InputResponses requestInput(Map<String, InputRequest> requests) throws ToolException {
        Map<String, Object> p = params();
        p.put("requests", InputWire.requests(requests));
        return InputWire.responses(Fields.object(object(ask("requestInput", p)), "answers"));
    }

    @Override
    public List<Root> listRoots() throws ToolException {
        return InputWire.readRoots(Fields.list(object(ask("listRoots", params())), "roots"));
    }

    @Override
    public boolean runAsTask() {
        return flag("runAsTask", params());
    }

    @Override
    public boolean canRequest(InputRequest request) {
        Map<String, Object> p = params();
        p.put("request", InputWire.request(request));
        return flag("canRequest", p);
    }

    /** A capability that answers yes or no; a host that cannot answer means no. */
    private boolean flag(String capability, Map<String, Object> p) {
        try {
            return Fields.bool(object(ask(capability, p)), "value");
        } catch (ToolException | JsonException e) {
            return false;
        }
    }

    /** A capability's answer, which must be an object. */
    Map<String, Object> askObject(String capability, Map<String, Object> p) throws ToolException {
        return object(ask(capability, p));
    }

    private Object ask(String capability, Map<String, Object> p) throws ToolException {
        try {
            return host.request(Rpc.CONTEXT_PREFIX + capability, p);
        } catch (HostLink.HostError e) {
            throw refusal(capability, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolException("The call was cancelled");
        }
    }

    /**
     * The host's refusal as the plugin would see it in the classloader tier: same type, same message. A data store
     * write too large to send is what the host would refuse as over the quota.
     */
    private static ToolException refusal(String capability, HostLink.HostError e) {
        if (e.code == Rpc.QUOTA_EXCEEDED || e.tooLarge && capability.startsWith(RemoteDataStore.PREFIX)) {
            return new QuotaExceededException(e.getMessage());
        }
        return new ToolException(e.getMessage());
    }

    static ToolException malformed() {
        return new ToolException("The host sent a malformed answer");
    }

    private void tell(String capability, Map<String, Object> p) {
        host.notify(Rpc.CONTEXT_PREFIX + capability, p);
    }

    private static Map<String, Object> object(Object result) throws ToolException {
        if (result instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) result;
            return m;
        }
        throw malformed();
    }

    Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("call", call);
        return p;
    }

    static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
