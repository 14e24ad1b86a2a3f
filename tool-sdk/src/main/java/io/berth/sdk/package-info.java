/**
 * The Berth tool SDK: the public, versioned contract between plugin authors and Berth. It depends on the JDK and the
 * Jakarta Validation API, which Berth provides at run time.
 *
 * <p>A plugin is a JAR with a {@link io.berth.sdk.ToolPlugin} registered in
 * {@code META-INF/services/io.berth.sdk.ToolPlugin}. It declares {@link io.berth.sdk.Tool}s; Berth calls a tool's
 * {@link io.berth.sdk.ToolHandler} with the call's arguments and a {@link io.berth.sdk.ToolContext}, the plugin's only
 * way to the outside world.
 *
 * <p>JSON values cross this boundary as plain Java: {@code Map<String, Object>} (objects, insertion-ordered),
 * {@code List<Object>} (arrays), {@code String}, {@code Number} ({@code Long} for integers, {@code Double} or
 * {@code BigDecimal} otherwise), {@code Boolean} and {@code null}. No JSON library leaks into plugins.
 *
 * <p><b>Typed tools.</b> {@link io.berth.sdk.Tool.Builder#arguments(Class)} declares a tool's arguments as a record:
 * its JSON Schema (2020-12) is generated from the record's components, their types, {@link io.berth.sdk.Description}s
 * and Jakarta Validation constraints; every component is required unless it is an {@code Optional}; each call is bound
 * to a record instance and validated before a {@link io.berth.sdk.TypedHandler} runs, and a call that does not fit
 * gets one error result listing every problem with its path. {@link io.berth.sdk.TypedToolBuilder#output(Class)}
 * does the same for a result record, which becomes the result's structured content. The rules, type by type and
 * constraint by constraint, are in {@code docs/plugin-guide.md}.
 *
 * <p>{@link io.berth.sdk.safety} holds opt-in checks for values a model sends; {@link io.berth.sdk.testing} a harness
 * that calls a plugin's tools as Berth does, for unit tests.
 */
package io.berth.sdk;
