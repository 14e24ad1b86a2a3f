package io.berth.sdk;

import static io.berth.sdk.ConstraintSchemaTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What typed declarations refuse, with a message naming the place, and how the builder stages fit together. */
class TypedDeclarationTest {

    record Node(String name, List<Node> children) {
    }

    record Left(Right right) {
    }

    record Right(Optional<Left> left) {
    }

    record Unsupported(File file) {
    }

    record RawList(@SuppressWarnings("rawtypes") List items) {
    }

    record NumberKeys(Map<Integer, String> byNumber) {
    }

    record Generic<T>(T value) {
    }

    record OptionalInList(List<Optional<String>> maybe) {
    }

    record Chars(char c) {
    }

    record Ok(String a) {
    }

    @Test
    void cyclesAreRefusedWithTheChain() {
        assertRefused(Node.class, "record Node contains itself (Node -> Node)");
        assertRefused(Left.class, "record Left contains itself (Left -> Right -> Left)");
    }

    @Test
    void unsupportedTypesAreRefusedWithWhereTheyAre() {
        assertRefused(Unsupported.class, "Unsupported.file: java.io.File is not supported; supported are String");
        assertRefused(RawList.class, "RawList.items: java.util.List needs its type arguments");
        assertRefused(NumberKeys.class, "NumberKeys.byNumber: map keys must be Strings");
        assertRefused(Generic.class, "Generic.value: T is not a concrete type");
        assertRefused(OptionalInList.class, "OptionalInList.maybe[]: Optional is allowed only as the type of a "
                + "record component");
        assertRefused(Chars.class, "Chars.c: char is not supported");
    }

    @Test
    void aTypedToolTakesNeitherASchemaNorAnUntypedHandler() {
        assertThrows(IllegalStateException.class, () -> Tool.builder("t").description("d")
                .inputSchema(Map.of("type", "object")).arguments(Ok.class));
        assertThrows(IllegalStateException.class, () -> Tool.builder("t").description("d")
                .handler((call, context) -> ToolResult.text("")).arguments(Ok.class));
        assertThrows(IllegalStateException.class, () -> Tool.builder("t").description("d")
                .outputSchema(Map.of("type", "object")).arguments(Ok.class).output(Ok.class)
                .handler((a, c) -> a).build());
    }

    @Test
    void theHandlerIsRequiredInEveryStage() {
        var e = assertThrows(NullPointerException.class, () -> Tool.builder("t").description("d")
                .arguments(Ok.class).build());
        assertEquals("handler", e.getMessage());
        assertThrows(NullPointerException.class, () -> Tool.builder("t").description("d").arguments(Ok.class)
                .output(Ok.class).build());
    }

    @Test
    void metadataSetBeforeTheArgumentsIsKept() {
        Tool tool = Tool.builder("t").title("T").description("d").scopes("a.read").requiresApproval(true)
                .hints(new ToolHints(true, false, null, null)).taskSupport(TaskSupport.OPTIONAL)
                .arguments(Ok.class).output(Ok.class).handler((a, c) -> a).build();
        assertEquals("T", tool.title());
        assertEquals(List.of("a.read"), List.copyOf(tool.scopes()));
        assertTrue(tool.requiresApproval());
        assertEquals(true, tool.hints().readOnly());
        assertEquals(TaskSupport.OPTIONAL, tool.taskSupport());
        assertEquals("object", tool.outputSchema().get("type"));
    }
}
