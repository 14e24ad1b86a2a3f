package io.berth.examples.conformance;

import io.berth.sdk.Caller;
import io.berth.sdk.Tool;
import io.berth.sdk.ToolHints;
import io.berth.sdk.ToolResult;

import java.util.List;
import java.util.TreeSet;

import static io.berth.examples.conformance.Json.object;

/**
 * {@code scoped_echo}: {@code echo} for callers granted {@value #SCOPE} only, answering with who called. Not a
 * conformance scenario: Berth's own tests use it to show that a tool's scopes decide who sees and calls it (an
 * anonymous caller, as in the conformance runs, never does) and that {@code ToolContext.caller()} is the token's
 * subject, client and scopes.
 */
final class ScopedEchoTool {

    static final String SCOPE = "demo.write";

    private ScopedEchoTool() {
    }

    static Tool tool() {
        return Tool.builder("scoped_echo")
                .title("Scoped echo")
                .description("Echoes back the message and names the caller; needs the scope " + SCOPE)
                .inputSchema(object(
                        "type", "object",
                        "properties", object("message", object("type", "string", "description", "Message to echo")),
                        "required", List.of("message")))
                .hints(new ToolHints(true, false, true, false))
                .scopes(SCOPE)
                .handler((call, context) -> {
                    Caller caller = context.caller();
                    return ToolResult.text("Echo: " + call.requireString("message") + " (subject=" + caller.subject()
                            + ", client=" + caller.clientId() + ", scopes=" + String.join(" ",
                            new TreeSet<>(caller.scopes())) + ")");
                })
                .build();
    }
}
