package io.berth.examples.conformance;

import io.berth.sdk.Elicitation;
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
import java.util.List;
import java.util.Map;

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
     * A context for tenant {@code test} that records progress, log messages, elicitation and sampling requests, and can
     * be cancelled. It answers an elicitation with {@link #elicitAnswer} and a sampling request with
     * {@link #samplingAnswer}; while either is {@code null} it behaves like a client without that capability (the SDK's
     * default, a {@link ToolException}), after recording the request.
     */
    static class RecordingContext implements ToolContext {
        final List<Progress> progress = new ArrayList<>();
        final List<Log> logs = new ArrayList<>();
        final List<ElicitRequest> elicitations = new ArrayList<>();
        final List<Map<String, Object>> samplingRequests = new ArrayList<>();
        volatile boolean cancelled;
        Elicitation elicitAnswer;
        Map<String, Object> samplingAnswer;

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
        public String tenantId() {
            return "test";
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
