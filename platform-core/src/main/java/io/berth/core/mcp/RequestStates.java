package io.berth.core.mcp;

import io.berth.core.json.JsonFactories;
import io.berth.core.security.Sealer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code requestState} of MRTR: the answers gathered in earlier rounds, sealed (AES-GCM, {@link Sealer}) and
 * bound to the tenant, the principal, the method and a digest of the request's target and arguments, with a short
 * expiry. The client echoes it; anything altered, expired, or replayed against another request, tenant or principal
 * is refused with -32602. It is encrypted, not just signed, because elicitation answers may be personal.
 */
@ApplicationScoped
class RequestStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PURPOSE = "mcp-request-state/v1";

    @Inject
    Sealer sealer;

    /** What a request is bound to: tenant, principal, method and the digest of its target and arguments. */
    record Binding(String tenant, String principal, String method, String digest) {
    }

    String seal(Binding binding, JsonObject answers) {
        String payload = JsonFactories.BUILDERS.createObjectBuilder()
                .add("t", binding.tenant()).add("p", binding.principal()).add("m", binding.method())
                .add("d", binding.digest()).add("x", System.currentTimeMillis() + LIFETIME.toMillis())
                .add("a", answers).build().toString();
        return sealer.seal(PURPOSE, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The answers sealed in {@code token}; -32602 unless it is intact, unexpired and bound to {@code binding}. */
    JsonObject open(Binding binding, String token) {
        Optional<byte[]> opened = sealer.open(PURPOSE, token);
        if (opened.isEmpty()) {
            throw invalid();
        }
        JsonObject state;
        try (JsonReader r = JsonFactories.READERS.createReader(
                new StringReader(new String(opened.get(), StandardCharsets.UTF_8)))) {
            state = r.readObject();
        } catch (JsonException | ClassCastException e) {
            throw invalid();
        }
        boolean bound = text(state, "t").equals(binding.tenant()) && text(state, "p").equals(binding.principal())
                && text(state, "m").equals(binding.method()) && text(state, "d").equals(binding.digest());
        boolean fresh = state.get("x") instanceof JsonNumber x && x.longValue() > System.currentTimeMillis();
        if (!bound || !fresh || !(state.get("a") instanceof JsonObject answers)) {
            throw invalid();
        }
        return answers;
    }

    private static String text(JsonObject o, String member) {
        return o.get(member) instanceof JsonString s ? s.getString() : "";
    }

    private static JsonRpcException invalid() {
        // One message for every cause: the caller learns nothing about which check failed.
        return JsonRpcException.of(JsonRpcError.INVALID_PARAMS,
                "requestState is invalid or expired: retry the request without it");
    }
}
