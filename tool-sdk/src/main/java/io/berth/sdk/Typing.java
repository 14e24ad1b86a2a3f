package io.berth.sdk;

/** Where typed declarations start: reading a record needs the Jakarta Validation API, which says so if it is missing. */
final class Typing {

    private Typing() {
    }

    static RecordShape shapeOf(Class<?> type) {
        try {
            return Shapes.of(type);
        } catch (NoClassDefFoundError e) {
            if (String.valueOf(e.getMessage()).startsWith("jakarta/validation/")) {
                throw new IllegalStateException("typed tools need the Jakarta Validation API "
                        + "(jakarta.validation:jakarta.validation-api) at run time; Berth provides it, a plugin's "
                        + "tests must have it on their class path", e);
            }
            throw e;
        }
    }
}
