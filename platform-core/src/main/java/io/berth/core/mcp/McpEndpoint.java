package io.berth.core.mcp;

import io.berth.core.tenant.TenantGateFilter;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /t/{tenant}/mcp}: the Streamable HTTP transport of the session era. A plain servlet, not JAX-RS: the agent path
 * is measured against the MCP Java SDK on Tomcat and JAX-RS alone costs more than that whole SDK per call.
 *
 * <p>Order of checks: the tenant gate has run (filter); then Host/Origin (403), method and media types (405/415/406),
 * body size (413), JSON-RPC shape (400), session (400 missing / 404 unknown) and protocol version header (400).
 */
@WebServlet(urlPatterns = "/t/*", asyncSupported = true)
public class McpEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(McpEndpoint.class.getName());

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";
    static final String MODERN_VERSION_META = "io.modelcontextprotocol/protocolVersion";
    /** Until the identity issue lands every caller is this principal; sessions are keyed by it already. */
    static final String PLACEHOLDER_PRINCIPAL = "anonymous";

    @Inject
    transient McpConfig config;

    @Inject
    transient McpSessions sessions;

    @Inject
    transient McpMethods methods;

    @Inject
    transient ClientReplies replies;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String tenant = (String) req.getAttribute(TenantGateFilter.TENANT_ATTRIBUTE);
        if (tenant == null || !("/" + tenant + "/mcp").equals(req.getPathInfo())) {
            fail(resp, 404, null, JsonRpcError.INVALID_REQUEST, "No MCP endpoint at this address");
            return;
        }
        if (!HostRules.hostAllowed(req.getHeader("Host"), config.allowedHosts())
                || !HostRules.originAllowed(req.getHeader("Origin"), config.allowedHosts())) {
            fail(resp, 403, null, JsonRpcError.INVALID_REQUEST, "Forbidden: host or origin not allowed");
            return;
        }
        try {
            switch (req.getMethod()) {
                case "POST" -> post(tenant, req, resp);
                case "DELETE" -> delete(tenant, req, resp);
                case "GET" -> {
                    // No server-to-client stream yet: the transport allows 405 here.
                    resp.setHeader("Allow", "POST, DELETE");
                    fail(resp, 405, null, JsonRpcError.INVALID_REQUEST, "This endpoint offers no GET stream");
                }
                default -> {
                    resp.setHeader("Allow", "POST, GET, DELETE");
                    fail(resp, 405, null, JsonRpcError.INVALID_REQUEST, "Method not allowed");
                }
            }
        } catch (JsonRpcException e) {
            fail(resp, e.httpStatus(), e.id(), e.error());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MCP request of tenant " + tenant + " failed", e);
            fail(resp, 500, null, JsonRpcError.INTERNAL_ERROR, "Internal error");
        }
    }

    private void post(String tenant, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!mediaType(req.getContentType()).equals("application/json")) {
            fail(resp, 415, null, JsonRpcError.INVALID_REQUEST, "Content-Type must be application/json");
            return;
        }
        if (!acceptsJson(req.getHeader("Accept"))) {
            fail(resp, 406, null, JsonRpcError.INVALID_REQUEST,
                    "Accept must allow application/json and text/event-stream");
            return;
        }
        byte[] body = readBody(req);
        if (body == null) {
            fail(resp, 413, null, JsonRpcError.INVALID_REQUEST,
                    "The body exceeds " + config.maxBodyBytes() + " bytes");
            return;
        }
        JsonRpcMessage message = JsonRpcCodec.read(body, config.maxJsonDepth());
        rejectModernEnvelope(message, req);
        if (message instanceof JsonRpcMessage.Request r && r.method().equals("initialize")) {
            initialize(tenant, r, resp);
            return;
        }
        McpSession session = requireSession(tenant, req);
        if (message instanceof JsonRpcMessage.Request r && methods.runsPluginCode(r.method())) {
            callPlugin(session, r, req, resp);
        } else if (message instanceof JsonRpcMessage.Request r) {
            JsonObject result;
            try {
                result = methods.handle(session, r);
            } catch (JsonRpcException e) {
                throw e.withId(r.id());
            }
            writeJson(resp, 200, JsonRpcCodec.result(r.id(), result));
        } else if (message instanceof JsonRpcMessage.Response r) {
            replies.deliver(session.key(), r.id().toString(), r.body());
            resp.setStatus(202);
        } else {
            JsonRpcMessage.Notification n = (JsonRpcMessage.Notification) message;
            if (n.method().equals("notifications/cancelled") && n.params().get("requestId") != null) {
                replies.cancel(session.key(), n.params().get("requestId").toString());
            }
            // Other notifications (initialized, roots changed, ...) need nothing from this server.
            resp.setStatus(202);
        }
    }

    /**
     * Runs a method backed by plugin code asynchronously: the container thread returns at once, and the answer (a JSON
     * body, or an event stream if the plugin reports progress, logs or asks the client something) is written as the
     * call proceeds.
     */
    private void callPlugin(McpSession session, JsonRpcMessage.Request r, HttpServletRequest req,
                            HttpServletResponse resp) {
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // the call has its own deadline (PluginCalls)
        ResponseChannel channel = new ResponseChannel(async, resp);
        CompletableFuture<JsonObject> result;
        try {
            result = methods.start(session, r, channel);
        } catch (JsonRpcException e) {
            JsonRpcException answered = e.withId(r.id());
            channel.finish(JsonRpcCodec.error(answered.id(), answered.error()));
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, r.method() + " of tenant " + session.tenantId() + " failed", e);
            channel.finish(JsonRpcCodec.error(r.id(), JsonRpcError.of(JsonRpcError.INTERNAL_ERROR, "Internal error")));
            return;
        }
        result.whenComplete((ok, failure) -> {
            if (failure == null) {
                channel.finish(JsonRpcCodec.result(r.id(), ok));
            } else {
                JsonRpcException e = PluginErrors.toJsonRpc(failure);
                channel.finish(JsonRpcCodec.error(r.id(), e.error()));
            }
        });
    }

    private void initialize(String tenant, JsonRpcMessage.Request r, HttpServletResponse resp) throws IOException {
        JsonObject params = r.params();
        String requested = params.get("protocolVersion") instanceof JsonString s ? s.getString() : null;
        String negotiated = ProtocolVersions.negotiate(requested);
        JsonObject result;
        try {
            result = methods.initializeResult(params, negotiated);
        } catch (JsonRpcException e) {
            throw e.withId(r.id());
        }
        JsonObject capabilities = params.getJsonObject("capabilities");
        McpSession session = sessions.open(tenant, PLACEHOLDER_PRINCIPAL, negotiated, capabilities.toString());
        resp.setHeader(SESSION_HEADER, session.id());
        writeJson(resp, 200, JsonRpcCodec.result(r.id(), result));
    }

    private void delete(String tenant, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            fail(resp, 400, null, JsonRpcError.INVALID_REQUEST, "Mcp-Session-Id header is required");
            return;
        }
        if (!methods.close(tenant, PLACEHOLDER_PRINCIPAL, id.strip())) {
            fail(resp, 404, null, JsonRpcError.SESSION_NOT_FOUND, "Session not found");
            return;
        }
        resp.setStatus(204);
    }

    private McpSession requireSession(String tenant, HttpServletRequest req) {
        String id = req.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "Mcp-Session-Id header is required: send initialize first"), 400);
        }
        McpSession session = sessions.find(tenant, PLACEHOLDER_PRINCIPAL, id.strip())
                .orElseThrow(() -> new JsonRpcException(null,
                        JsonRpcError.of(JsonRpcError.SESSION_NOT_FOUND, "Session not found"), 404));
        String version = req.getHeader(VERSION_HEADER);
        if (version != null && !ProtocolVersions.supported(version.strip())) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "Unsupported MCP-Protocol-Version: " + version.strip()), 400);
        }
        return session;
    }

    /**
     * A request in the stateless 2026-07-28 envelope is answered with the versions this endpoint speaks, so a
     * dual-era client falls back to {@code initialize}.
     */
    private static void rejectModernEnvelope(JsonRpcMessage message, HttpServletRequest req) {
        JsonObject params = message instanceof JsonRpcMessage.Request r ? r.params()
                : message instanceof JsonRpcMessage.Notification n ? n.params() : null;
        JsonValue meta = params == null ? null : params.get("_meta");
        String requested = meta instanceof JsonObject m && m.get(MODERN_VERSION_META) instanceof JsonString s
                ? s.getString() : null;
        if (requested == null) {
            return;
        }
        var supported = io.berth.core.json.JsonFactories.BUILDERS.createArrayBuilder();
        ProtocolVersions.SESSION_ERA.forEach(supported::add);
        JsonObject data = io.berth.core.json.JsonFactories.BUILDERS.createObjectBuilder()
                .add("supported", supported).add("requested", requested).build();
        JsonValue id = message instanceof JsonRpcMessage.Request r ? r.id() : null;
        throw new JsonRpcException(id, new JsonRpcError(-32022, "Unsupported protocol version: " + requested, data),
                400);
    }

    /** The body, or {@code null} when it is larger than allowed. */
    private byte[] readBody(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > config.maxBodyBytes()) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
            return body.length > config.maxBodyBytes() ? null : body;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Absent Accept means anything; otherwise JSON (or a wildcard) must be acceptable, as every reply here is JSON. */
    private static boolean acceptsJson(String accept) {
        if (accept == null) {
            return true;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains("application/json") || a.contains("*/*") || a.contains("application/*");
    }

    private static void fail(HttpServletResponse resp, int status, JsonValue id, int code, String message)
            throws IOException {
        fail(resp, status, id, JsonRpcError.of(code, message));
    }

    private static void fail(HttpServletResponse resp, int status, JsonValue id, JsonRpcError error)
            throws IOException {
        writeJson(resp, status, JsonRpcCodec.error(id, error));
    }

    private static void writeJson(HttpServletResponse resp, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
