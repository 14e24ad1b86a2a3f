package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.json.PlainJson;
import io.berth.sdk.InputRequest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Set;

/** An SDK {@link InputRequest} as the MCP request it stands for, and the check of the client's answer to it. */
final class InputRequestJson {

    private static final Set<String> ELICIT_ACTIONS = Set.of("accept", "decline", "cancel");

    private InputRequestJson() {
    }

    static String method(InputRequest request) {
        if (request instanceof InputRequest.Sample) {
            return "sampling/createMessage";
        }
        return request instanceof InputRequest.ListRoots ? "roots/list" : "elicitation/create";
    }

    /** The request's params; {@code elicitationId} is set for URL elicitation on the session era only. */
    static JsonObject params(InputRequest request, String elicitationId) {
        var b = JsonFactories.BUILDERS.createObjectBuilder();
        if (request instanceof InputRequest.Elicit e) {
            b.add("message", e.message()).add("requestedSchema", PlainJson.toJsonObject(e.requestedSchema()));
        } else if (request instanceof InputRequest.ElicitUrl u) {
            b.add("mode", "url").add("message", u.message()).add("url", u.url());
            if (elicitationId != null) {
                b.add("elicitationId", elicitationId);
            }
        } else if (request instanceof InputRequest.Sample s) {
            return PlainJson.toJsonObject(s.params());
        }
        return b.build();
    }

    /** {@code {"method": ..., "params": ...}}: one entry of an {@code inputRequests} map. */
    static JsonObject entry(InputRequest request) {
        return JsonFactories.BUILDERS.createObjectBuilder().add("method", method(request))
                .add("params", params(request, null)).build();
    }

    /** Whether the client, with these declared capabilities, can answer {@code request}. */
    static boolean supported(InputRequest request, JsonObject capabilities) {
        if (request instanceof InputRequest.Elicit || request instanceof InputRequest.ElicitUrl) {
            if (!(capabilities.get("elicitation") instanceof JsonObject e)) {
                return false;
            }
            String mode = request instanceof InputRequest.ElicitUrl ? "url" : "form";
            return e.isEmpty() ? mode.equals("form") : e.get(mode) instanceof JsonObject;
        }
        return capabilities.get(request.capability()) instanceof JsonObject;
    }

    /** The capability object that {@code request} lacks, for {@code data.requiredCapabilities} of -32021. */
    static JsonObject requiredCapability(InputRequest request) {
        var b = JsonFactories.BUILDERS;
        JsonObject value = request instanceof InputRequest.ElicitUrl
                ? b.createObjectBuilder().add("url", JsonValue.EMPTY_JSON_OBJECT).build()
                : JsonValue.EMPTY_JSON_OBJECT;
        return b.createObjectBuilder().add(request.capability(), value).build();
    }

    /** Null if {@code answer} is a well-formed result for {@code request}, else what is wrong with it. */
    static String problem(InputRequest request, JsonValue answer) {
        if (!(answer instanceof JsonObject o)) {
            return "must be an object";
        }
        if (request instanceof InputRequest.Elicit || request instanceof InputRequest.ElicitUrl) {
            return o.get("action") instanceof JsonString a && ELICIT_ACTIONS.contains(a.getString()) ? null
                    : "must have an action of accept, decline or cancel";
        }
        if (request instanceof InputRequest.ListRoots) {
            return o.get("roots") instanceof jakarta.json.JsonArray ? null : "must have a roots array";
        }
        return o.get("content") != null ? null : "must have content";
    }
}
