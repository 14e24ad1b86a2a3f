package io.berth.sdk;

import java.util.Map;

/**
 * What a Java type of an arguments or result record looks like as JSON: one model serves the generated schema, the
 * binding of a call's arguments and the writing of a result, so the three cannot disagree.
 */
sealed interface Shape permits Scalar, EnumShape, ArrayShape, MapShape, RecordShape, AnyShape {

    /** Which constraints a shape accepts; {@code TEXT} is a string of a fixed syntax (UUID, URI, duration, enum). */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, TEMPORAL, TEXT, ARRAY, MAP, RECORD, ANY }

    Kind kind();

    /** This shape's JSON Schema: a fresh, modifiable map, to which the caller adds constraints and a description. */
    Map<String, Object> schema();

    /** What a valid value looks like, for error messages: "an integer", "a date such as 2026-03-31". */
    String expected();

    /**
     * The Java value for the plain-Java JSON value {@code json} ({@code null} for JSON null), or {@code null} after
     * reporting every problem found at {@code path} and below.
     */
    Object bind(Object json, String path, Binding binding);

    /** The plain-Java JSON value for {@code value}; an {@link IllegalStateException} naming {@code path} if none. */
    Object write(Object value, String path);
}
