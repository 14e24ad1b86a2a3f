package io.berth.sdk;

import java.util.Map;
import java.util.Objects;

/**
 * Something a tool, prompt or resource needs from the client before it can finish: the user's answer to a form or a
 * URL visit (elicitation), a completion from the client's model (sampling), or the client's roots. Ask with
 * {@link ToolContext#requestInput(Map)}.
 *
 * <p>How the request travels is Berth's business: on session-era connections it is a request on the call's stream;
 * on 2026-07-28 (stateless) connections the call ends with an {@code input_required} result and is <em>run again from
 * the start</em> when the client retries with the answers. Handlers that ask for input must therefore be
 * deterministic up to the point where they ask, and should do their side effects after it.
 */
public sealed interface InputRequest {

    /** The client capability this request needs, e.g. {@code elicitation} or {@code sampling}. */
    String capability();

    /** A form: {@code requestedSchema} is a flat JSON Schema object of primitive properties. Never ask for secrets. */
    record Elicit(String message, Map<String, Object> requestedSchema) implements InputRequest {
        public Elicit {
            Objects.requireNonNull(message, "message");
            requestedSchema = Frozen.map(Objects.requireNonNull(requestedSchema, "requestedSchema"));
        }

        @Override
        public String capability() {
            return "elicitation";
        }
    }

    /** Sends the user to {@code url} (e.g. a consent page); the answer says whether they agreed to go. */
    record ElicitUrl(String message, String url) implements InputRequest {
        public ElicitUrl {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String capability() {
            return "elicitation";
        }
    }

    /** A {@code sampling/createMessage} request; {@code params} are its MCP params as plain-Java JSON. */
    record Sample(Map<String, Object> params) implements InputRequest {
        public Sample {
            params = Frozen.map(Objects.requireNonNull(params, "params"));
        }

        @Override
        public String capability() {
            return "sampling";
        }
    }

    /** The client's roots (the directories or files it lets servers work on). */
    record ListRoots() implements InputRequest {
        @Override
        public String capability() {
            return "roots";
        }
    }
}
