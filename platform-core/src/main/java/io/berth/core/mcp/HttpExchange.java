package io.berth.core.mcp;

import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** HTTP details shared by Berth's MCP transports. */
final class HttpExchange {

    private HttpExchange() {
    }

    /** The body, or {@code null} when it is larger than {@code max} bytes (declared or actual). */
    private static byte[] readBody(HttpServletRequest req, int max) throws IOException {
        if (req.getContentLengthLong() > max) {
            return null;
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    /**
     * Reads the one JSON-RPC message of a POST: {@code application/json} (else 415), at most {@code maxBody} bytes
     * (else 413), well-formed and nested at most {@code maxDepth} deep (else 400). Failures are thrown as
     * {@link JsonRpcException}s carrying their HTTP status.
     */
    static JsonRpcMessage readMessage(HttpServletRequest req, int maxBody, int maxDepth) throws IOException {
        return JsonRpcCodec.read(readJson(req, maxBody), maxDepth);
    }

    /** As {@link #readMessage}, but a JSON-RPC batch is accepted too (the eras that allow them decide later). */
    static JsonRpcBatch readBatchOrMessage(HttpServletRequest req, int maxBody, int maxDepth) throws IOException {
        return JsonRpcCodec.readBatchOrMessage(readJson(req, maxBody), maxDepth);
    }

    private static byte[] readJson(HttpServletRequest req, int maxBody) throws IOException {
        if (!isJson(req.getContentType())) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "Content-Type must be application/json"), 415);
        }
        byte[] body = readBody(req, maxBody);
        if (body == null) {
            throw new JsonRpcException(null, JsonRpcError.of(JsonRpcError.INVALID_REQUEST,
                    "The body exceeds " + maxBody + " bytes"), 413);
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .equalsIgnoreCase("application/json");
    }

    /** Absent Accept means anything; otherwise {@code type} (or a wildcard covering it) must be acceptable. */
    static boolean accepts(String accept, String type) {
        if (accept == null) {
            return true;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        return a.contains(type) || a.contains("*/*") || a.contains(type.substring(0, type.indexOf('/')) + "/*");
    }

    static void fail(HttpServletResponse resp, int status, JsonValue id, int code, String message)
            throws IOException {
        fail(resp, status, id, JsonRpcError.of(code, message));
    }

    static void fail(HttpServletResponse resp, int status, JsonValue id, JsonRpcError error) throws IOException {
        writeJson(resp, status, JsonRpcCodec.error(id, error));
    }

    static void writeJson(HttpServletResponse resp, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
