package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.LogLevel;
import io.berth.sdk.ToolException;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MRTR on the stateless era: the call is run once per round, and the first unanswered input ends the round. */
class StatelessToolContextTest {

    private static final String ALL_CAPS = "{'elicitation':{'form':{},'url':{}},'sampling':{},'roots':{}}";
    private static final Map<String, Object> SCHEMA = Map.of("type", "object",
            "properties", Map.of("name", Map.of("type", "string")), "required", List.of("name"));
    private static final Map<String, Object> SAMPLING = Map.of(
            "messages", List.of(Map.of("role", "user", "content", Map.of("type", "text", "text", "hi"))),
            "maxTokens", 100, "temperature", 0.5, "systemPrompt", "be brief");
    private static final InputRequest ELICIT = new InputRequest.Elicit("Your GitHub login?", SCHEMA);
    private static final InputRequest SAMPLE = new InputRequest.Sample(SAMPLING);
    private static final InputRequest ROOTS = new InputRequest.ListRoots();
    private static final InputRequest CONSENT = new InputRequest.ElicitUrl("Please consent", "https://x.example/ok");

    private static final String ELICIT_ANSWER = "{'action':'accept','content':{'name':'octocat'}}";
    private static final String SAMPLE_ANSWER = "{'role':'assistant','content':{'type':'text','text':'hello'},"
            + "'model':'m'}";
    private static final String ROOTS_ANSWER = "{'roots':[{'uri':'file:///home/a','name':'home'}]}";

    private final RecordingSink sink = new RecordingSink();

    private StatelessToolContext context(String capabilities, String offeredAnswers) {
        return context(capabilities, offeredAnswers, null, null);
    }

    private StatelessToolContext context(String capabilities, String offeredAnswers, LogLevel level,
                                         JsonValue progressToken) {
        Map<String, JsonValue> offered = new HashMap<>(obj(offeredAnswers));
        return new StatelessToolContext("acme", new ModernEnvelope("2026-07-28", obj(capabilities), level,
                progressToken), offered, sink, null);
    }

    private static Map<String, InputRequest> requests(Object... keyRequestPairs) {
        Map<String, InputRequest> m = new LinkedHashMap<>();
        for (int i = 0; i < keyRequestPairs.length; i += 2) {
            m.put((String) keyRequestPairs[i], (InputRequest) keyRequestPairs[i + 1]);
        }
        return m;
    }

    private static StatelessToolContext.InputPending pending(StatelessToolContext c, Map<String, InputRequest> r) {
        return assertThrows(StatelessToolContext.InputPending.class, () -> c.requestInput(r));
    }

    // --- one round ------------------------------------------------------------------------------------------------

