package io.berth.sdk;

import java.util.List;
import java.util.Map;

/**
 * The typed arguments of one tool: the schema generated from the record, and the binding of each call to a record
 * instance. This is the only binder: Berth and the test harness both reach it through the tool's handler.
 */
final class TypedArguments<A extends Record> {

    /** Problems listed in one error result at most; a call with more is wrong in some general way anyway. */
    private static final int MAX_LISTED = 50;

    private final Class<A> type;
    private final RecordShape shape;
    private final Map<String, Object> schema;
    private final boolean validates;
    private volatile ArgumentValidator validator;

    private TypedArguments(Class<A> type, RecordShape shape) {
        this.type = type;
        this.shape = shape;
        this.schema = Frozen.map(shape.schema());
        this.validates = shape.constrainedAnywhere();
    }

    /** @throws IllegalArgumentException when the record cannot be described as a JSON Schema */
    static <A extends Record> TypedArguments<A> of(Class<A> type) {
        return new TypedArguments<>(type, Typing.shapeOf(type));
    }

    Map<String, Object> schema() {
        return schema;
    }

    /** The tool handler that binds each call and hands the record to {@code handler}. */
    ToolHandler handler(TypedHandler<A> handler) {
        return (call, context) -> {
            Object bound = bind(call);
            return bound instanceof ToolResult invalid ? invalid : handler.call(type.cast(bound), context);
        };
    }

    /** The tool handler that binds each call, hands the record to {@code handler} and writes its result. */
    <O extends Record> ToolHandler handler(TypedResult<O> result, StructuredHandler<A, O> handler) {
        return (call, context) -> {
            Object bound = bind(call);
            if (bound instanceof ToolResult invalid) {
                return invalid;
            }
            O value = handler.call(type.cast(bound), context);
            if (value == null) {
                throw new IllegalStateException("tool " + call.name() + " returned null instead of a result");
            }
            return result.toResult(value);
        };
    }

    /** The arguments record, or the error result that lists every problem of the call. */
    private Object bind(ToolCall call) {
        Binding binding;
        try {
            binding = new Binding(validates ? validator() : null);
        } catch (ArgumentValidator.Unavailable e) {
            return ToolResult.error("The arguments of tool " + call.name() + " cannot be checked, so it does not "
                    + "run: " + e.getMessage() + ". This is a problem of the server, not of the call.");
        }
        Object bound = shape.bind(call.arguments(), "arguments", binding);
        return binding.problems().isEmpty() ? bound : ToolResult.error(message(call.name(), binding.problems()));
    }

    private ArgumentValidator validator() throws ArgumentValidator.Unavailable {
        ArgumentValidator v = validator;
        if (v == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = ArgumentValidator.forLoader(type.getClassLoader());
                }
                v = validator;
            }
        }
        return v;
    }

    static String message(String tool, List<String> problems) {
        StringBuilder text = new StringBuilder("The arguments of tool ").append(tool).append(" are invalid (")
                .append(problems.size() == 1 ? "1 problem" : problems.size() + " problems").append("):");
        problems.stream().limit(MAX_LISTED).forEach(p -> text.append("\n- ").append(p));
        if (problems.size() > MAX_LISTED) {
            text.append("\n- … and ").append(problems.size() - MAX_LISTED).append(" more");
        }
        return text.append("\nCorrect the arguments and call the tool again.").toString();
    }
}
