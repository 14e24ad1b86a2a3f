package io.berth.sdk.testing;

import io.berth.sdk.CatalogList;
import io.berth.sdk.Content;
import io.berth.sdk.Elicitation;
import io.berth.sdk.InputRequest;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptMessage;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolPlugin;
import io.berth.sdk.ToolResult;

import jakarta.validation.constraints.Min;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A plugin with one tool of each kind the harness must handle. */
final class SamplePlugin implements ToolPlugin {

    record Sum(@Min(0) int a, int b) {
    }

    record Total(long value) {
    }

    record Price(BigDecimal amount) {
    }

    @Override
    public List<Tool> tools() {
        return List.of(
                Tool.builder("add").description("Adds two numbers").arguments(Sum.class).output(Total.class)
                        .handler((sum, context) -> new Total((long) sum.a() + sum.b())).build(),
                Tool.builder("price").description("Echoes a price").arguments(Price.class)
                        .handler((p, context) -> ToolResult.text(p.amount().toPlainString())).build(),
                Tool.builder("raw").description("Shows the Java types of what it got")
                        .handler((call, context) -> ToolResult.text(new java.util.TreeMap<>(call.arguments())
                                .entrySet().stream().map(e -> e.getKey() + "=" + typeOf(e.getValue()))
                                .collect(java.util.stream.Collectors.joining(" ")))).build(),
                Tool.builder("greet").description("Asks for a name, after reporting progress")
                        .handler((call, context) -> {
                            context.progress(1, null, "asking");
                            var answers = context.requestInput(Map.of("name", new InputRequest.Elicit(
                                    "Your name?", Map.of("type", "object"))));
                            Elicitation e = answers.elicitation("name");
                            return ToolResult.text(e.accepted() ? "Hello, " + e.content().get("name") : "Bye");
                        }).build(),
                Tool.builder("swallow").description("Catches the input exception and carries on")
                        .handler((call, context) -> {
                            try {
                                context.elicit("Sure?", Map.of("type", "object"));
                            } catch (ToolException e) {
                                return ToolResult.text("never mind");
                            }
                            return ToolResult.text("asked");
                        }).build(),
                Tool.builder("job").description("A long job").taskSupport(TaskSupport.OPTIONAL)
                        .handler((call, context) -> {
                            boolean task = context.runAsTask();
                            context.status("working");
                            int done = 0;
                            while (done < 10 && !context.cancelled()) {
                                context.progress(++done, 10.0, null);
                            }
                            context.log(LogLevel.INFO, null, Map.of("done", done));
                            return ToolResult.text((task ? "task " : "call ") + done);
                        }).build(),
                Tool.builder("task_only").description("Only as a task").taskSupport(TaskSupport.REQUIRED)
                        .handler((call, context) -> ToolResult.text("ran as task: " + context.runAsTask())).build(),
                Tool.builder("refuse").description("Always refuses")
                        .handler((call, context) -> {
                            throw new ToolException("No such note");
                        }).build(),
                Tool.builder("nothing").description("Returns null").handler((call, context) -> null).build(),
                Tool.builder("crash").description("Fails").handler((call, context) -> {
                    throw new IllegalStateException("bug");
                }).build(),
                Tool.builder("changes").description("Changes the catalog").handler((call, context) -> {
                    context.listChanged(CatalogList.TOOLS);
                    context.resourceUpdated("notes://1");
                    return ToolResult.text("ok");
                }).build());
    }

    private static String typeOf(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(SamplePlugin::typeOf).toList().toString();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }

    @Override
    public List<Prompt> prompts() {
        return List.of(new Prompt("summary", null, "Summarizes", List.of(new PromptArgument("topic", null, true)),
                (arguments, context) -> new PromptResult(null, List.of(PromptMessage.user(new Content.Text(
                        "Summarize " + arguments.get("topic"))))), null));
    }

    @Override
    public List<Resource> resources() {
        return List.of(new Resource("notes://index", "index", null, null, "text/plain",
                (uri, context) -> List.of(ResourceContents.text(uri, "text/plain", "all notes"))));
    }

    @Override
    public List<ResourceTemplate> resourceTemplates() {
        return List.of(new ResourceTemplate("notes://{folder}/{id}", "note", null, null, "text/plain",
                (uri, variables, context) -> List.of(ResourceContents.text(uri, "text/plain",
                        variables.get("folder") + "/" + variables.get("id"))), null));
    }
}
