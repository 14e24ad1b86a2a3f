/**
 * The worker JVM (docs/adr/0007-worker-tier.md): {@link io.berth.worker.WorkerMain} reads the host's requests from
 * stdin, runs plugin code on a bounded pool, each plugin in its own child-first class loader that shows it the JDK and
 * {@code io.berth.sdk} only, and hands the plugin a {@code ToolContext} whose every capability is a request back to
 * the host.
 *
 * <p>This package and {@code io.berth.worker.wire} depend on the JDK and the tool SDK only (a test reads their constant
 * pools to keep it so): the worker's class path is the platform-core and tool-sdk JARs, with no Jakarta EE,
 * MicroProfile or Hazelcast behind them.
 */
package io.berth.worker;
