package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Streamable HTTP, both eras on one endpoint. A POST in the 2026-07-28 envelope goes to {@link StatelessTransport};
 * the rest is the session era (2025-11-25, 2025-06-18, 2025-03-26): POST carries one message, GET opens the session's
 * server-to-client stream, DELETE ends the session. Checks in order: media types (415/406), body size (413), JSON-RPC
 * shape (400), session (400 missing / 404 unknown), protocol version header (400).
 */
@ApplicationScoped
class StreamableHttpTransport {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    static final String VERSION_HEADER = "MCP-Protocol-Version";

    @Inject
    McpConfig config;

    @Inject
    McpSessions sessions;

    @Inject
    McpMethods methods;

    @Inject
    SessionStreams streams;

    @Inject
    StatelessTransport stateless;

    @Inject
    StreamEvents events;

    void service(String tenant, Agent agent, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        switch (req.getMethod()) {
            case "POST" -> post(tenant, agent, req, resp);
            case "GET" -> openStream(tenant, agent, req, resp);
            case "DELETE" -> delete(tenant, agent, req, resp);
            default -> {
                resp.setHeader("Allow", "POST, GET, DELETE");
                HttpExchange.fail(resp, 405, null, JsonRpcError.INVALID_REQUEST, "Method not allowed");
            }
        }
    }

    private void post(String tenant, Agent agent, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        if (!HttpExchange.accepts(req.getHeader("Accept"), "application/json")) {
            HttpExchange.fail(resp, 406, null, JsonRpcError.INVALID_REQUEST,
                    "Accept must allow application/json and text/event-stream");
            return;
        }
        JsonRpcBatch parsed = HttpExchange.readBatchOrMessage(req, config.maxBodyBytes(), config.maxJsonDepth());
        if (parsed.batch()) {
            batch(tenant, agent, parsed, req, resp);
            return;
        }
        JsonRpcMessage message = parsed.single();
        if (isModern(message, req)) {
            stateless.post(tenant, agent, message, req, resp);
            return;
        }
        if (message instanceof JsonRpcMessage.Request r && r.method().equals("initialize")) {
            initialize(tenant, agent, r, resp);
            return;
        }
        McpSession session = requireSession(tenant, agent, req);
        if (message instanceof JsonRpcMessage.Request r && methods.answersLater(r.method())) {
            try {
                // A tool the agent lacks scopes for is refused on the POST itself: 403 with the challenge.
                methods.checkAccess(session, r);
            } catch (JsonRpcException e) {
                throw e.withId(r.id());
            }
            // Answered asynchronously: JSON, or an event stream from the call's first mid-call message.
            AsyncContext async = req.startAsync();
            async.setTimeout(0); // the call has its own deadline (PluginCalls)
            ResponseChannel channel = new ResponseChannel(async, resp,
                    new ResumableStream(session.key(), events, streams));
            if (config.ssePollAfterMs() > 0) {
                var poll = streams.schedule(channel::poll, config.ssePollAfterMs());
                methods.answer(session, r, new MessageSink() {
                    @Override
                    public void send(String message) {
                        channel.send(message);
                    }

                    @Override
                    public void finish(String message) {
                        poll.cancel(false);
                        channel.finish(message);
                    }
                });
            } else {
                methods.answer(session, r, channel);
            }
        } else if (message instanceof JsonRpcMessage.Request r) {
            JsonObject result;
            try {
                result = methods.handle(session, r);
            } catch (JsonRpcException e) {
                throw e.withId(r.id());
            }
            HttpExchange.writeJson(resp, 200, JsonRpcCodec.result(r.id(), result));
        } else {
            methods.receive(session, message);
            resp.setStatus(202);
        }
    }

