package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.core.json.JsonFactories;
import io.berth.core.security.Sealer;
import io.berth.core.security.TestSealing;
import io.berth.core.storage.Jdbc;
import io.berth.core.storage.MigratedH2;

import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** MRTR requestState: sealed, bound to tenant, principal, method and arguments, short-lived. */
class RequestStatesTest {

    /** The sealing context RequestStates uses (its private PURPOSE), to forge payloads with a chosen expiry. */
    private static final String PURPOSE = "mcp-request-state/v1";
    private static final String MESSAGE = "requestState is invalid or expired: retry the request without it";
    private static final RequestStates.Binding BINDING =
            new RequestStates.Binding("acme", "alice", "tools/call", "digest-1");
    private static final JsonObject ANSWERS = obj("{'elicitation-1':{'action':'accept','content':{'name':'octocat'}},"
            + "'sampling-1':{'role':'assistant','content':{'type':'text','text':'hi'}}}");

    private Jdbc jdbc;
    private Sealer sealer;
    private RequestStates states;

    @BeforeEach
    void states() {
        jdbc = MigratedH2.create();
        sealer = TestSealing.sealer(TestSealing.loadedKeys(jdbc));
        states = new RequestStates();
        states.sealer = sealer;
    }

    @AfterEach
    void dropDatabase() {
        MigratedH2.shutdown(jdbc);
    }

    private JsonRpcException refused(RequestStates.Binding binding, String token) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> states.open(binding, token));
        assertEquals(-32602, e.error().code());
        assertEquals(MESSAGE, e.error().message());
        assertEquals(null, e.error().data());
        assertEquals(200, e.httpStatus());
        return e;
    }

    private String forge(String payload) {
        return sealer.seal(PURPOSE, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String payload(long expiresAt, String answers) {
        return "{\"t\":\"acme\",\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"x\":" + expiresAt
                + ",\"a\":" + answers + "}";
    }

    @Test
    void opensToTheSealedAnswers() {
        assertEquals(ANSWERS, states.open(BINDING, states.seal(BINDING, ANSWERS)));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, states.open(BINDING, states.seal(BINDING, obj("{}"))));
    }

    @Test
    void theStateIsEncrypted() {
        String token = states.seal(BINDING, obj("{'k':{'action':'accept','content':{'ssn':'078-05-1120'}}}"));
        String decoded = new String(java.util.Base64.getUrlDecoder().decode(token.substring(token.indexOf('.') + 1)),
                StandardCharsets.ISO_8859_1);
        assertTrue(!decoded.contains("078-05-1120") && !decoded.contains("alice") && !decoded.contains("acme"));
    }

    @Test
    void expiresAfterTheLifetime() {
        long before = System.currentTimeMillis();
        String token = states.seal(BINDING, ANSWERS);
        long after = System.currentTimeMillis();
        JsonObject payload = Json.raw(new String(sealer.open(PURPOSE, token).orElseThrow(), StandardCharsets.UTF_8));
        long x = payload.getJsonNumber("x").longValueExact();
        assertTrue(x >= before + 600_000 && x <= after + 600_000, "expiry " + x);
        assertEquals(RequestStates.LIFETIME.toMillis(), 600_000);
    }

    static Stream<RequestStates.Binding> otherBindings() {
        return Stream.of(new RequestStates.Binding("other-tenant", "alice", "tools/call", "digest-1"),
                new RequestStates.Binding("acme", "bob", "tools/call", "digest-1"),
                new RequestStates.Binding("acme", "alice", "prompts/get", "digest-1"),
                new RequestStates.Binding("acme", "alice", "tools/call", "digest-2"),
                new RequestStates.Binding("Acme", "alice", "tools/call", "digest-1"),
                new RequestStates.Binding("", "", "", ""));
    }

    @ParameterizedTest
    @MethodSource("otherBindings")
    void aStateBoundToAnotherRequestIsRefusedWithTheOneMessage(RequestStates.Binding other) {
        refused(other, states.seal(BINDING, ANSWERS));
    }

    @Test
    void aForgedPayloadWithTheRightFormatOpens() {
        // Proves the forged format below is the real one, so the refusals that follow are about the checked member.
        assertEquals(obj("{'k':{}}"), states.open(BINDING, forge(payload(System.currentTimeMillis() + 60_000,
                "{\"k\":{}}"))));
    }

    @Test
    void anExpiredStateIsRefused() {
        refused(BINDING, forge(payload(System.currentTimeMillis() - 1, "{}")));
        refused(BINDING, forge(payload(System.currentTimeMillis() - 3_600_000, "{}")));
        refused(BINDING, forge(payload(0, "{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"t\":\"acme\",\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"a\":{}}",
            "{\"t\":\"acme\",\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"x\":\"9999999999999\",\"a\":{}}",
            "{\"t\":\"acme\",\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"x\":9999999999999}",
            "{\"t\":\"acme\",\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"x\":9999999999999,\"a\":[]}",
            "{\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"x\":9999999999999,\"a\":{}}",
            "{\"t\":1,\"p\":\"alice\",\"m\":\"tools/call\",\"d\":\"digest-1\",\"x\":9999999999999,\"a\":{}}",
            "[]", "\"just a string\"", "not json", "{\"t\":", ""})
    void aSealedPayloadOfTheWrongShapeIsRefused(String payload) {
        refused(BINDING, forge(payload));
    }

    @Test
    void invalidUtf8IsRefused() {
        refused(BINDING, sealer.seal(PURPOSE, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
    }

    @Test
    void aTokenSealedForAnotherPurposeIsRefused() {
        refused(BINDING, sealer.seal("something-else/v1",
                payload(System.currentTimeMillis() + 60_000, "{}").getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "abc.def", ".", "0123456789abcdef.AAAA", "k1.base64url(iv|AES-GCM{})"})
    void garbageIsRefused(String token) {
        refused(BINDING, token);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = states.seal(BINDING, ANSWERS);
        int i = token.indexOf('.') + 20;
        char c = token.charAt(i) == 'A' ? 'B' : 'A';
        refused(BINDING, token.substring(0, i) + c + token.substring(i + 1));
    }

    @Test
    void aStateWithLargeAnswersStillOpens() {
        JsonObject large = JsonFactories.BUILDERS.createObjectBuilder().add("sampling-1",
                JsonFactories.BUILDERS.createObjectBuilder().add("role", "assistant").add("content",
                        JsonFactories.BUILDERS.createObjectBuilder().add("type", "text").add("text", "w".repeat(60_000))))
                .build();
        assertEquals(large, states.open(BINDING, states.seal(BINDING, large)));
    }
}
