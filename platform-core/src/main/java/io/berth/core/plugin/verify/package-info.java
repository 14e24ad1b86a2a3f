/**
 * Checks an uploaded plugin JAR before any of its code runs (DESIGN.md §6, "Upload → checks"): the archive is read
 * without trusting its own size claims, the service descriptor must name classes the JAR contains, and every class
 * may only reference the plugin itself, the SDK and an allow-list of JDK APIs ({@link JdkAllowList}).
 *
 * <p>{@link io.berth.core.plugin.verify.PluginVerifier} is the entry; it answers with a
 * {@link io.berth.core.plugin.verify.Verification} that either carries the inspected plugin or lists every problem and
 * violation found. Passing these checks does not make a plugin safe to run in the host JVM: they keep out the obvious
 * and the accidental, and the worker tier remains the boundary for untrusted code.
 */
package io.berth.core.plugin.verify;
