/**
 * The worker protocol, shared by host and worker: JSON-RPC 2.0, one message per line (UTF-8, {@code \n}-terminated)
 * over the worker's stdin and stdout, read and written by a small strict JSON codec of its own
 * ({@link io.berth.worker.wire.JsonReader}, {@link io.berth.worker.wire.JsonWriter}) because the worker JVM has no
 * JSON-P. {@link io.berth.worker.wire.Rpc} names the methods and error codes; the {@code *Wire} classes map SDK records
 * to plain-Java JSON and back, through the SDK's own constructors. docs/adr/0007-worker-tier.md describes the exchange.
 */
package io.berth.worker.wire;
