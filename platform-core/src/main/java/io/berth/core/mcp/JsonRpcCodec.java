package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;

/** Reads one JSON-RPC message from a request body and writes responses. */
public final class JsonRpcCodec {

    private static final JsonObject EMPTY = JsonFactories.BUILDERS.createObjectBuilder().build();

    private JsonRpcCodec() {
    }

    /** Parses one message; a batch (JSON array) or anything malformed is a {@link JsonRpcException} with HTTP 400. */
    public static JsonRpcMessage read(byte[] body, int maxDepth) {
        JsonStructure parsed = parse(body, maxDepth);
        if (!(parsed instanceof JsonObject message)) {
            throw invalid(null, "Batches are not supported: send one JSON-RPC message per POST");
        }
        return message(message);
    }

    /**
     * Parses one message or a batch (2025-03-26 and 2024-11-05 allow them): each element of a batch is a message, or
     * the {@link JsonRpcException} that answers it. An empty batch is itself invalid.
     */
    public static JsonRpcBatch readBatchOrMessage(byte[] body, int maxDepth) {
        JsonStructure parsed = parse(body, maxDepth);
        if (parsed instanceof JsonObject message) {
            return new JsonRpcBatch(false, java.util.List.of(message(message)));
        }
        jakarta.json.JsonArray array = (jakarta.json.JsonArray) parsed;
        if (array.isEmpty()) {
            throw invalid(null, "An empty batch is not a valid request");
        }
        java.util.List<Object> elements = new java.util.ArrayList<>(array.size());
        for (JsonValue v : array) {
            try {
                if (!(v instanceof JsonObject o)) {
                    throw invalid(null, "Each element of a batch must be a JSON-RPC message object");
                }
                elements.add(message(o));
            } catch (JsonRpcException e) {
                elements.add(e);
            }
        }
        return new JsonRpcBatch(true, elements);
    }

    private static JsonRpcMessage message(JsonObject message) {
        JsonValue id = message.get("id");
        boolean hasId = id != null;
        if (hasId && !(id.getValueType() == JsonValue.ValueType.STRING
                || id.getValueType() == JsonValue.ValueType.NUMBER)) {
            throw invalid(null, "The id must be a string or a number");
        }
        if (!(message.get("jsonrpc") instanceof JsonString v) || !v.getString().equals("2.0")) {
            throw invalid(id, "The jsonrpc member must be \"2.0\"");
        }
        JsonValue method = message.get("method");
        if (method == null) {
            if (hasId && (message.containsKey("result") || message.containsKey("error"))) {
                return new JsonRpcMessage.Response(id, message);
            }
            throw invalid(id, "A request needs a method");
        }
        if (method.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(id, "The method must be a string");
        }
        JsonValue params = message.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT
                && params.getValueType() != JsonValue.ValueType.NULL) {
            throw new JsonRpcException(id, JsonRpcError.of(JsonRpcError.INVALID_PARAMS, "The params must be an object"),
                    400);
        }
        JsonObject p = params instanceof JsonObject o ? o : EMPTY;
        String name = ((JsonString) method).getString();
        return hasId ? new JsonRpcMessage.Request(id, name, p) : new JsonRpcMessage.Notification(name, p);
    }

    public static String result(JsonValue id, JsonObject result) {
        return write(JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0").add("id", id)
                .add("result", result));
    }

    public static String error(JsonValue id, JsonRpcError error) {
        JsonObjectBuilder e = JsonFactories.BUILDERS.createObjectBuilder()
                .add("code", error.code()).add("message", error.message());
        if (error.data() != null) {
            e.add("data", error.data());
        }
        return write(JsonFactories.BUILDERS.createObjectBuilder().add("jsonrpc", "2.0")
                .add("id", id == null ? JsonValue.NULL : id).add("error", e));
    }

    private static String write(JsonObjectBuilder message) {
        StringWriter out = new StringWriter(256);
        try (var w = JsonFactories.WRITERS.createWriter(out)) {
            w.writeObject(message.build());
        }
        return out.toString();
    }

    /** One streaming pass: builds the value and refuses nesting beyond {@code maxDepth} as it goes. */
    private static JsonStructure parse(byte[] body, int maxDepth) {
        try (JsonParser parser = JsonFactories.PARSERS.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext()) {
                throw parseError("Parse error: the body is empty");
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT && first != JsonParser.Event.START_ARRAY) {
                throw invalid(null, "A JSON-RPC message must be a JSON object");
            }
            JsonValue value = read(parser, first, 1, maxDepth);
            if (parser.hasNext()) {
                throw parseError("Parse error: more than one JSON value in the body");
            }
            return (JsonStructure) value;
        } catch (JsonParsingException e) {
            throw parseError("Parse error at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber());
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw parseError("Parse error: the body is not one JSON value");
        }
    }

    private static JsonValue read(JsonParser parser, JsonParser.Event event, int depth, int maxDepth) {
        switch (event) {
            case START_OBJECT -> {
                checkDepth(depth, maxDepth);
                JsonObjectBuilder object = JsonFactories.BUILDERS.createObjectBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    object.add(key, read(parser, parser.next(), depth + 1, maxDepth));
                }
                return object.build();
            }
            case START_ARRAY -> {
                checkDepth(depth, maxDepth);
                var array = JsonFactories.BUILDERS.createArrayBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(read(parser, e, depth + 1, maxDepth));
                }
                return array.build();
            }
            default -> {
                return parser.getValue();
            }
        }
    }

    private static void checkDepth(int depth, int maxDepth) {
        if (depth > maxDepth) {
            throw invalid(null, "The message is nested deeper than " + maxDepth + " levels");
        }
    }

    private static JsonRpcException parseError(String message) {
        return new JsonRpcException(null, JsonRpcError.of(JsonRpcError.PARSE_ERROR, message), 400);
    }

    private static JsonRpcException invalid(JsonValue id, String message) {
        return new JsonRpcException(id, JsonRpcError.of(JsonRpcError.INVALID_REQUEST, message), 400);
    }
}
