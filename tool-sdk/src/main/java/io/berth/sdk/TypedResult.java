package io.berth.sdk;

import java.util.List;
import java.util.Map;

/**
 * The typed result of one tool: the output schema generated from the record, and the writing of each result as
 * {@code structuredContent} plus, for clients that read only content, the same JSON as text (as MCP recommends).
 */
final class TypedResult<O extends Record> {

    private final RecordShape shape;
    private final Map<String, Object> schema;

    private TypedResult(RecordShape shape) {
        this.shape = shape;
        this.schema = Frozen.map(shape.schema());
    }

    /** @throws IllegalArgumentException when the record cannot be described as a JSON Schema */
    static <O extends Record> TypedResult<O> of(Class<O> type) {
        return new TypedResult<>(Typing.shapeOf(type));
    }

    Map<String, Object> schema() {
        return schema;
    }

    @SuppressWarnings("unchecked")
    ToolResult toResult(O value) {
        Map<String, Object> structured = (Map<String, Object>) shape.write(value, "result");
        return new ToolResult(List.of(new Content.Text(JsonText.write(structured))), structured, false);
    }
}
