package io.berth.sdk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.berth.sdk.InputRequest;
import io.berth.sdk.LogLevel;
import io.berth.sdk.Root;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The context on its own: it answers at once and checks what a tool reports. */
class TestContextTest {

    @Test
    void answersAtOnceWithoutTheTester() throws Exception {
        TestContext context = new TestContext("acme").answerWith(request -> request instanceof InputRequest.Sample
                ? TestContext.sampled("Paris") : TestContext.roots(new Root("file:///work", "work")));
        assertEquals("acme", context.tenantId());
        assertEquals(Map.of("type", "text", "text", "Paris"),
                context.createMessage(Map.of("messages", List.of())).get("content"));
        assertEquals(List.of(new Root("file:///work", "work")), context.listRoots());
        assertEquals(2, context.inputRequests().size());
    }

    @Test
    void progressMustGrow() {
        TestContext context = new TestContext();
        context.progress(1, null, null);
        assertThrows(IllegalStateException.class, () -> context.progress(1, null, null));
    }

    @Test
    void logDataMustBeJson() {
        TestContext context = new TestContext();
        context.log(LogLevel.DEBUG, "x", List.of(1, "a"));
        assertEquals(List.of(1L, "a"), context.logs().get(0).data());
        assertThrows(IllegalArgumentException.class, () -> context.log(LogLevel.DEBUG, "x", new Object()));
    }

    @Test
    void cancellation() {
        TestContext context = new TestContext();
        assertFalse(context.cancelled());
        context.cancel();
        assertTrue(context.cancelled());
    }

    @Test
    void capabilitiesDecideWhatTheClientCanAnswer() {
        TestContext context = new TestContext().capabilities("roots");
        assertTrue(context.canRequest(new InputRequest.ListRoots()));
        assertFalse(context.canRequest(new InputRequest.Sample(Map.of())));
    }
}
