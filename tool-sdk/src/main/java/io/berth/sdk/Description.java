package io.berth.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record component (an argument or a field of a result) or a whole record for the model: it becomes the
 * {@code description} of that part of the generated JSON Schema. Write it for the model that fills in the call: what
 * the value means, its unit, an example.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Description {

    String value();
}