    @Test
    void withoutAnswersTheCallEndsAndListsExactlyTheAskedInputs() {
        StatelessToolContext c = context(ALL_CAPS, "{}");
        StatelessToolContext.InputPending e = pending(c, requests("login", ELICIT, "draft", SAMPLE, "where", ROOTS,
                "consent", CONSENT));

        assertInstanceOf(ToolException.class, e);
        assertEquals(obj("{'login':{'method':'elicitation/create','params':{'message':'Your GitHub login?',"
                + "'requestedSchema':{'type':'object','properties':{'name':{'type':'string'}},'required':['name']}}},"
                + "'draft':{'method':'sampling/createMessage','params':{'messages':[{'role':'user','content':"
                + "{'type':'text','text':'hi'}}],'maxTokens':100,'temperature':0.5,'systemPrompt':'be brief'}},"
                + "'where':{'method':'roots/list','params':{}},"
                + "'consent':{'method':'elicitation/create','params':{'mode':'url','message':'Please consent',"
                + "'url':'https://x.example/ok'}}}"), c.inputRequests());
        assertFalse(c.inputRequests().getJsonObject("login").getJsonObject("params").containsKey("mode"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, c.usedAnswers());
        assertNull(c.missingCapability());
        assertNull(c.badAnswer());
        assertEquals(List.of(), sink.sent);
    }

    @Test
    void withEveryAnswerTheCallGoesOn() throws ToolException {
        StatelessToolContext c = context(ALL_CAPS, "{'login':" + ELICIT_ANSWER + ",'draft':" + SAMPLE_ANSWER
                + ",'where':" + ROOTS_ANSWER + ",'consent':{'action':'decline'},'stray':{'action':'accept'}}");

        InputResponses r = c.requestInput(requests("login", ELICIT, "draft", SAMPLE, "where", ROOTS,
                "consent", CONSENT));

        assertEquals(new Elicitation("accept", Map.of("name", "octocat")), r.elicitation("login"));
        assertEquals(Map.of("role", "assistant", "content", Map.of("type", "text", "text", "hello"), "model", "m"),
                r.get("draft"));
        assertEquals(List.of(new io.berth.sdk.Root("file:///home/a", "home")), r.roots("where"));
        assertEquals("decline", r.elicitation("consent").action());
        assertEquals(4, r.answers().size());
        assertNull(c.inputRequests());
        assertEquals(obj("{'login':" + ELICIT_ANSWER + ",'draft':" + SAMPLE_ANSWER + ",'where':" + ROOTS_ANSWER
                + ",'consent':{'action':'decline'}}"), c.usedAnswers());
    }

    @Test
    void aPartlyAnsweredRoundAsksOnlyForTheRest() {
        StatelessToolContext c = context(ALL_CAPS, "{'login':" + ELICIT_ANSWER + "}");

        pending(c, requests("login", ELICIT, "where", ROOTS));

        assertEquals(obj("{'where':{'method':'roots/list','params':{}}}"), c.inputRequests());
        assertEquals(obj("{'login':" + ELICIT_ANSWER + "}"), c.usedAnswers());
    }

    @Test
    void answersUsedInEarlierRequestsOfTheRoundAreCarried() throws ToolException {
        StatelessToolContext c = context(ALL_CAPS, "{'login':" + ELICIT_ANSWER + "}");
        c.requestInput(requests("login", ELICIT));

        pending(c, requests("where", ROOTS));

        assertEquals(obj("{'login':" + ELICIT_ANSWER + "}"), c.usedAnswers());
        assertEquals(obj("{'where':{'method':'roots/list','params':{}}}"), c.inputRequests());
    }

    // --- capabilities ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{}|sample|{'sampling':{}}",
            "{'elicitation':{}}|sample|{'sampling':{}}",
            "{'sampling':{}}|roots|{'roots':{}}",
            "{'sampling':{}}|elicit|{'elicitation':{}}",
            "{'elicitation':{}}|url|{'elicitation':{'url':{}}}",
            "{'elicitation':{'form':{}}}|url|{'elicitation':{'url':{}}}",
            "{'elicitation':{'url':{}}}|elicit|{'elicitation':{}}",
            "{'sampling':true}|sample|{'sampling':{}}"})
    void anUndeclaredCapabilityIsReportedInsteadOfAsked(String caps, String kind, String required) {
        InputRequest request = switch (kind) {
            case "sample" -> SAMPLE;
            case "roots" -> ROOTS;
            case "url" -> CONSENT;
            default -> ELICIT;
        };
        StatelessToolContext c = context(caps, "{'k':{'action':'accept','roots':[],'content':{}}}");

        StatelessToolContext.InputPending e = pending(c, requests("k", request));

        assertEquals(obj(required), c.missingCapability());
        assertEquals("This client does not support " + request.capability(), e.getMessage());
        assertNull(c.inputRequests());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, c.usedAnswers());
    }

    @Test
    void oneUndeclaredCapabilityStopsTheWholeRequest() {
        StatelessToolContext c = context("{'elicitation':{}}", "{'login':" + ELICIT_ANSWER + "}");
        pending(c, requests("login", ELICIT, "draft", SAMPLE));
        assertEquals(obj("{'sampling':{}}"), c.missingCapability());
        assertNull(c.inputRequests());
    }

    @Test
    void canRequestFollowsThisRequestsCapabilities() {
        StatelessToolContext formOnly = context("{'elicitation':{}}", "{}");
        assertTrue(formOnly.canRequest(ELICIT));
        assertFalse(formOnly.canRequest(CONSENT));
        assertFalse(formOnly.canRequest(SAMPLE));
        assertFalse(formOnly.canRequest(ROOTS));
        StatelessToolContext all = context(ALL_CAPS, "{}");
        assertTrue(all.canRequest(ELICIT) && all.canRequest(CONSENT) && all.canRequest(SAMPLE)
                && all.canRequest(ROOTS));
        StatelessToolContext urlOnly = context("{'elicitation':{'url':{}}}", "{}");
        assertFalse(urlOnly.canRequest(ELICIT));
        assertTrue(urlOnly.canRequest(CONSENT));
    }

    // --- malformed answers ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "elicit|{'content':{'name':'x'}}|must have an action of accept, decline or cancel",
            "elicit|{'action':'maybe'}|must have an action of accept, decline or cancel",
            "elicit|{'action':true}|must have an action of accept, decline or cancel",
            "url|{'action':'ACCEPT'}|must have an action of accept, decline or cancel",
            "roots|{'roots':{}}|must have a roots array",
            "roots|{}|must have a roots array",
            "sample|{'role':'assistant'}|must have content",
            "sample|'text'|must be an object",
            "elicit|['accept']|must be an object",
            "roots|null|must be an object"})
    void aMalformedAnswerIsReported(String kind, String answer, String problem) {
        InputRequest request = switch (kind) {
            case "sample" -> SAMPLE;
            case "roots" -> ROOTS;
            case "url" -> CONSENT;
            default -> ELICIT;
        };
        StatelessToolContext c = context(ALL_CAPS, "{'k':" + answer + "}");

        StatelessToolContext.InputPending e = pending(c, requests("k", request));

        String expected = "inputResponses[\"k\"] " + problem;
        assertEquals(expected, c.badAnswer());
        assertEquals(expected, e.getMessage());
        assertNull(c.inputRequests());
        assertNull(c.missingCapability());
    }

    // --- the first outcome wins -----------------------------------------------------------------------------------

    @Test
    void aHandlerThatSwallowsThePendingExceptionStaysPending() {
        StatelessToolContext c = context(ALL_CAPS, "{'where':" + ROOTS_ANSWER + "}");
        pending(c, requests("login", ELICIT));

        StatelessToolContext.InputPending again = pending(c, requests("where", ROOTS));
        assertThrows(StatelessToolContext.InputPending.class, () -> c.elicit("more?", SCHEMA));

        assertEquals("The call is waiting for the client", again.getMessage());
        assertEquals(obj("{'login':{'method':'elicitation/create','params':{'message':'Your GitHub login?',"
                + "'requestedSchema':{'type':'object','properties':{'name':{'type':'string'}},'required':['name']}}}}"),
                c.inputRequests());
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, c.usedAnswers(), "nothing is consumed after the round ended");
    }

    @Test
    void aMissingCapabilityOutcomeIsNotReplacedByALaterRequest() {
        StatelessToolContext c = context("{'roots':{}}", "{}");
        pending(c, requests("draft", SAMPLE));
        pending(c, requests("where", ROOTS));
        assertEquals(obj("{'sampling':{}}"), c.missingCapability());
        assertNull(c.inputRequests());
    }

    @Test
    void aBadAnswerOutcomeIsNotReplacedByALaterRequest() {
        StatelessToolContext c = context(ALL_CAPS, "{'k':{'action':'nope'}}");
        pending(c, requests("k", ELICIT));
        pending(c, requests("other", SAMPLE));
        assertEquals("inputResponses[\"k\"] must have an action of accept, decline or cancel", c.badAnswer());
        assertNull(c.inputRequests());
        assertNull(c.missingCapability());
    }

    @Test
    void aPendingCallCannotBecomeATask() {
        AtomicInteger detached = new AtomicInteger();
        StatelessToolContext c = context(ALL_CAPS, "{}");
        c.allowTask(ctx -> "key-" + detached.incrementAndGet(), null, java.time.Instant.now().plusSeconds(60));
        pending(c, requests("login", ELICIT));
        assertFalse(c.runAsTask());
        assertEquals(0, detached.get());
        assertNull(c.taskKey());
    }

    @Test
    void runAsTaskDetachesOnceAndOnlyWhenAllowed() {
        assertFalse(context(ALL_CAPS, "{}").runAsTask());
        AtomicInteger detached = new AtomicInteger();
        StatelessToolContext c = context(ALL_CAPS, "{}");
        c.allowTask(ctx -> {
            assertTrue(ctx == c);
            return "key-" + detached.incrementAndGet();
        }, null, java.time.Instant.now().plusSeconds(60));
        assertTrue(c.runAsTask());
        assertTrue(c.runAsTask());
        assertEquals(1, detached.get());
        assertEquals("key-1", c.taskKey());
    }

    // --- the convenience methods ----------------------------------------------------------------------------------

    @Test
    void elicitAsksUnderAStableKey() {
        StatelessToolContext c = context(ALL_CAPS, "{}");
        assertThrows(StatelessToolContext.InputPending.class, () -> c.elicit("Your GitHub login?", SCHEMA));
        assertEquals(obj("{'elicitation-1':" + InputRequestJson.entry(ELICIT) + "}"), c.inputRequests());
    }

    @Test
    void createMessageAsksUnderAStableKey() {
        StatelessToolContext c = context(ALL_CAPS, "{}");
        assertThrows(StatelessToolContext.InputPending.class, () -> c.createMessage(SAMPLING));
        assertEquals(obj("{'sampling-1':{'method':'sampling/createMessage','params':{'messages':[{'role':'user',"
                + "'content':{'type':'text','text':'hi'}}],'maxTokens':100,'temperature':0.5,"
                + "'systemPrompt':'be brief'}}}"), c.inputRequests());
    }

    /** A handler that asks twice, run as a client would run it: once per round, with all answers so far. */
    private List<Object> runHandler(Map<String, JsonValue> answers, List<JsonObject> asked) {
        StatelessToolContext c = new StatelessToolContext("acme", new ModernEnvelope("2026-07-28", obj(ALL_CAPS),
                null, null), new HashMap<>(answers), sink, null);
        List<Object> got = new ArrayList<>();
        try {
            got.add(c.elicit("first?", SCHEMA).content());
            got.add(c.createMessage(SAMPLING).get("content"));
            got.add(c.elicit("second?", SCHEMA).content());
        } catch (ToolException e) {
            asked.add(c.inputRequests());
        }
        return got;
    }

    @Test
    void theKeysAreTheSameOnEveryRoundSoAnswersFindTheirQuestion() {
        Map<String, JsonValue> answers = new HashMap<>();
        List<JsonObject> asked = new ArrayList<>();
        for (int round = 0; round < 10 && runHandler(answers, asked).size() < 3; round++) {
            JsonObject last = asked.get(asked.size() - 1);
            assertEquals(1, last.size(), "one question per round");
            String key = last.keySet().iterator().next();
            answers.put(key, obj(key.startsWith("sampling") ? SAMPLE_ANSWER
                    : "{'action':'accept','content':{'name':'" + key + "'}}"));
        }
        assertEquals(3, asked.size());
        List<String> keys = asked.stream().map(a -> a.keySet().iterator().next()).toList();
        assertEquals("elicitation-1", keys.get(0));
        assertTrue(keys.get(1).startsWith("sampling-") && keys.get(2).startsWith("elicitation-"), keys.toString());
        assertEquals(3, new java.util.HashSet<>(keys).size(), keys.toString());
        List<Object> got = runHandler(answers, asked);
        assertEquals(List.of(Map.of("name", keys.get(0)), Map.of("type", "text", "text", "hello"),
                Map.of("name", keys.get(2))), got);
        // the same handler asks the same keys again on a fresh run
        List<JsonObject> again = new ArrayList<>();
        runHandler(Map.of(), again);
        assertEquals(asked.get(0), again.get(0));
    }

    // --- logs and progress ----------------------------------------------------------------------------------------

    @Test
    void logsAreDroppedWithoutALogLevel() {
        StatelessToolContext c = context("{}", "{}");
        for (LogLevel level : LogLevel.values()) {
            c.log(level, "x", "message");
        }
        assertEquals(List.of(), sink.sent);
    }

    @Test
    void logsBelowTheRequestedLevelAreDropped() {
        StatelessToolContext c = context("{}", "{}", LogLevel.WARNING, null);
        c.log(LogLevel.DEBUG, "db", "a");
        c.log(LogLevel.INFO, "db", "b");
        c.log(LogLevel.NOTICE, "db", "c");
        c.log(LogLevel.WARNING, "db", Map.of("rows", 3));
        c.log(LogLevel.EMERGENCY, null, "z");

        assertEquals(2, sink.sent.size());
        assertEquals(obj("{'jsonrpc':'2.0','method':'notifications/message','params':{'level':'warning',"
                + "'logger':'db','data':{'rows':3}}}"), Json.raw(sink.sent.get(0)));
        assertEquals(obj("{'jsonrpc':'2.0','method':'notifications/message','params':{'level':'emergency',"
                + "'data':'z'}}"), Json.raw(sink.sent.get(1)));
        assertEquals(List.of(), sink.finished);
    }

    @Test
    void progressNeedsAToken() {
        StatelessToolContext c = context("{}", "{}");
        c.progress(1, 2.0, "half");
        assertEquals(List.of(), sink.sent);
    }

    @Test
    void progressMustStrictlyIncrease() {
        StatelessToolContext c = context("{}", "{}", null, Json.value("'tok'"));
        c.progress(1, null, null);
        c.progress(1, null, "same again");
        c.progress(0.5, null, "backwards");
        c.progress(2, 10.0, "two of ten");

        assertEquals(2, sink.sent.size());
        JsonObject first = Json.raw(sink.sent.get(0));
        assertEquals("notifications/progress", first.getString("method"));
        assertEquals("tok", first.getJsonObject("params").getString("progressToken"));
        assertEquals(1.0, first.getJsonObject("params").getJsonNumber("progress").doubleValue());
        assertEquals(2, first.getJsonObject("params").size());
        JsonObject second = Json.raw(sink.sent.get(1)).getJsonObject("params");
        assertEquals(2.0, second.getJsonNumber("progress").doubleValue());
        assertEquals(10.0, second.getJsonNumber("total").doubleValue());
        assertEquals("two of ten", second.getString("message"));
    }

    @Test
    void aNumericProgressTokenIsEchoedAsANumber() {
        StatelessToolContext c = context("{}", "{}", null, Json.value("7"));
        c.progress(0.1, null, null);
        assertEquals(Json.value("7"), Json.raw(sink.sent.get(0)).getJsonObject("params").get("progressToken"));
    }

    @Test
    void knowsItsTenantAndCancellation() {
        StatelessToolContext c = context("{}", "{}");
        assertEquals("acme", c.tenantId());
        assertFalse(c.cancelled());
        c.cancel();
        assertTrue(c.cancelled());
    }
}
