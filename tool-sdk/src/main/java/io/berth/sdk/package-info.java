/**
 * The Berth tool SDK: the public, versioned contract between plugin authors and Berth. It depends on the JDK only.
 *
 * <p>A plugin is a JAR with a {@link io.berth.sdk.ToolPlugin} registered in
 * {@code META-INF/services/io.berth.sdk.ToolPlugin}. It declares {@link io.berth.sdk.Tool}s; Berth calls a tool's
 * {@link io.berth.sdk.ToolHandler} with the call's arguments and a {@link io.berth.sdk.ToolContext}, the plugin's only
 * way to the outside world.
 *
 * <p>JSON values cross this boundary as plain Java: {@code Map<String, Object>} (objects, insertion-ordered),
 * {@code List<Object>} (arrays), {@code String}, {@code Number} ({@code Long} for integers, {@code Double} or
 * {@code BigDecimal} otherwise), {@code Boolean} and {@code null}. No JSON library leaks into plugins.
 */
package io.berth.sdk;
