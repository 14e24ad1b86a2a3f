/**
 * The worker tier (DESIGN.md §6; docs/adr/0007-worker-tier.md): untrusted plugins run in one JVM per tenant, started
 * by Berth inside bubblewrap (all namespaces unshared, so no network; read-only binds; a private {@code /tmp}), under
 * a seccomp filter ({@link io.berth.core.plugin.worker.SeccompFilter}) and kernel limits, and spoken to over stdio
 * with newline-delimited JSON-RPC ({@code io.berth.worker.wire}).
 *
 * <p>Where things are: {@link io.berth.core.plugin.worker.WorkerPool} is the entry (deploy a tenant's JARs, get
 * {@link io.berth.core.plugin.worker.WorkerPlugin}s whose SDK records forward to the worker);
 * {@code TenantWorker} keeps a tenant's worker warm and replaces it when it dies; {@code WorkerProcess} owns one
 * JVM's pipes and kills it; {@code WorkerCall} is one request, served on the caller's thread, reverse
 * {@code context/*} requests included ({@link io.berth.core.plugin.worker.ContextBridge}); {@code Launcher} and
 * {@code SandboxCommand} build the sandbox and refuse to run without one.
 *
 * <p>The worker side is {@code io.berth.worker}, in this JAR but free of everything but the JDK and the SDK.
 */
package io.berth.core.plugin.worker;
