package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.Content;
import io.berth.sdk.ToolException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EchoToolTest {

    @Test
    void echoesTheMessage() throws Exception {
        assertEquals(List.of(new Content.Text("Echo: hello")),
                Fixture.call("echo", Map.of("message", "hello"), new Fixture.RecordingContext()).content());
    }

    @Test
    void aMissingMessageIsAToolFailureNamingIt() {
        var e = assertThrows(ToolException.class, () -> Fixture.call("echo"));
        assertTrue(e.getMessage().contains("'message'"), e.getMessage());
    }

    @Test
    void aNonStringMessageIsAToolFailure() {
        assertThrows(ToolException.class,
                () -> Fixture.call("echo", Map.of("message", 42L), new Fixture.RecordingContext()));
    }

    @Test
    void declaresMessageAsARequiredString() {
        Map<String, Object> schema = Fixture.tool("echo").inputSchema();
        assertEquals(List.of("message"), schema.get("required"));
        assertEquals(Map.of("message", Map.of("type", "string", "description", "Message to echo")),
                schema.get("properties"));
    }
}
