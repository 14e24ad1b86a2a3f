package io.berth.examples.conformance;

import io.berth.sdk.Elicitation;
import io.berth.sdk.InputResponses;
import io.berth.sdk.TaskSupport;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolCall;
import io.berth.sdk.ToolContext;
import io.berth.sdk.ToolException;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.Map;

import static io.berth.examples.conformance.Json.object;
import static io.berth.examples.conformance.NoArgumentTools.tool;

/**
 * The fixtures of the tasks-extension scenarios ({@code tasks/*.ts}, SEP-2663) besides {@link SlowCompute}:
 * <ul>
 * <li>{@code greet {name}}: never a task; {@code Hello, <name>!};</li>
 * <li>{@code confirm_delete {filename}}: may be a task; asks {@code confirm} ("Delete '<filename>'?", boolean
 * {@code confirm}) and says whether the deletion was confirmed (it deletes nothing);</li>
 * <li>{@code multi_input}: may be a task; asks {@code user_name} and {@code confirm_action} at once, so a task waits
 * for two answers;</li>
 * <li>{@code failing_job}: task only; fails after about a second with a tool error ({@code completed},
 * {@code isError});</li>
 * <li>{@code protocol_error_job}: task only; crashes, which the suite expects to end the task {@code failed} with a
 * JSON-RPC error;</li>
 * <li>{@code test_tool_with_task}: task only; asks {@code user_name} first, then greets the name.</li>
 * </ul>
 * Each hands the caller a task handle ({@link ToolContext#runAsTask}) before its slow part, so input it asks for
 * afterwards waits on the task; {@code test_tool_with_task} asks for the name first (scenario
 * {@code tasks-mrtr-composition} expects it gathered in the call's own round trips) and only then becomes a task.
 */
final class TaskTools {

    static final String CONFIRM = "confirm";
    static final String CONFIRM_ACTION = "confirm_action";

    private TaskTools() {
    }

    static List<Tool> tools() {
        return List.of(
                Tool.builder("greet").description("Greets someone by name; never runs as a task")
                        .inputSchema(stringArgument("name", "Name to greet"))
                        .handler((call, context) -> ToolResult.text("Hello, " + call.requireString("name") + "!"))
                        .build(),
                Tool.builder("confirm_delete").description("Asks the user to confirm deleting a file (deletes nothing)")
                        .inputSchema(stringArgument("filename", "The file the user is asked about"))
                        .taskSupport(TaskSupport.OPTIONAL).handler(TaskTools::confirmDelete).build(),
                tool("multi_input", "Asks for a name and a confirmation at once", TaskSupport.OPTIONAL,
                        TaskTools::multiInput),
                tool("failing_job", "Fails after about a second with a tool error; runs only as a task",
                        TaskSupport.REQUIRED, TaskTools::failingJob),
                tool("protocol_error_job", "Crashes inside the server; runs only as a task", TaskSupport.REQUIRED,
                        context -> {
                            context.runAsTask();
                            throw new IllegalStateException("protocol_error_job always crashes");
                        }),
                tool("test_tool_with_task", "Asks for the user's name, then greets them; runs only as a task",
                        TaskSupport.REQUIRED, TaskTools::greetAsked));
    }

    private static ToolResult confirmDelete(ToolCall call, ToolContext context) throws ToolException {
        String filename = call.requireString("filename");
        context.runAsTask();
        context.status("Waiting for the user to confirm deleting '" + filename + "'");
        Elicitation answer = context.requestInput(
                Map.of(CONFIRM, InputRequests.form("Delete '" + filename + "'?", "confirm", "boolean")))
                .elicitation(CONFIRM);
        if (confirmed(answer)) {
            return ToolResult.text("Deletion of '" + filename + "' confirmed (this fixture deletes nothing)");
        }
        return ToolResult.text("Kept '" + filename + "'");
    }

    private static ToolResult multiInput(ToolContext context) throws ToolException {
        context.runAsTask();
        context.status("Waiting for a name and a confirmation");
        InputResponses answers = context.requestInput(InputRequests.inOrder(
                InputRequiredTools.USER_NAME, InputRequests.form("Enter your name:", "name", "string"),
                CONFIRM_ACTION, InputRequests.form("Confirm action?", "confirm", "boolean")));
        return ToolResult.text("name=" + InputRequests.acceptedString(answers, InputRequiredTools.USER_NAME, "name")
                + ", confirmed=" + confirmed(answers.elicitation(CONFIRM_ACTION)));
    }

    private static ToolResult failingJob(ToolContext context) throws ToolException {
        context.runAsTask();
        context.status("Working; this job fails after about a second");
        if (!SlowCompute.pause(context, 1000)) {
            return ToolResult.error("failing_job cancelled");
        }
        throw new ToolException("failing_job failed on purpose: this job always fails");
    }

    private static ToolResult greetAsked(ToolContext context) throws ToolException {
        InputResponses answers = context.requestInput(
                Map.of(InputRequiredTools.USER_NAME, InputRequests.askName()));
        String name = InputRequests.acceptedString(answers, InputRequiredTools.USER_NAME, "name");
        context.runAsTask();
        context.status("Greeting " + name);
        return ToolResult.text("Hello, " + name + "!");
    }

    /** True if the user accepted and ticked {@code confirm}; a decline, a cancel or anything else means no. */
    private static boolean confirmed(Elicitation answer) {
        return answer.accepted() && answer.content() != null && Boolean.TRUE.equals(answer.content().get("confirm"));
    }

    private static Map<String, Object> stringArgument(String name, String description) {
        return object(
                "type", "object",
                "properties", object(name, object("type", "string", "description", description)),
                "required", List.of(name));
    }
}
