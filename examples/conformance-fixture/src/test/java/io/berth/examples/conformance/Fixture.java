package io.berth.examples.conformance;

import io.berth.sdk.CatalogList;
import io.berth.sdk.Content;
import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.InputResponses;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Calls the plugin's tools, prompts and resource readers the way Berth does, with a context that records what the tool
 * reported and asked.
 */
final class Fixture {

    /** One {@link ToolContext#progress} call. */
    record Progress(double progress, Double total, String message) {
    }

    /** One {@link ToolContext#log} call. */
    record Log(LogLevel level, String logger, Object data) {
    }

    /** One {@link ToolContext#elicit} call. */
    record ElicitRequest(String message, Map<String, Object> requestedSchema) {
    }

    /**
     * What {@link RecordingContext#requestInput} throws when the script has no answer for some of the keys asked: it
     * ends the handler the way Berth ends it on 2026-07-28 to answer {@code input_required} with {@link #requests}
     * (the keys still unanswered).
     */
    static final class InputRequired extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Map<String, InputRequest> requests;

        InputRequired(Map<String, InputRequest> requests) {
            super("input required: " + requests.keySet());
            this.requests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requests));
        }
    }

    /** The outcome of {@link #runRounds}: the final result and, in order, the inputs asked in each round. */
    record Rounds(ToolResult result, List<Map<String, InputRequest>> asked) {
    }

    /**
     * A context for tenant {@code test} that records progress, log messages, elicitation and sampling requests, task
     * status messages and list-change announcements, and can be cancelled. {@link #requestInput} answers from
     * {@link #inputAnswers} (client answers by key, as plain-Java JSON) and throws {@link InputRequired} for keys it has
     * no answer for. It answers an elicitation with {@link #elicitAnswer} and a sampling request with
     * {@link #samplingAnswer}; while either is {@code null} it behaves like a client without that capability (the SDK's
     * default, a {@link ToolException}), after recording the request.
     */
    static class RecordingContext implements ToolContext {
        final List<Progress> progress = new ArrayList<>();
        final List<Log> logs = new ArrayList<>();
        final List<ElicitRequest> elicitations = new ArrayList<>();
        final List<Map<String, Object>> samplingRequests = new ArrayList<>();
        final List<Map<String, InputRequest>> inputRequests = new ArrayList<>();
        final Map<String, Map<String, Object>> inputAnswers = new LinkedHashMap<>();
        final List<String> statuses = new ArrayList<>();
        final List<CatalogList> listChanges = new ArrayList<>();
        volatile boolean cancelled;
        /** The capabilities the client declared: by default every kind of input. */
        final java.util.Set<String> declared = new java.util.HashSet<>(List.of("elicitation", "sampling", "roots"));
        Elicitation elicitAnswer;
        Map<String, Object> samplingAnswer;
        io.berth.sdk.Caller caller = io.berth.sdk.Caller.anonymous();

        /** A context whose client answers every elicitation with {@code answer}. */
        static RecordingContext answering(Elicitation answer) {
            RecordingContext context = new RecordingContext();
            context.elicitAnswer = answer;
            return context;
        }

        /** A context whose client answers every sampling request with {@code result}. */
        static RecordingContext sampling(Map<String, Object> result) {
            RecordingContext context = new RecordingContext();
            context.samplingAnswer = result;
            return context;
        }

        @Override
        public boolean canRequest(InputRequest request) {
            return declared.contains(request.capability());
        }

        @Override
        public String tenantId() {
            return "test";
        }

        @Override
        public io.berth.sdk.Caller caller() {
            return caller;
        }

        @Override
        public void progress(double progress, Double total, String message) {
            this.progress.add(new Progress(progress, total, message));
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void log(LogLevel level, String logger, Object data) {
            logs.add(new Log(level, logger, data));
        }

        @Override
        public Elicitation elicit(String message, Map<String, Object> requestedSchema) throws ToolException {
            elicitations.add(new ElicitRequest(message, requestedSchema));
            return elicitAnswer != null ? elicitAnswer : ToolContext.super.elicit(message, requestedSchema);
        }

        @Override
        public Map<String, Object> createMessage(Map<String, Object> params) throws ToolException {
            samplingRequests.add(params);
            return samplingAnswer != null ? samplingAnswer : ToolContext.super.createMessage(params);
        }

        @Override
        public InputResponses requestInput(Map<String, InputRequest> requests) {
            inputRequests.add(requests);
            Map<String, InputRequest> missing = new LinkedHashMap<>();
            Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
            requests.forEach((key, request) -> {
                if (inputAnswers.containsKey(key)) {
                    answers.put(key, inputAnswers.get(key));
                } else {
                    missing.put(key, request);
                }
            });
            if (!missing.isEmpty()) {
                throw new InputRequired(missing);
            }
            return new InputResponses(answers);
        }

        @Override
        public void status(String message) {
            statuses.add(message);
        }

        @Override
        public void listChanged(CatalogList list) {
            listChanges.add(list);
        }
    }

    private Fixture() {
    }

    static Tool tool(String name) {
        return new ConformanceFixturePlugin().tools().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tool " + name));
    }

    static ToolResult call(String name, Map<String, Object> arguments, ToolContext context) throws Exception {
        return tool(name).handler().call(new ToolCall(name, arguments), context);
    }

    static ToolResult call(String name) throws Exception {
        return call(name, Map.of(), new RecordingContext());
    }

    /**
     * Calls tool {@code name} as Berth does on 2026-07-28: whenever the handler asks for input it has no answer to, the
     * client answers each request with {@code client} and the handler runs again from the start, now with every answer
     * so far. Fails after ten rounds.
     */
    static Rounds runRounds(String name, Map<String, Object> arguments, RecordingContext context,
                            Function<InputRequest, Map<String, Object>> client) throws Exception {
        List<Map<String, InputRequest>> asked = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            try {
                return new Rounds(call(name, arguments, context), asked);
            } catch (InputRequired e) {
                asked.add(e.requests);
                e.requests.forEach((key, request) -> context.inputAnswers.put(key, client.apply(request)));
            }
        }
        throw new AssertionError(name + " still asks for input after ten rounds: " + asked);
    }

    /** The input a tool asks for first, when the client has answered nothing yet. */
    static Map<String, InputRequest> firstRequest(String name, Map<String, Object> arguments) throws Exception {
        try {
            ToolResult result = call(name, arguments, new RecordingContext());
            throw new AssertionError(name + " asked for nothing and returned " + result);
        } catch (InputRequired e) {
            return e.requests;
        }
    }

    /** An accepted elicitation answer with {@code content}. */
    static Map<String, Object> accepted(Map<String, Object> content) {
        return Map.of("action", "accept", "content", content);
    }

    /** A sampling answer whose text is {@code text}, as the suite's mockSamplingResponse builds it. */
    static Map<String, Object> sampled(String text) {
        return Map.of("role", "assistant", "content", Map.of("type", "text", "text", text),
                "model", "test-model", "stopReason", "endTurn");
    }

    /** The suite's mockListRootsResponse: one root, {@code file:///test/root} named {@code Test Root}. */
    static Map<String, Object> suiteRoots() {
        return Map.of("roots", List.of(Map.of("uri", "file:///test/root", "name", "Test Root")));
    }

    /** The text of a result that holds exactly one text block. */
    static String textOf(ToolResult result) {
        if (result.content().size() != 1 || !(result.content().get(0) instanceof Content.Text text)) {
            throw new AssertionError("expected one text block, got " + result.content());
        }
        return text.text();
    }

    static Prompt prompt(String name) {
        return new ConformanceFixturePlugin().prompts().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no prompt " + name));
    }

    static PromptResult getPrompt(String name, Map<String, String> arguments) throws Exception {
        return prompt(name).handler().get(arguments, new RecordingContext());
    }

    static Resource resource(String uri) {
        return new ConformanceFixturePlugin().resources().stream()
                .filter(r -> r.uri().equals(uri))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + uri));
    }

    static List<ResourceContents> read(String uri) throws Exception {
        return resource(uri).reader().read(uri, new RecordingContext());
    }

    static ResourceTemplate template(String uriTemplate) {
        return new ConformanceFixturePlugin().resourceTemplates().stream()
                .filter(t -> t.uriTemplate().equals(uriTemplate))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no resource template " + uriTemplate));
    }
}
