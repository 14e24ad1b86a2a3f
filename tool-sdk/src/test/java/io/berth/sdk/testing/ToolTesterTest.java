package io.berth.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.CatalogList;
import io.berth.sdk.Content;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolPlugin;
import io.berth.sdk.ToolResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The harness calls tools as Berth does: arguments through JSON and the tool's own binder, input round by round. */
class ToolTesterTest {

    private final ToolTester tester = ToolTester.forPlugin(new SamplePlugin());

    static String text(ToolResult result) {
        return ((Content.Text) result.content().get(0)).text();
    }

    @Test
    void typedArgumentsAreBoundAndValidatedByTheSameCodeAsInBerth() throws Exception {
        ToolResult ok = tester.call("add", Map.of("a", 2, "b", 3));
        assertEquals(Map.of("value", 5L), ok.structuredContent());
        ToolResult invalid = tester.call("add", Map.of("a", -1, "b", "three"));
        assertTrue(invalid.isError());
        assertEquals("The arguments of tool add are invalid (2 problems):\n"
                + "- arguments.b: expected an integer, got \"three\"\n"
                + "- arguments.a: must be at least 0\n"
                + "Correct the arguments and call the tool again.", text(invalid));
    }

    @Test
    void argumentsTravelThroughJsonFirst() throws Exception {
        assertEquals("big=BigDecimal d=BigDecimal int=Long list=[Long, Boolean, null] whole=BigDecimal",
                text(tester.call("raw", Map.of("int", 5, "d", 2.5, "whole", 2.0,
                        "big", new java.math.BigInteger("12345678901234567890"),
                        "list", java.util.Arrays.asList((short) 1, true, null)))));
        assertEquals("0.10", text(tester.call("price", Map.of("amount", new BigDecimal("0.10")))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tester.call("raw", Map.of("day", LocalDate.of(2026, 1, 1))));
        assertTrue(e.getMessage().startsWith("arguments[\"day\"]: java.time.LocalDate is not a JSON value"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tester.call("raw", Map.of("x", Double.NaN)));
    }

    @Test
    void inputIsAnsweredRoundByRoundAndTheHandlerRunsAgain() throws Exception {
        TestContext context = new TestContext().answer("name", TestContext.accept(Map.of("name", "Ann")));
        assertEquals("Hello, Ann", text(tester.call("greet", Map.of(), context)));
        assertEquals(2, context.runs());
        assertEquals(2, context.inputRequests().size());
        assertEquals(2, context.progress().size(), "the progress before the request is reported in both rounds");
    }

    @Test
    void aFunctionCanAnswerEveryRequest() throws Exception {
        TestContext context = new TestContext().answerWith(request -> TestContext.decline());
        assertEquals("Bye", text(tester.call("greet", Map.of(), context)));
    }

    @Test
    void aPendingRequestWinsEvenIfTheHandlerSwallowsIt() throws Exception {
        TestContext context = new TestContext().answerWith(request -> TestContext.accept(Map.of()));
        assertEquals("asked", text(tester.call("swallow", Map.of(), context)));
        assertEquals(2, context.runs());
    }

    @Test
    void aMissingAnswerOrCapabilityIsReported() throws Exception {
        assertThrows(IllegalStateException.class, () -> tester.call("greet", Map.of()));
        ToolResult result = tester.call("greet", Map.of(), new TestContext().capabilities("sampling"));
        assertTrue(result.isError());
        assertEquals("This client does not support elicitation", text(result));
    }

    @Test
    void tasksCancellationProgressAndLogsAreRecorded() throws Exception {
        TestContext plain = new TestContext();
        assertEquals("call 10", text(tester.call("job", Map.of(), plain)));
        assertFalse(plain.ranAsTask());
        assertEquals(10, plain.progress().size());
        assertEquals(new TestContext.Progress(10, 10.0, null), plain.progress().get(9));
        assertEquals(List.of(new TestContext.Log(LogLevel.INFO, null, Map.of("done", 10L))), plain.logs());

        TestContext task = new TestContext().supportTasks().cancelAfterProgress(3);
        assertEquals("task 3", text(tester.call("job", Map.of(), task)));
        assertTrue(task.ranAsTask());
        assertEquals(List.of("working"), task.statuses());

        assertThrows(IllegalStateException.class, () -> tester.call("task_only", Map.of()));
        assertEquals("ran as task: true", text(tester.call("task_only", Map.of(), new TestContext().supportTasks())));
    }

    @Test
    void failuresLookAsTheModelWouldSeeThem() throws Exception {
        assertEquals("No such note", text(tester.call("refuse", Map.of())));
        assertTrue(tester.call("refuse", Map.of()).isError());
        assertEquals("The tool returned no result.", text(tester.call("nothing", Map.of())));
        assertThrows(IllegalStateException.class, () -> tester.call("crash", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> tester.call("missing", Map.of()));
    }

    @Test
    void catalogChangesAreRecorded() throws Exception {
        TestContext context = new TestContext();
        tester.call("changes", Map.of(), context);
        assertEquals(List.of(CatalogList.TOOLS), context.listChanges());
        assertEquals(List.of("notes://1"), context.resourceUpdates());
    }

    @Test
    void declarationsCanBeInspected() {
        Tool add = tester.tool("add");
        assertEquals("integer", ((Map<?, ?>) ((Map<?, ?>) add.inputSchema().get("properties")).get("a")).get("type"));
        assertEquals(11, tester.tools().size());
    }

    @Test
    void promptsAndResourcesToo() throws Exception {
        assertEquals("Summarize berth", ((Content.Text) tester.getPrompt("summary", Map.of("topic", "berth"))
                .messages().get(0).content()).text());
        assertThrows(IllegalArgumentException.class, () -> tester.getPrompt("summary", Map.of()));
        assertEquals("all notes", tester.readResource("notes://index").get(0).text());
        assertEquals("work/42", tester.readResource("notes://work/42").get(0).text());
        assertThrows(IllegalArgumentException.class, () -> tester.readResource("notes://a/b/c"));
    }

    @Test
    void aPluginThatDeclaresANameTwiceIsRefused() {
        Tool one = Tool.builder("same").description("d").handler((c, x) -> null).build();
        ToolPlugin twice = () -> List.of(one, one);
        assertThrows(IllegalStateException.class, () -> ToolTester.forPlugin(twice));
    }
}
