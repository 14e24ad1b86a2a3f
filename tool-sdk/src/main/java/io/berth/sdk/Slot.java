package io.berth.sdk;

import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A place a value sits in: a record component, the items of an array, the values of a map, the content of an
 * {@code Optional}. It has a shape and the constraints written on that place.
 */
record Slot(Shape shape, List<Annotation> constraints) {

    Slot {
        constraints = List.copyOf(constraints);
    }

    /** The shape's schema with the constraints' keywords and, if given, a description. */
    Map<String, Object> schema(String description) {
        Map<String, Object> schema = shape.schema();
        Constraints.apply(schema, shape, constraints);
        if (description == null) {
            return schema;
        }
        Map<String, Object> described = new LinkedHashMap<>();
        if (schema.containsKey("type")) {
            described.put("type", schema.get("type"));
        }
        described.put("description", description);
        schema.forEach(described::putIfAbsent);
        return described;
    }

    /** Whether this place or any place inside it, down to but not into records, carries a constraint. */
    boolean constrained() {
        if (!constraints.isEmpty()) {
            return true;
        }
        if (shape instanceof ArrayShape array) {
            return array.items().constrained();
        }
        return shape instanceof MapShape map && map.values().constrained();
    }

    /** Whether any record reachable from here has a constraint to check. */
    boolean constrainedAnywhere() {
        if (!constraints.isEmpty()) {
            return true;
        }
        if (shape instanceof ArrayShape array) {
            return array.items().constrainedAnywhere();
        }
        if (shape instanceof MapShape map) {
            return map.values().constrainedAnywhere();
        }
        return shape instanceof RecordShape record && record.constrainedAnywhere();
    }
}
