/**
 * The Hazelcast member embedded in every Berth node. It holds what all nodes must agree on at once (tenant status,
 * later tokens, revocations and counters), so N nodes behave as one without sticky load balancing.
 *
 * <p>Only strings, numbers and Berth's own records go into Hazelcast: never plugin classes (docs/adr/0001). The CP
 * subsystem is Enterprise-only, so atomic state uses IMap entry processors.
 */
package io.berth.core.cluster;
