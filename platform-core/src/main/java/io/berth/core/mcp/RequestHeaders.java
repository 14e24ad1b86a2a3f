package io.berth.core.mcp;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The routing headers a 2026-07-28 POST must carry and that must agree with its body (SEP-2243):
 * {@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name}, and {@code Mcp-Param-*} for tool arguments
 * marked {@code x-mcp-header}. Load balancers and gateways route on them, so a header that lies about the body is
 * refused (400, -32020 HeaderMismatch). Names are case-insensitive, values case-sensitive, surrounding whitespace is
 * not part of the value, and {@code =?base64?…?=} values are strict Base64 of UTF-8.
 */
final class RequestHeaders {

    static final int HEADER_MISMATCH = -32020;
    static final String VERSION = "MCP-Protocol-Version";
    static final String METHOD = "Mcp-Method";
    static final String NAME = "Mcp-Name";
    static final String PARAM_PREFIX = "Mcp-Param-";
    private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");
    /** Which body member {@code Mcp-Name} mirrors, by method. */
    private static final Map<String, String> NAMED_BY = Map.of("tools/call", "name", "prompts/get", "name",
            "resources/read", "uri", "tasks/get", "taskId", "tasks/update", "taskId", "tasks/cancel", "taskId");

    private RequestHeaders() {
    }

    /** {@code MCP-Protocol-Version} must be present and equal the version the body claims. */
    static void checkVersion(HttpServletRequest req, String claimed) {
        String header = value(req, VERSION);
        if (header == null) {
            throw mismatch(VERSION + " header is required");
        }
        if (!header.equals(claimed)) {
            throw mismatch("Header mismatch: " + VERSION + " header value '" + header
                    + "' does not match body value '" + claimed + "'");
        }
    }

    /** {@code Mcp-Method}, and {@code Mcp-Name} where the method names a target. */
    static void checkRouting(HttpServletRequest req, String method, JsonObject params) {
        String header = value(req, METHOD);
        if (header == null) {
            throw mismatch(METHOD + " header is required");
        }
        if (!header.equals(method)) {
            throw mismatch("Header mismatch: " + METHOD + " header value '" + header + "' does not match body value '"
                    + method + "'");
        }
        String member = NAMED_BY.get(method);
        if (member == null || !(params.get(member) instanceof JsonString body)) {
            return; // nothing to mirror; a missing target is the method's own -32602
        }
        String name = value(req, NAME);
        if (name == null) {
            throw mismatch(NAME + " header is required for " + method);
        }
        if (!name.equals(body.getString())) {
            throw mismatch("Header mismatch: " + NAME + " header value '" + name + "' does not match body value '"
                    + body.getString() + "'");
        }
    }

    /**
     * For each argument the tool's input schema marks with {@code x-mcp-header}, the {@code Mcp-Param-<name>} header
     * must be present when the body has the value, and equal it (integers and numbers compared numerically).
     */
    static void checkToolParams(HttpServletRequest req, Map<String, Object> inputSchema, JsonObject arguments) {
        if (!(inputSchema.get("properties") instanceof Map<?, ?> properties)) {
            return;
        }
        for (Map.Entry<?, ?> p : properties.entrySet()) {
            if (!(p.getValue() instanceof Map<?, ?> property) || !(property.get("x-mcp-header") instanceof String h)) {
                continue;
            }
            String headerName = PARAM_PREFIX + h;
            String header = value(req, headerName);
            JsonValue body = arguments == null ? null : arguments.get(String.valueOf(p.getKey()));
            if (body == null || body == JsonValue.NULL) {
                if (header != null) {
                    throw mismatch("Header mismatch: " + headerName + " is set but the argument is absent");
                }
                continue;
            }
            if (header == null) {
                throw mismatch(headerName + " header is required when argument '" + p.getKey() + "' is set");
            }
            if (!matches(header, body)) {
                throw mismatch("Header mismatch: " + headerName + " header value '" + header
                        + "' does not match body value " + body);
            }
        }
    }

    private static boolean matches(String header, JsonValue body) {
        if (body instanceof JsonString s) {
            return header.equals(s.getString());
        }
        if (body instanceof JsonNumber n) {
            try {
                return new BigDecimal(header).compareTo(n.bigDecimalValue()) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (body == JsonValue.TRUE || body == JsonValue.FALSE) {
            return header.equals(body.toString());
        }
        return false;
    }

    /** The header's value: trimmed, Base64-decoded when wrapped in {@code =?base64?…?=}; null when absent. */
    static String value(HttpServletRequest req, String name) {
        String raw = req.getHeader(name);
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (v.length() >= 12 && v.startsWith("=?base64?") && v.endsWith("?=")) {
            String encoded = v.substring(9, v.length() - 2);
            if (!BASE64.matcher(encoded).matches()) {
                throw mismatch(name + " header is not valid Base64");
            }
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        }
        return v;
    }

    private static JsonRpcException mismatch(String message) {
        return new JsonRpcException(null, JsonRpcError.of(HEADER_MISMATCH, message), 400);
    }
}
