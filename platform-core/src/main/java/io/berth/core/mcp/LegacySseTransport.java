package io.berth.core.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP+SSE transport of 2024-11-05, for older agents. {@code GET /t/{tenant}/sse} opens the session's stream and
 * names, in an {@code endpoint} event, where to POST messages ({@code /t/{tenant}/messages?sessionId=...}). Every answer
 * travels on the stream, which may be held by another node: messages reach it through {@link SessionStreams}. The
 * session lives as long as its stream.
 */
@ApplicationScoped
class LegacySseTransport {

    @Inject
    McpConfig config;

    @Inject
    McpSessions sessions;

    @Inject
    McpMethods methods;

    @Inject
    SessionStreams streams;

    void openStream(String tenant, Agent agent, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getMethod().equals("GET")) {
            resp.setHeader("Allow", "GET");
            HttpExchange.fail(resp, 405, null, JsonRpcError.INVALID_REQUEST, "Open the stream with GET");
            return;
        }
        if (!HttpExchange.accepts(req.getHeader("Accept"), "text/event-stream")) {
            HttpExchange.fail(resp, 406, null, JsonRpcError.INVALID_REQUEST, "Accept must allow text/event-stream");
            return;
        }
        McpSession session = sessions.open(tenant, agent, "2024-11-05", "{}");
        SseStream stream = streams.open(session, req.startAsync(), resp,
                () -> methods.close(tenant, agent.principal(), session.id()));
        stream.send("endpoint", req.getContextPath() + "/t/" + tenant + "/messages?sessionId=" + session.id());
    }

    void post(String tenant, Agent agent, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!req.getMethod().equals("POST")) {
            resp.setHeader("Allow", "POST");
            HttpExchange.fail(resp, 405, null, JsonRpcError.INVALID_REQUEST, "Post messages here");
            return;
        }
        String id = req.getParameter("sessionId");
        if (id == null || id.isBlank()) {
            HttpExchange.fail(resp, 400, null, JsonRpcError.INVALID_REQUEST, "The sessionId parameter is required");
            return;
        }
        // The session belongs to the principal that opened its stream: another principal's POST finds nothing (404).
        McpSession session = sessions.find(tenant, agent, id.strip()).orElse(null);
        if (session == null) {
            HttpExchange.fail(resp, 404, null, JsonRpcError.SESSION_NOT_FOUND, "Session not found");
            return;
        }
        JsonRpcBatch parsed = HttpExchange.readBatchOrMessage(req, config.maxBodyBytes(), config.maxJsonDepth());
        MessageSink sink = new StreamSink(session.key());
        JsonRpcMessage message = parsed.batch() ? null : parsed.single();
        if (parsed.batch() && !ProtocolVersions.allowsBatches(session.protocolVersion())) {
            HttpExchange.fail(resp, 400, null, JsonRpcError.INVALID_REQUEST,
                    "Batches are not part of " + session.protocolVersion() + ": send one message per POST");
            return;
        } else if (parsed.batch()) {
            // 2024-11-05 allows batches; the array of responses is one event on the stream.
            methods.answerBatch(session, parsed, sink, array -> {
                if (!array.isEmpty()) {
                    sink.finish(array);
                }
            });
        } else if (message instanceof JsonRpcMessage.Request r && r.method().equals("initialize")) {
            initialize(session, r, sink);
        } else if (message instanceof JsonRpcMessage.Request r) {
            try {
                // A tool the agent lacks scopes for is refused on the POST (403 with the challenge), not on the stream.
                methods.checkAccess(session, r);
            } catch (JsonRpcException e) {
                throw e.withId(r.id());
            }
            methods.answer(session, r, sink);
        } else {
            methods.receive(session, message);
        }
        byte[] accepted = "Accepted".getBytes(StandardCharsets.UTF_8);
        resp.setStatus(202);
        resp.setContentType("text/plain");
        resp.setContentLength(accepted.length);
        resp.getOutputStream().write(accepted);
    }

    private void initialize(McpSession session, JsonRpcMessage.Request r, MessageSink sink) {
        try {
            JsonObject result = methods.initializeResult(r.params());
            sessions.initialized(session, result.getString("protocolVersion"),
                    r.params().getJsonObject("capabilities").toString());
            sink.finish(JsonRpcCodec.result(r.id(), result));
        } catch (JsonRpcException e) {
            sink.finish(JsonRpcCodec.error(r.id(), e.error()));
        }
    }

    /** Every message of a legacy session goes to its stream, wherever that is held. */
    private final class StreamSink implements MessageSink {
        private final String sessionKey;

        StreamSink(String sessionKey) {
            this.sessionKey = sessionKey;
        }

        @Override
        public void send(String message) {
            streams.deliver(sessionKey, message);
        }

        @Override
        public void finish(String message) {
            streams.deliver(sessionKey, message);
        }
    }
}
