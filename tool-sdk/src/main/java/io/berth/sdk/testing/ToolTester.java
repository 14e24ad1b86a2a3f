package io.berth.sdk.testing;

import io.berth.sdk.Prompt;
import io.berth.sdk.PromptArgument;
import io.berth.sdk.PromptResult;
import io.berth.sdk.Resource;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolPlugin;
import io.berth.sdk.ToolResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calls a plugin's tools, prompts and resources as Berth does. The plugin's declarations are read once, as Berth reads
 * them when it loads the plugin; a name used twice is an {@link IllegalStateException} here (Berth would skip the
 * second).
 *
 * <p>A tool call's outcome is what the model would get: a {@link ToolException} (from the handler or from the binding
 * of typed arguments) becomes an error result with its message, and no result becomes an error result. Any other
 * exception is thrown to the test: Berth would log it and tell the model only that the tool failed.
 */
public final class ToolTester {

    private static final int MAX_ROUNDS = 10;

    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Map<String, Prompt> prompts = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final List<ResourceTemplate> templates;

    private ToolTester(List<Tool> tools, List<Prompt> prompts, List<Resource> resources,
                       List<ResourceTemplate> templates) {
        tools.forEach(t -> unique(this.tools, t.name(), t, "tool"));
        prompts.forEach(p -> unique(this.prompts, p.name(), p, "prompt"));
        resources.forEach(r -> unique(this.resources, r.uri(), r, "resource"));
        this.templates = List.copyOf(templates);
    }

    public static ToolTester forPlugin(ToolPlugin plugin) {
        return new ToolTester(plugin.tools(), plugin.prompts(), plugin.resources(), plugin.resourceTemplates());
    }

    public static ToolTester forTools(Tool... tools) {
        return new ToolTester(List.of(tools), List.of(), List.of(), List.of());
    }

    /** The declaration of tool {@code name}: its schemas, scopes, hints. */
    public Tool tool(String name) {
        return find(tools, name, "tool");
    }

    public List<Tool> tools() {
        return List.copyOf(tools.values());
    }

    /** Calls tool {@code name} with a fresh {@link TestContext}. */
    public ToolResult call(String name, Map<String, ?> arguments) throws Exception {
        return call(name, arguments, new TestContext());
    }

    /**
     * Calls tool {@code name}. {@code arguments} go through JSON first ({@code 5} arrives as a {@code Long}, a
     * {@code LocalDate} is refused: write the string the model would send). Input the tool asks for is answered by
     * {@code context} round by round, the handler running again each time.
     */
    public ToolResult call(String name, Map<String, ?> arguments, TestContext context) throws Exception {
        Tool tool = tool(name);
        Map<String, Object> json = WireJson.object(arguments == null ? Map.of() : arguments, "arguments");
        if (tool.taskSupport() == TaskSupport.REQUIRED && !context.tasksSupported()) {
            throw new IllegalStateException("tool " + name + " runs only as a task: give the context supportTasks()");
        }
        context.startCall(true, tool.taskSupport() != TaskSupport.FORBIDDEN);
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            context.startRound();
            ToolResult result = null;
            ToolException refused = null;
            try {
                result = tool.handler().call(new ToolCall(name, json), context);
            } catch (ToolException e) {
                refused = e;
            }
            if (context.answerPending()) {
                continue;   // as in Berth, a pending input request wins over whatever the handler did with it
            }
            if (refused != null) {
                return ToolResult.error(refused.getMessage() == null ? "The plugin refused the call."
                        : refused.getMessage());
            }
            if (result == null) {
                return ToolResult.error("The tool returned no result.");
            }
            if (result.structuredContent() != null) {
                WireJson.value(result.structuredContent(), "structuredContent");
            }
            return result;
        }
        throw new IllegalStateException("tool " + name + " still asks for input after " + MAX_ROUNDS + " rounds");
    }

    /** Expands prompt {@code name}; a missing required argument is refused, as Berth refuses it. */
    public PromptResult getPrompt(String name, Map<String, String> arguments, TestContext context) throws Exception {
        Prompt prompt = find(prompts, name, "prompt");
        for (PromptArgument a : prompt.arguments()) {
            if (a.required() && (arguments == null || !arguments.containsKey(a.name()))) {
                throw new IllegalArgumentException("Missing required argument: " + a.name());
            }
        }
        return prompt.handler().get(arguments == null ? Map.of() : Map.copyOf(arguments), context);
    }

    public PromptResult getPrompt(String name, Map<String, String> arguments) throws Exception {
        return getPrompt(name, arguments, new TestContext());
    }

    /** Reads the resource at {@code uri}: a fixed one, or one of a template's family. */
    public List<ResourceContents> readResource(String uri, TestContext context) throws Exception {
        Resource resource = resources.get(uri);
        if (resource != null) {
            return resource.reader().read(uri, context);
        }
        for (ResourceTemplate template : templates) {
            Optional<Map<String, String>> variables = UriTemplateMatch.match(template.uriTemplate(), uri);
            if (variables.isPresent()) {
                return template.reader().read(uri, variables.get(), context);
            }
        }
        throw new IllegalArgumentException("no resource or template matches " + uri);
    }

    public List<ResourceContents> readResource(String uri) throws Exception {
        return readResource(uri, new TestContext());
    }

    private static <T> void unique(Map<String, T> byName, String name, T item, String kind) {
        if (byName.putIfAbsent(name, item) != null) {
            throw new IllegalStateException("the plugin declares " + kind + " " + name + " twice");
        }
    }

    private static <T> T find(Map<String, T> byName, String name, String kind) {
        T item = byName.get(name);
        if (item == null) {
            throw new IllegalArgumentException("the plugin has no " + kind + " " + name + "; it has "
                    + byName.keySet());
        }
        return item;
    }
}
