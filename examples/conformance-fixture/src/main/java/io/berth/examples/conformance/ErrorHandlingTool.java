package io.berth.examples.conformance;

import io.berth.sdk.Tool;
import io.berth.sdk.ToolResult;

/**
 * {@code test_error_handling} (scenario {@code tools-call-error}): always fails. It returns the failure as an error
 * result, the first of the SDK's two ways; {@link EchoTool} shows the other, throwing a
 * {@link io.berth.sdk.ToolException}. Both reach the client as {@code isError: true} with the message as text.
 */
final class ErrorHandlingTool {

    static final String MESSAGE = "This tool intentionally returns an error for testing";

    private ErrorHandlingTool() {
    }

    static Tool tool() {
        return Tool.builder("test_error_handling")
                .description("Tests error response handling")
                .handler((call, context) -> ToolResult.error(MESSAGE))
                .build();
    }
}
