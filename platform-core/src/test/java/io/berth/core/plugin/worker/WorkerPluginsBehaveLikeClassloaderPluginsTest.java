package io.berth.core.plugin.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Content;
import io.berth.sdk.Prompt;
import io.berth.sdk.PromptResult;
import io.berth.sdk.ResourceContents;
import io.berth.sdk.ResourceTemplate;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolHints;
import io.berth.sdk.ToolResult;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A plugin JAR deployed to a sandboxed worker yields the same SDK records as in the classloader tier, and calls
 * through them give the same results and the same two kinds of failure.
 */
class WorkerPluginsBehaveLikeClassloaderPluginsTest {

    private static WorkerPool pool;
    private static List<WorkerPlugin> plugins;

    @BeforeAll
    static void deploy() throws Exception {
        Workers.assumeSandbox();
        pool = new WorkerPool(Workers.sandboxed());
        plugins = pool.deploy("acme", List.of(Workers.jar()));
    }

    @AfterAll
    static void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void declaresEverythingTheHostNeeds() {
        assertEquals(1, plugins.size());
        WorkerPlugin p = plugins.get(0);
        assertEquals("acme", p.tenantId());
        assertEquals("test-plugin.jar", p.jarName());
        assertEquals(TestPluginJar.TOOLS, p.tools().stream().map(Tool::name).toList());
        Tool described = Workers.tool(plugins, "described");
        assertEquals("Described", described.title());
        assertEquals("a tool with everything", described.description());
        assertEquals(Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string")),
                "required", List.of("q")), described.inputSchema());
        assertEquals(Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer"))),
                described.outputSchema());
        assertEquals(new ToolHints(true, false, null, false), described.hints());
        assertEquals(TaskSupport.OPTIONAL, described.taskSupport());
        assertEquals(Tool.NO_ARGUMENTS, Workers.tool(plugins, "echo").inputSchema());

        assertEquals("test://static", p.resources().get(0).uri());
        assertEquals("Static", p.resources().get(0).title());
        assertEquals("text/plain", p.resources().get(0).mimeType());
        ResourceTemplate template = p.templates().get(0);
        assertEquals("test://items/{id}", template.uriTemplate());
        assertEquals("an item", template.description());
        Prompt greet = p.prompts().get(0);
        assertEquals("greet", greet.name());
        assertEquals("name", greet.arguments().get(0).name());
        assertTrue(greet.arguments().get(0).required());
    }

    @Test
    void callsAToolWithArgumentsAndStructuredContent() throws Exception {
        ToolResult r = Workers.call(plugins, "echo", Map.of("text", "hi \u00e9\ud83d\ude00\n", "n", 3L,
                "nested", Map.of("l", List.of(1.5, true))));
        assertEquals("hi \u00e9\ud83d\ude00\n", Workers.text(r));
        assertFalse(r.isError());
        assertEquals(Map.of("echo", Map.of("text", "hi \u00e9\ud83d\ude00\n", "n", 3L,
                "nested", Map.of("l", List.of(new BigDecimal("1.5"), true))), "tenant", "acme"), r.structuredContent());
    }

    @Test
    void carriesEveryContentType() throws Exception {
        ToolResult r = Workers.call(plugins, "described", Map.of("q", "x"));
        assertEquals(new Content.Image("aGk=", "image/png"), r.content().get(0));
        assertEquals(new Content.ResourceLink("test://static", "static", null, "text/plain"), r.content().get(1));
        assertEquals(new Content.EmbeddedResource("test://x", null, null, "aGk="), r.content().get(2));
        assertEquals(Map.of("n", 42L, "big", new BigDecimal("1.50")), r.structuredContent());
    }

    @Test
    void aToolExceptionIsARefusalWithItsMessage() {
        ToolException e = assertThrows(ToolException.class,
                () -> Workers.call(plugins, "refuse", Map.of("why", "no reason")));
        assertEquals("refused: no reason", e.getMessage());
        assertFalse(e instanceof WorkerCallException);
    }

    @Test
    void anUnexpectedFailureSaysNothingOfThePluginsInternals() {
        WorkerCallException e = assertThrows(WorkerCallException.class, () -> Workers.call(plugins, "boom", Map.of()));
        assertEquals(WorkerCallException.Reason.FAILED, e.reason());
        assertEquals("The plugin failed unexpectedly.", e.getMessage());
        assertEquals(io.berth.core.plugin.PluginCallException.Kind.FAILED, e.toPluginCallException().kind());
    }

    @Test
    void aToolReturningNothingReturnsNothing() throws Exception {
        assertNull(Workers.call(plugins, "nothing", Map.of()));
    }

    @Test
    void readsResourcesAndTemplateMembers() throws Exception {
        RecordingContext ctx = new RecordingContext("acme");
        List<ResourceContents> direct = plugins.get(0).resources().get(0).reader().read("test://static", ctx);
        assertEquals(List.of(ResourceContents.text("test://static", "text/plain", "static content")), direct);
        List<ResourceContents> item = plugins.get(0).templates().get(0).reader()
                .read("test://items/7", Map.of("id", "7"), ctx);
        assertEquals(List.of(ResourceContents.text("test://items/7", null, "item 7")), item);
    }

    @Test
    void expandsPromptsAndCompletes() throws Exception {
        Prompt greet = plugins.get(0).prompts().get(0);
        PromptResult r = greet.handler().get(Map.of("name", "Ada"), new RecordingContext("acme"));
        assertEquals("a greeting", r.description());
        assertEquals(new Content.Text("Hello Ada"), r.messages().get(0).content());
        assertEquals(List.of("al-1", "al-2"), greet.completer().complete("name", "al", Map.of()));
        ResourceTemplate t = plugins.get(0).templates().get(0);
        assertEquals(List.of("alpha", "albatross"), t.completer().complete("id", "al", Map.of()));
    }

    @Test
    void runsPluginCodeOnAJvmWithoutJakartaOrHazelcast() throws Exception {
        ToolResult r = Workers.call(plugins, "read", Map.of("path", "/berth/runtime/0/jakarta"));
        assertTrue(r.isError());
        assertInstanceOf(String.class, Workers.text(r));
    }
}
