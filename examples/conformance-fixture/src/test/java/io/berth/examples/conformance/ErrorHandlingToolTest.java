package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Content;
import io.berth.sdk.ToolResult;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorHandlingToolTest {

    @Test
    void returnsAnErrorResultWithTheFixtureText() throws Exception {
        ToolResult result = Fixture.call("test_error_handling");
        assertTrue(result.isError());
        assertEquals(List.of(new Content.Text("This tool intentionally returns an error for testing")),
                result.content());
    }
}
