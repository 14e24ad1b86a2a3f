package io.berth.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.sdk.Caller;
import io.berth.sdk.Content;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopedEchoToolTest {

    @Test
    void needsTheDemoWriteScope() {
        assertEquals(Set.of("demo.write"), Fixture.tool("scoped_echo").scopes());
    }

    @Test
    void echoesTheMessageAndNamesTheCaller() throws Exception {
        Fixture.RecordingContext context = new Fixture.RecordingContext();
        context.caller = new Caller("0123456789abcdef", "0123456789abcdef", Set.of("demo.write", "demo.read"));
        assertEquals(List.of(new Content.Text("Echo: hi (subject=0123456789abcdef, client=0123456789abcdef, "
                + "scopes=demo.read demo.write)")), Fixture.call("scoped_echo", Map.of("message", "hi"), context)
                .content());
    }
}