    /** A batch, for the session-era versions that allow them: answered as one JSON array. */
    private void batch(String tenant, Agent agent, JsonRpcBatch batch, HttpServletRequest req,
                       HttpServletResponse resp) {
        String header = req.getHeader(VERSION_HEADER);
        if (header != null && ProtocolVersions.modern(header.strip())) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "2026-07-28 has no batches: send one request per POST"), 400);
        }
        McpSession session = requireSession(tenant, agent, req);
        if (!ProtocolVersions.allowsBatches(session.protocolVersion())) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "Batches are not part of " + session.protocolVersion() + ": send one message per POST"), 400);
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        MessageSink toSession = new MessageSink() {
            @Override
            public void send(String message) {
                streams.deliver(session.key(), message);
            }

            @Override
            public void finish(String message) {
                streams.deliver(session.key(), message);
            }
        };
        methods.answerBatch(session, batch, toSession, array -> {
            try {
                if (array.isEmpty()) {
                    resp.setStatus(202);
                } else {
                    HttpExchange.writeJson(resp, 200, array);
                }
            } catch (IOException e) {
                // the client went away; nothing to answer
            } finally {
                async.complete();
            }
        });
    }

    private void initialize(String tenant, Agent agent, JsonRpcMessage.Request r, HttpServletResponse resp)
            throws IOException {
        JsonObject result;
        try {
            result = methods.initializeResult(r.params());
        } catch (JsonRpcException e) {
            throw e.withId(r.id());
        }
        McpSession session = sessions.open(tenant, agent, result.getString("protocolVersion"),
                r.params().getJsonObject("capabilities").toString());
        resp.setHeader(SESSION_HEADER, session.id());
        HttpExchange.writeJson(resp, 200, JsonRpcCodec.result(r.id(), result));
    }

    /**
     * GET: with a {@code Last-Event-ID} of one of the session's POST streams, that stream resumed; otherwise the
     * session's stream for server-initiated notifications (a second GET replaces the first).
     */
    private void openStream(String tenant, Agent agent, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        if (!HttpExchange.accepts(req.getHeader("Accept"), "text/event-stream")) {
            HttpExchange.fail(resp, 406, null, JsonRpcError.INVALID_REQUEST, "Accept must allow text/event-stream");
            return;
        }
        McpSession session = requireSession(tenant, agent, req);
        var from = ResumableStream.parse(req.getHeader("Last-Event-ID"));
        if (from.isPresent() && streams.resume(session.key(), from.get(), req, resp)) {
            return;
        }
        // No resumable stream of this session by that id: the session's standalone stream, from now on.
        streams.open(session, req.startAsync(), resp, () -> { });
    }

    private void delete(String tenant, Agent agent, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        String id = req.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            HttpExchange.fail(resp, 400, null, JsonRpcError.INVALID_REQUEST, "Mcp-Session-Id header is required");
            return;
        }
        if (!methods.close(tenant, agent.principal(), id.strip())) {
            HttpExchange.fail(resp, 404, null, JsonRpcError.SESSION_NOT_FOUND, "Session not found");
            return;
        }
        resp.setStatus(204);
    }

    /** The agent's session named by the request: 400 without an id, 404 when the agent has no such session. */
    private McpSession requireSession(String tenant, Agent agent, HttpServletRequest req) {
        String id = req.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "Mcp-Session-Id header is required: send initialize first"), 400);
        }
        McpSession session = sessions.find(tenant, agent, id.strip())
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
     * The era of a POST: the body's envelope claim decides (it wins over a stray session id); a body without one but
     * with a modern {@code MCP-Protocol-Version} header is a modern request with a missing envelope, not a legacy one.
     */
    private static boolean isModern(JsonRpcMessage message, HttpServletRequest req) {
        JsonObject params = message instanceof JsonRpcMessage.Request r ? r.params()
                : message instanceof JsonRpcMessage.Notification n ? n.params() : null;
        if (ModernEnvelope.claimedVersion(params) != null) {
            return true;
        }
        String header = req.getHeader(VERSION_HEADER);
        return header != null && ProtocolVersions.modern(header.strip());
    }
}
